import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { openDatabase, type SqliteDb } from '../../src/core/db/open-database';

export const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Size of a file, or null when it does not exist. */
export const sizeOf = (path: string): number | null => (existsSync(path) ? statSync(path).size : null);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every user table's rows, sorted, so two databases can be compared for exact equality. */
export function dumpTables(db: SqliteDb): Record<string, string[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    dump[table] = db
      .prepare(`SELECT * FROM ${quote(table)}`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return dump;
}

/** Opens a file read-only just long enough to dump it. */
export function dumpFile(path: string): Record<string, string[]> {
  const db = openDatabase(path, { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}

export type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

/** sqlite_master as (type, name, tbl_name, sql), sorted: the schema to compare or snapshot. */
export function schemaOf(db: SqliteDb): SchemaRow[] {
  return db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as SchemaRow[];
}

export const pragmaValue = (db: SqliteDb, name: string): unknown => db.pragma(name, { simple: true });

/**
 * Adds `count` rows to the settings table under keys `<prefix>-<n>` (ignored by readSettings,
 * which only reads known keys). Values hold Chinese text so encodings are exercised too.
 */
export function seedSettingsRows(db: SqliteDb, prefix: string, count: number, valueBytes = 40): void {
  const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  const filler = '小店'.repeat(Math.max(1, Math.ceil(valueBytes / 6)));
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) insert.run(`${prefix}-${i}`, JSON.stringify(`${filler}${i}`), '2026-11-22T12:00:00.000Z');
  })();
}

export const countRows = (db: SqliteDb, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${quote(table)}`).pluck().get() as number;

/** A small deterministic PRNG (mulberry32), so "random" damage is the same on every run. */
export function seededBytes(seed: number, length: number): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/** Overwrites one whole page of a database file in place. */
export function overwritePage(path: string, pageNumber: number, seed: number): void {
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const offset = (pageNumber - 1) * pageSize;
  if (offset + pageSize > bytes.length) throw new Error(`page ${pageNumber} is past the end of ${path}`);
  seededBytes(seed, pageSize).copy(bytes, offset);
  writeFileSync(path, bytes);
}
