import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { quickCheck } from '../../src/core/db/open-database';
import { mapSqliteError } from '../../src/core/db/sqlite-errors';
import { silentLogger } from '../../src/core/log';
import { openSession } from '../helpers/data-folder';
import { countRows, dumpTables, pragmaValue, seedSettingsRows, sizeOf } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the session connection (R12)', () => {
  it('has WAL, synchronous FULL, foreign keys and busy_timeout 5000 when new, and again after close and reopen', async () => {
    const dataDir = tempDir();
    for (let round = 0; round < 2; round += 1) {
      const session = await openSession(dataDir);
      const { sqlite } = session.require();
      expect({
        journal_mode: pragmaValue(sqlite, 'journal_mode'),
        synchronous: pragmaValue(sqlite, 'synchronous'),
        foreign_keys: pragmaValue(sqlite, 'foreign_keys'),
        busy_timeout: pragmaValue(sqlite, 'busy_timeout'),
        locking_mode: pragmaValue(sqlite, 'locking_mode'),
      }).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000, locking_mode: 'normal' });
      await session.close();
    }
  });

  it('also after a restore reopened the file', async () => {
    const session = await openSession(tempDir());
    const backup = session.backup('manual');
    await session.restore(backup.id);
    expect(pragmaValue(session.require().sqlite, 'synchronous')).toBe(2);
    expect(pragmaValue(session.require().sqlite, 'journal_mode')).toBe('wal');
    await session.close();
  });
});

describe('opening the data folder', () => {
  it('removes only the temp files a killed restore, creation or backup left behind', async () => {
    const dataDir = tempDir();
    const { backupsDir } = dataPaths(dataDir);
    mkdirSync(backupsDir, { recursive: true });
    const ours = ['.restore-4242.tmp', '.shopdesk.sqlite.creating.tmp', '.shopdesk.sqlite.creating.tmp-wal', 'backups/.shopdesk-20261122T040000000Z-manual-v1.sqlite.77.tmp'];
    const foreign = ['.other.tmp', 'notes.txt', 'backups/readme.txt'];
    for (const name of [...ours, ...foreign]) writeFileSync(join(dataDir, name), 'x');
    const session = await openSession(dataDir);
    for (const name of ours) expect(existsSync(join(dataDir, name)), name).toBe(false);
    for (const name of foreign) expect(existsSync(join(dataDir, name)), name).toBe(true);
    await session.close();
  });
});

describe('disk full on the live connection (R14)', () => {
  it('fails with DISK_FULL, changes nothing and the database stays writable', async () => {
    const dataDir = tempDir();
    const session = await openSession(dataDir);
    const { sqlite } = session.require();
    seedSettingsRows(sqlite, 'kept', 50);
    const before = dumpTables(sqlite);
    sqlite.pragma(`max_page_count = ${(sqlite.pragma('page_count', { simple: true }) as number) + 2}`);
    let error: unknown;
    try {
      seedSettingsRows(sqlite, 'too-much', 2000, 1000);
    } catch (caught) {
      error = mapSqliteError(caught);
    }
    expect(error).toMatchObject({ code: 'DISK_FULL' });
    expect(sqlite.inTransaction).toBe(false);
    expect(dumpTables(sqlite)).toEqual(before);
    expect(quickCheck(sqlite)).toEqual([]);
    sqlite.pragma('max_page_count = 1073741823');
    seedSettingsRows(sqlite, 'after', 2000, 1000);
    expect(countRows(sqlite, 'settings')).toBe(2050);
    await session.close();
  });
});

describe('core shutdown (R36)', () => {
  it('close() twice does not throw, later calls get TRANSPORT_CLOSED, and the -wal is empty or gone', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, log: silentLogger });
    await core.call('settings.update', { theme: 'dark' });
    await Promise.all([core.close(), core.close()]);
    await core.close();
    await expect(core.call('app.status', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    expect(sizeOf(`${dataPaths(dataDir).dbFile}-wal`) ?? 0).toBe(0);
  });
});
