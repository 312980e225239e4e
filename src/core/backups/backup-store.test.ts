import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { dumpFile, dumpTables, overwritePage, sizeOf } from '../../../tests/helpers/sqlite-files';
import { openDatabase, quickCheck, type SqliteDb } from '../db/open-database';
import { formatBackupId } from './backup-names';
import { createBackup, listBackups, removeStaleTempFiles, rotateBackups, verifyBackupFile } from './backup-store';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-22T12:00:00.000Z');

/** A live WAL database whose latest writes are still only in the -wal file. */
function liveLedger(): { dir: string; db: SqliteDb } {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'shopdesk.sqlite'));
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, buyer TEXT NOT NULL, fen INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO orders (buyer, fen) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 500; i += 1) insert.run(`买家${i}`, i * 100);
  })();
  return { dir, db };
}

describe('createBackup (R18)', () => {
  it('writes a self-contained, verified copy equal to the live data, WAL content included', () => {
    const { dir, db } = liveLedger();
    expect(sizeOf(join(dir, 'shopdesk.sqlite-wal'))).toBeGreaterThan(0);
    const backupsDir = join(dir, 'backups');
    const info = createBackup(db, backupsDir, 'manual', NOW, 3);
    expect(info).toMatchObject({ id: formatBackupId(NOW, 'manual', 3), kind: 'manual', schemaVersion: 3, createdAt: NOW.toISOString() });
    const file = join(backupsDir, info.id);
    const header = readFileSync(file).subarray(0, 20);
    expect([header[18], header[19]]).toEqual([1, 1]);

    const copy = openDatabase(file, { readonly: true });
    expect(quickCheck(copy)).toEqual([]);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(dumpTables(copy)).toEqual(dumpTables(db));
    copy.close();
    expect(readdirSync(backupsDir)).toEqual([info.id]); // no -wal, -shm or temp file
    db.close();
  });

  it('gives two backups made in the same millisecond different names', () => {
    const { dir, db } = liveLedger();
    const a = createBackup(db, join(dir, 'backups'), 'manual', NOW, 1);
    const b = createBackup(db, join(dir, 'backups'), 'manual', NOW, 1);
    expect(a.id).not.toBe(b.id);
    expect(listBackups(join(dir, 'backups')).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    db.close();
  });
});

describe('verifyBackupFile', () => {
  it('accepts a good backup and rejects WAL-format, damaged, truncated, foreign and missing files', () => {
    const { dir, db } = liveLedger();
    const backupsDir = join(dir, 'backups');
    const good = join(backupsDir, createBackup(db, backupsDir, 'manual', NOW, 1).id);
    expect(verifyBackupFile(good)).toEqual({ ok: true });

    const walFormat = join(dir, 'wal-format.sqlite');
    db.exec(`VACUUM INTO '${walFormat}'`);
    const wal = openDatabase(walFormat);
    wal.close();
    expect(verifyBackupFile(walFormat)).toMatchObject({ ok: false, detail: 'not a rollback-journal file' });

    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, readFileSync(good));
    overwritePage(damaged, 3, 7);
    expect(verifyBackupFile(damaged).ok).toBe(false);

    const truncated = join(dir, 'truncated.sqlite');
    writeFileSync(truncated, readFileSync(good));
    truncateSync(truncated, 8192);
    expect(verifyBackupFile(truncated).ok).toBe(false);

    const csv = join(dir, 'orders.sqlite');
    writeFileSync(csv, '订单号,金额\n1,2\n');
    expect(verifyBackupFile(csv)).toMatchObject({ ok: false, detail: 'not a SQLite file' });
    expect(verifyBackupFile(join(dir, 'nothing.sqlite')).ok).toBe(false);
    db.close();
  });
});

describe('listBackups and temp files', () => {
  it('lists only backup names, newest first, never temp or foreign files', () => {
    const dir = tempDir();
    const names = [
      formatBackupId(new Date('2026-11-20T00:00:00.000Z'), 'daily', 1),
      formatBackupId(new Date('2026-11-22T00:00:00.000Z'), 'manual', 1),
      formatBackupId(new Date('2026-11-21T00:00:00.000Z'), 'pre-import', 1),
    ];
    const litter = [`.${names[0]}.123.tmp`, 'notes.txt', `${names[1]}-wal`, 'shopdesk-garbage.sqlite'];
    for (const n of [...names, ...litter]) writeFileSync(join(dir, n), 'x');
    expect(listBackups(dir).map((b) => b.id)).toEqual([names[1], names[2], names[0]]);
    expect(removeStaleTempFiles(dir, /^\.shopdesk-.*\.tmp$/)).toEqual([litter[0]]);
    expect(readdirSync(dir).sort()).toEqual([...names, ...litter.slice(1)].sort());
    expect(listBackups(join(dir, 'missing'))).toEqual([]);
  });
});

describe('rotateBackups', () => {
  it('deletes exactly the files the policy does not keep', () => {
    const { dir, db } = liveLedger();
    const backupsDir = join(dir, 'backups');
    for (let i = 0; i < 12; i += 1) createBackup(db, backupsDir, 'manual', new Date(NOW.getTime() + i * 1000), 1);
    const before = listBackups(backupsDir).map((b) => b.id);
    const dropped = rotateBackups(backupsDir, 1);
    expect(dropped.sort()).toEqual(before.slice(10).sort());
    expect(listBackups(backupsDir).map((b) => b.id)).toEqual(before.slice(0, 10));
    expect(dumpFile(join(backupsDir, before[0] ?? ''))).toEqual(dumpTables(db));
    db.close();
  });

  it('never deletes a backup of a schema newer than the app (a newer app set its data aside there)', () => {
    const { dir, db } = liveLedger();
    const backupsDir = join(dir, 'backups');
    const newer = createBackup(db, backupsDir, 'pre-restore', NOW, 9);
    for (let i = 1; i <= 12; i += 1) createBackup(db, backupsDir, 'pre-restore', new Date(NOW.getTime() + i * 1000), 1);
    const dropped = rotateBackups(backupsDir, 1);
    expect(dropped).toHaveLength(2);
    expect(dropped).not.toContain(newer.id);
    expect(listBackups(backupsDir).map((b) => b.id)).toContain(newer.id);
    db.close();
  });
});
