import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { pragmaValue, sizeOf } from '../../../tests/helpers/sqlite-files';
import { createEmptyDatabase, inspectDatabaseFile, openDatabase, readDatabaseHeader } from './open-database';

const tempDir = useTempDirs();

describe('openDatabase (R12)', () => {
  it('sets WAL, synchronous FULL, foreign keys and busy_timeout on every open, including a reopen', () => {
    const file = join(tempDir(), 'a.sqlite');
    for (let round = 0; round < 2; round += 1) {
      const db = openDatabase(file);
      expect(pragmaValue(db, 'journal_mode')).toBe('wal');
      expect(pragmaValue(db, 'synchronous')).toBe(2);
      expect(pragmaValue(db, 'foreign_keys')).toBe(1);
      expect(pragmaValue(db, 'busy_timeout')).toBe(5000);
      expect(pragmaValue(db, 'locking_mode')).toBe('normal');
      db.exec('CREATE TABLE IF NOT EXISTS t (x)');
      db.close();
    }
    // Why synchronous is set each time: a plain reopen of the same WAL file falls back to NORMAL.
    const plain = new Database(file);
    expect(pragmaValue(plain, 'synchronous')).toBe(1);
    plain.close();
  });

  it('lets a second connection (an import worker) read and write beside the first', () => {
    const file = join(tempDir(), 'a.sqlite');
    const app = openDatabase(file);
    app.exec('CREATE TABLE t (x INTEGER)');
    const worker = openDatabase(file);
    worker.prepare('INSERT INTO t VALUES (1)').run();
    expect(app.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    worker.close();
    app.close();
  });

  it('is the only place in src/core that makes a SQLite connection', () => {
    const coreDir = fileURLToPath(new URL('..', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && entry.name !== 'open-database.ts') {
          const source = readFileSync(path, 'utf8');
          if (/new\s+Database\s*\(|^import\s+(?!type\b)[^;]*from\s+'better-sqlite3'/m.test(source)) offenders.push(relative(coreDir, path));
        }
      }
    };
    walk(coreDir);
    expect(offenders, 'open connections with openDatabase() from src/core/db/open-database.ts').toEqual([]);
  });
});

describe('createEmptyDatabase', () => {
  it('puts a valid WAL header at the final name, never a 0-byte file, and leaves no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'shopdesk.sqlite');
    createEmptyDatabase(file);
    const header = readDatabaseHeader(file);
    expect(header).toMatchObject({ kind: 'sqlite', isWal: true, userVersion: 0 });
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual(['shopdesk.sqlite']);
  });
});

describe('readDatabaseHeader', () => {
  it.each([
    ['a missing file', null, 'missing'],
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a short file', Buffer.from('SQLite format 3'), 'not-sqlite'],
    ['a CSV', Buffer.from('订单号,金额\n1,2\n'.repeat(20)), 'not-sqlite'],
  ])('classifies %s', (_label, bytes, kind) => {
    const file = join(tempDir(), 'x.sqlite');
    if (bytes) writeFileSync(file, bytes);
    expect(readDatabaseHeader(file).kind).toBe(kind);
  });

  it('reads user_version and the journal format without opening SQLite', () => {
    const file = join(tempDir(), 'x.sqlite');
    const db = openDatabase(file);
    db.pragma('user_version = 42');
    db.close();
    expect(readDatabaseHeader(file)).toMatchObject({ kind: 'sqlite', isWal: true, userVersion: 42 });
    const rollback = new Database(file);
    rollback.pragma('journal_mode = DELETE');
    rollback.close();
    expect(readDatabaseHeader(file)).toMatchObject({ isWal: false, userVersion: 42 });
  });
});

describe('inspectDatabaseFile', () => {
  it('reports a newer database from its header alone, creating no sidecar files', () => {
    const file = join(tempDir(), 'x.sqlite');
    const db = openDatabase(file);
    db.pragma('user_version = 7');
    db.close();
    expect(inspectDatabaseFile(file, 3)).toEqual({ kind: 'newer', userVersion: 7 });
    expect(sizeOf(`${file}-wal`)).toBeNull();
    expect(sizeOf(`${file}-shm`)).toBeNull();
    expect(inspectDatabaseFile(file, 7)).toEqual({ kind: 'ok', userVersion: 7 });
  });

  it('treats a 0-byte file as corrupt (ShopDesk never leaves one; an emptied ledger is data loss)', () => {
    const file = join(tempDir(), 'x.sqlite');
    writeFileSync(file, '');
    expect(inspectDatabaseFile(file, 1)).toMatchObject({ kind: 'corrupt', detail: expect.stringContaining('0 bytes') });
  });

  it('throws DB_BUSY for a locked file instead of calling it corrupt', () => {
    const file = join(tempDir(), 'x.sqlite');
    const holder = openDatabase(file);
    holder.exec('CREATE TABLE t (x)');
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    let thrown: unknown;
    try {
      inspectDatabaseFile(file, 1, { busyTimeoutMs: 20 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('DB_BUSY');
    holder.exec('ROLLBACK');
    holder.close();
  });
});
