import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBackupId } from '../../src/core/backups/backup-names';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { quickCheck } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { ManualClock, openSession } from '../helpers/data-folder';
import { dumpFile, dumpTables, overwritePage, seedSettingsRows, sizeOf } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** A session with an older backup, then newer writes (inserts, updates, deletes) still in the -wal. */
async function liveDatabaseWithOlderBackup() {
  const dataDir = tempDir();
  const clock = new ManualClock();
  const session = await openSession(dataDir, { clock });
  const { sqlite } = session.require();
  sqlite.pragma('wal_autocheckpoint = 0');
  seedSettingsRows(sqlite, 'old', 200);
  const older = session.backup('manual');
  clock.advance(60_000);
  seedSettingsRows(sqlite, 'new', 200);
  sqlite.prepare(`UPDATE settings SET value = '"改过"' WHERE key LIKE 'old-1%'`).run();
  sqlite.prepare(`DELETE FROM settings WHERE key LIKE 'old-2%'`).run();
  return { dataDir, clock, session, older, paths: dataPaths(dataDir) };
}

describe('restore (R20)', () => {
  it('replaces a live WAL database with exactly the backup, after a safety backup of the newer state', async () => {
    const { session, older, paths } = await liveDatabaseWithOlderBackup();
    expect(sizeOf(`${paths.dbFile}-wal`)).toBeGreaterThan(0); // uncheckpointed writes exist
    const newerState = dumpTables(session.require().sqlite);
    const backupState = dumpFile(join(paths.backupsDir, older.id));
    expect(newerState).not.toEqual(backupState);

    const result = await session.restore(older.id);
    expect(session.current.mode).toBe('normal');
    const { sqlite } = session.require();
    expect(dumpTables(sqlite)).toEqual(backupState); // no resurrected or lost rows
    expect(quickCheck(sqlite, true)).toEqual([]);
    expect(sizeOf(`${paths.dbFile}-wal`) ?? 0).toBe(0); // no stale frames left to replay
    expect(result.safetyBackup?.kind).toBe('pre-restore');
    expect(dumpFile(join(paths.backupsDir, result.safetyBackup?.id ?? ''))).toEqual(newerState);
    expect(readdirSync(paths.dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await session.close();

    const reopened = await openSession(paths.dataDir);
    expect(dumpTables(reopened.require().sqlite)).toEqual(backupState);
    await reopened.close();
  });

  it('BACKUP_NOT_FOUND and BACKUP_INVALID leave the live database unchanged and make no safety backup', async () => {
    const { session, older, paths, clock } = await liveDatabaseWithOlderBackup();
    const before = dumpTables(session.require().sqlite);
    const backupsBefore = readdirSync(paths.backupsDir).sort();

    const missing = formatBackupId(new Date('2020-01-01T00:00:00.000Z'), 'manual', 1);
    await expect(session.restore(missing)).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });
    overwritePage(join(paths.backupsDir, older.id), 2, 5);
    await expect(session.restore(older.id)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });

    expect(session.current.mode).toBe('normal');
    expect(dumpTables(session.require().sqlite)).toEqual(before);
    expect(readdirSync(paths.backupsDir).sort()).toEqual(backupsBefore);
    expect(readdirSync(paths.dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Still writable.
    clock.advance(1000);
    seedSettingsRows(session.require().sqlite, 'after', 1);
    await session.close();
  });

  it('reports the same codes through the core', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, log: silentLogger });
    const missing = formatBackupId(new Date('2020-01-01T00:00:00.000Z'), 'manual', 1);
    await expect(core.call('backups.restore', { id: missing })).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });
    const made = await core.call('backups.create', {});
    overwritePage(join(dataPaths(dataDir).backupsDir, made.id), 2, 6);
    await expect(core.call('backups.restore', { id: made.id })).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    await expect(core.call('backups.restore', { id: '../shopdesk.sqlite' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await core.call('app.status', {})).mode).toBe('normal');
    await core.close();
  });
});
