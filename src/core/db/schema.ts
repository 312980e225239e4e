/**
 * The database as kysely sees it: one interface per table, typed to what better-sqlite3 returns.
 * Money is integer fen, platform IDs are TEXT, instants are ISO TEXT.
 */
export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

export interface Database {
  settings: SettingsTable;
}
