import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

export type SqliteDb = Database.Database;

/**
 * Pragmas for every read-write connection. `synchronous` must be set on every open: better-sqlite3
 * is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a reopened WAL file silently drops to NORMAL,
 * which can lose the last commits on power loss. FULL is a shop ledger's choice.
 * Locking stays NORMAL (not EXCLUSIVE) so the import worker can hold its own connection;
 * a second app instance is kept out by the desktop single-instance lock and busy_timeout.
 */
export function applyConnectionPragmas(db: SqliteDb): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function openReadWrite(path: string): SqliteDb {
  const db = new Database(path);
  applyConnectionPragmas(db);
  return db;
}

export type FileInspection =
  | { kind: 'missing' }
  | { kind: 'ok'; userVersion: number }
  | { kind: 'corrupt'; detail: string };

/**
 * Looks at a database file without writing to it: read-only, `quick_check`, `user_version`.
 * A damaged page makes quick_check throw SQLITE_CORRUPT and a non-database file throws
 * SQLITE_NOTADB on the first statement, so both a throw and a non-"ok" row mean corrupt.
 */
export function inspectDatabaseFile(path: string): FileInspection {
  if (!existsSync(path)) return { kind: 'missing' };
  let db: SqliteDb | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) return { kind: 'corrupt', detail: problems.slice(0, 5).join('; ') };
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    return { kind: 'ok', userVersion };
  } catch (error) {
    return { kind: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

export function quickCheck(db: SqliteDb, full = false): string[] {
  const pragma = full ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(pragma) as Record<string, string>[];
  return rows.map((r) => Object.values(r)[0] ?? '').filter((r) => r !== 'ok');
}
