import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: the money snapshot kept on disk (issue 14, screens at 500k lines). Today, the
 * reminders and the forecast wait at their first call for the forecast groups and the fee history
 * (src/core/money/money-snapshot.ts), which took a read of every order line after each app start
 * (1.2–2.9 s at 500k–1M lines). One row holds them, written after each import and undo, tagged
 * with the imports version they were built for and the format they are written in: a row of
 * another version or format is never read. No data changes; the row appears with the next import.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // IF NOT EXISTS: a shop set back to an older version (as tests do) keeps the table it had.
  await sql`CREATE TABLE IF NOT EXISTS money_kept_snapshot (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL,
    format INTEGER NOT NULL,
    body TEXT NOT NULL,
    kept_at TEXT NOT NULL
  )`.execute(db);
}
