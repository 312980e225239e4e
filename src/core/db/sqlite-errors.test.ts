import { chmodSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { countRows, dumpTables } from '../../../tests/helpers/sqlite-files';
import { openDatabase, quickCheck, type SqliteDb } from './open-database';
import { mapSqliteError } from './sqlite-errors';

const tempDir = useTempDirs();

const codeOf = (error: unknown) => (mapSqliteError(error) as AppError).code;
const failure = (code: string) => Object.assign(new Error(`boom ${code}`), { code });

const catchError = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('mapSqliteError', () => {
  it.each([
    ['SQLITE_FULL', 'DISK_FULL'],
    ['SQLITE_READONLY', 'DB_READONLY'],
    ['SQLITE_READONLY_DBMOVED', 'DB_READONLY'],
    ['SQLITE_CANTOPEN', 'DB_READONLY'],
    ['SQLITE_BUSY', 'DB_BUSY'],
    ['SQLITE_BUSY_SNAPSHOT', 'DB_BUSY'],
    ['SQLITE_LOCKED', 'DB_BUSY'],
    ['SQLITE_CORRUPT', 'DB_CORRUPT'],
    ['SQLITE_NOTADB', 'DB_CORRUPT'],
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EROFS', 'DB_READONLY'],
  ])('maps %s to %s', (code, expected) => {
    expect(codeOf(failure(code))).toBe(expected);
  });

  it.each([['SQLITE_CONSTRAINT_UNIQUE'], ['ENOENT'], ['EACCESS_NOT_A_CODE'], [undefined]])('passes %s through unchanged', (code) => {
    const error = code === undefined ? new Error('plain') : failure(code);
    expect(mapSqliteError(error)).toBe(error);
    expect(mapSqliteError('a string')).toBe('a string');
    expect(mapSqliteError(null)).toBe(null);
  });

  it('keeps an AppError as it is', () => {
    const error = new AppError('DB_BUSY', 'x');
    expect(mapSqliteError(error)).toBe(error);
  });
});

function ledger(): { file: string; db: SqliteDb } {
  const file = join(tempDir(), 'ledger.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (randomblob(200))');
  for (let i = 0; i < 50; i += 1) insert.run();
  return { file, db };
}

describe('real SQLite failures map to typed errors and change nothing (R14, R15)', () => {
  it('read-only connection → DB_READONLY', () => {
    const { file, db } = ledger();
    db.close();
    const readonly = openDatabase(file, { readonly: true });
    const error = catchError(() => readonly.prepare("INSERT INTO t (body) VALUES (x'00')").run());
    expect(codeOf(error)).toBe('DB_READONLY');
    expect(countRows(readonly, 't')).toBe(50);
    readonly.close();
  });

  it.skipIf(process.getuid?.() === 0)('chmod 444 file → DB_READONLY (not meaningful as root, who may write anyway)', () => {
    const { file, db } = ledger();
    db.close();
    const copy = `${file}.ro.sqlite`;
    copyFileSync(file, copy);
    chmodSync(copy, 0o444);
    const error = catchError(() => {
      const writer = openDatabase(copy);
      writer.prepare("INSERT INTO t (body) VALUES (x'00')").run();
    });
    expect(codeOf(error)).toBe('DB_READONLY');
  });

  it('another connection holding the write lock → DB_BUSY, and the write goes through after release', () => {
    const { file, db } = ledger();
    db.pragma('busy_timeout = 50');
    const other = openDatabase(file);
    other.exec('BEGIN IMMEDIATE');
    const error = catchError(() => db.prepare("INSERT INTO t (body) VALUES (x'00')").run());
    expect(codeOf(error)).toBe('DB_BUSY');
    other.exec('ROLLBACK');
    other.close();
    expect(countRows(db, 't')).toBe(50);
    db.prepare("INSERT INTO t (body) VALUES (x'00')").run();
    expect(countRows(db, 't')).toBe(51);
    db.close();
  });

  it('disk full (max_page_count) → DISK_FULL, rolled back, unchanged, still writable afterwards', () => {
    const { db } = ledger();
    const before = dumpTables(db);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const big = db.transaction(() => {
      db.prepare("INSERT INTO t (body) VALUES (x'00')").run();
      db.prepare('INSERT INTO t (body) VALUES (randomblob(1000000))').run();
    });
    const error = catchError(() => big());
    expect(codeOf(error)).toBe('DISK_FULL');
    expect(db.inTransaction).toBe(false);
    expect(dumpTables(db)).toEqual(before);
    expect(quickCheck(db)).toEqual([]);
    db.pragma('max_page_count = 1073741823');
    db.prepare('INSERT INTO t (body) VALUES (randomblob(1000000))').run();
    expect(countRows(db, 't')).toBe(51);
    db.close();
  });
});
