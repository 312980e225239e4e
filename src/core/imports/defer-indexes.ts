import type { SqliteDb } from '../db/open-database';

/** An index as SQLite stored it: its CREATE statement is run again verbatim. */
export type DeferredIndex = { name: string; sql: string };

/** A 抖店 order line is ~560 bytes (the benchmark's export: 279 MB / 500,000); shorter kinds are under-estimated, which only keeps their indexes. */
const BYTES_PER_LINE = 600;

/** Below this many estimated lines the load is short anyway: the indexes stay. */
export const MIN_DEFERRED_LINES = 20_000;

/**
 * Fewer indexes during a big load (measured on 100,000 order lines, CPU time: 11 secondary indexes
 * kept current row by row cost 2.8–3.5 s, inserting without them and creating them afterwards
 * from one sorted pass 2.1–2.2 s). Creating an index reads the whole table, so it pays only when
 * the file brings at least as many lines as the table holds: the first import of a shop, or a
 * big backfill. Only non-unique indexes are dropped (a UNIQUE one is a rule the load must keep);
 * the primary key, which every line is looked up by, stays. Runs inside the unit's write
 * transaction: a rollback brings the indexes back with everything else, and other connections
 * keep reading their snapshot, indexes included, until the commit.
 */
export function deferIndexes(db: SqliteDb, table: string, sizeBytes: number): DeferredIndex[] {
  const incoming = sizeBytes / BYTES_PER_LINE;
  if (incoming < MIN_DEFERRED_LINES) return [];
  // max(rowid) reads one page and never under-counts the rows (rowids are not reused below it).
  const stored = (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  if (stored > incoming) return [];
  const indexes = db
    .prepare(
      `SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_index_list(?) l ON l.name = m.name
       WHERE m.type = 'index' AND m.sql IS NOT NULL AND l."unique" = 0 ORDER BY m.name`,
    )
    .all(table) as DeferredIndex[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  return indexes;
}

/** Creates the deferred indexes again (before anything reads through them: the report summaries do). */
export function restoreIndexes(db: SqliteDb, indexes: readonly DeferredIndex[]): void {
  for (const index of indexes) db.exec(index.sql);
}
