import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mapSqliteError } from './sqlite-errors';

export type SqliteDb = Database.Database;

export type OpenOptions = {
  /** Read-only connections never write to the file (start-up check, backup verification). */
  readonly?: boolean;
  /** How long a statement waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
};

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * The one place a SQLite connection is made; every other module goes through here so no
 * connection can miss a pragma.
 *
 * Read-write connections: `synchronous` must be set on every open — better-sqlite3 is built with
 * SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a reopened WAL file silently drops to NORMAL, which can
 * lose the last commits on power loss. FULL is a shop ledger's choice. Locking stays NORMAL (not
 * EXCLUSIVE) so an import worker can hold a second connection; a second app instance is kept out
 * by the desktop single-instance lock, and busy_timeout covers short overlaps (see README.md).
 */
export function openDatabase(path: string, options: OpenOptions = {}): SqliteDb {
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (options.readonly) return new Database(path, { readonly: true, fileMustExist: true, timeout });
  const db = new Database(path, { timeout });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(timeout)}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Creates a new, empty WAL database at `path` without ever leaving a 0-byte file there: the
 * header is written under a temp name, synced, then renamed into place. So a 0-byte file at the
 * database path is never ShopDesk's own half-made file, and is treated as damage (README.md).
 */
export function createEmptyDatabase(path: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.creating.tmp`);
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(tmp);
  db.close();
  fsyncFile(tmp);
  renameSync(tmp, path);
  fsyncDirectory(dirname(path));
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable on POSIX; Windows cannot open a directory, and NTFS journals renames. */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform: the rename is still atomic, only its durability is weaker.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export type DatabaseHeader =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'not-sqlite'; sizeBytes: number }
  | { kind: 'sqlite'; sizeBytes: number; isWal: boolean; userVersion: number };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Reads the 100-byte header with plain file I/O: no SQLite connection, no sidecar files. */
export function readDatabaseHeader(path: string): DatabaseHeader {
  if (!existsSync(path)) return { kind: 'missing' };
  const { size } = statSync(path);
  if (size === 0) return { kind: 'empty' };
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return { kind: 'not-sqlite', sizeBytes: size };
  // Bytes 18–19 are the write/read format versions: 2 means WAL, 1 rollback journal.
  // Offset 60 holds PRAGMA user_version as a big-endian 32-bit integer.
  return { kind: 'sqlite', sizeBytes: size, isWal: header[18] === 2 || header[19] === 2, userVersion: header.readInt32BE(60) };
}

export type FileInspection =
  | { kind: 'missing' }
  | { kind: 'ok'; userVersion: number }
  | { kind: 'newer'; userVersion: number }
  | { kind: 'corrupt'; detail: string };

const isCorruption = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
};

const hasWalContent = (path: string): boolean => {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
};

/**
 * Looks at a database file without writing to it. A damaged page makes quick_check throw
 * SQLITE_CORRUPT and a non-database file throws SQLITE_NOTADB on the first statement, so both a
 * throw and a non-"ok" row mean corrupt. Any other failure (locked, unreadable) is not proof of
 * damage: it is thrown as a typed error and the file stays where it is.
 *
 * A file whose header already says "written by a newer app" is not opened at all, so nothing
 * (not even a -wal/-shm pair, which a read-only connection to a WAL file creates) appears next to
 * it — unless a non-empty -wal exists, whose frames may hold a different user_version.
 */
export function inspectDatabaseFile(path: string, latestVersion: number, options: OpenOptions = {}): FileInspection {
  const header = readDatabaseHeader(path);
  if (header.kind === 'missing') return { kind: 'missing' };
  if (header.kind === 'empty') return { kind: 'corrupt', detail: 'the database file is empty (0 bytes)' };
  if (header.kind === 'not-sqlite') return { kind: 'corrupt', detail: 'not a SQLite database (header does not match)' };
  if (header.userVersion > latestVersion && !hasWalContent(path)) return { kind: 'newer', userVersion: header.userVersion };

  let db: SqliteDb | undefined;
  try {
    db = openDatabase(path, { ...options, readonly: true });
    const problems = quickCheck(db);
    if (problems.length > 0) return { kind: 'corrupt', detail: problems.slice(0, 5).join('; ') };
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    return userVersion > latestVersion ? { kind: 'newer', userVersion } : { kind: 'ok', userVersion };
  } catch (error) {
    if (isCorruption(error)) return { kind: 'corrupt', detail: (error as Error).message };
    throw mapSqliteError(error);
  } finally {
    db?.close();
  }
}

/** Problems reported by quick_check (or integrity_check when `full`); empty means ok. */
export function quickCheck(db: SqliteDb, full = false): string[] {
  const pragma = full ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(pragma) as Record<string, string>[];
  return rows.map((r) => Object.values(r)[0] ?? '').filter((r) => r !== 'ok');
}
