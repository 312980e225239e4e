import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { silentLogger } from '../../src/core/log';
import { openDatabase } from '../../src/core/db/open-database';
import { ManualClock, openSession } from '../helpers/data-folder';
import { dumpFile, dumpTables, overwritePage, seedSettingsRows, seededBytes, sha256File } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** A real, cleanly closed ShopDesk database of ~40 pages. */
async function realDatabase(dataDir: string, rows = 600): Promise<void> {
  const session = await openSession(dataDir);
  seedSettingsRows(session.require().sqlite, 'seed', rows, 60);
  await session.close();
}

type Damage = (dbFile: string) => void | Promise<void>;

const DAMAGES: [name: string, needsRealDb: boolean, damage: Damage][] = [
  ['garbage bytes', false, (f) => writeFileSync(f, seededBytes(1, 64 * 1024))],
  ['a CSV renamed .sqlite', false, (f) => writeFileSync(f, '订单号,商品,金额\n100001,小熊杯,1990\n'.repeat(200))],
  ['a page overwritten by random bytes', true, (f) => overwritePage(f, 5, 42)],
  ['a truncated database', true, (f) => truncateSync(f, 3 * 4096)],
  // Decision (src/core/db/README.md): ShopDesk never leaves a 0-byte file itself, so an empty
  // file is a ledger that lost its contents; it is quarantined, not silently started afresh.
  ['an empty 0-byte file', false, (f) => writeFileSync(f, '')],
];

describe('start-up check: damaged database files (R16, R17)', () => {
  it.each(DAMAGES)('%s → recovery mode DB_CORRUPT, original bytes in quarantine/<stamp>-corrupt/', async (_name, needsRealDb, damage) => {
    const dataDir = tempDir();
    const { dbFile, quarantineDir } = dataPaths(dataDir);
    if (needsRealDb) await realDatabase(dataDir);
    await damage(dbFile);
    const hash = sha256File(dbFile);

    const core = await createCore({ dataDir, log: silentLogger });
    const status = await core.call('app.status', {});
    expect(status.mode).toBe('recovery');
    expect(status.recovery?.reason).toBe('DB_CORRUPT');
    const folder = status.recovery?.quarantinedTo ?? '';
    expect(basename(folder)).toMatch(/^\d{8}T\d{9}Z-corrupt$/);
    expect(folder.startsWith(quarantineDir)).toBe(true);
    expect(sha256File(join(folder, basename(dbFile)))).toBe(hash);
    expect(existsSync(dbFile)).toBe(false);
    // Nothing may write while the file is unusable.
    await expect(core.call('settings.update', { theme: 'dark' })).rejects.toMatchObject({ code: 'RECOVERY_MODE' });
    await core.close();
    expect(sha256File(join(folder, basename(dbFile)))).toBe(hash);
  });

  it('offers only verified backups, newest first; restoring one returns to normal mode', async () => {
    const dataDir = tempDir();
    const { dbFile, backupsDir } = dataPaths(dataDir);
    const clock = new ManualClock();
    const session = await openSession(dataDir, { clock });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      seedSettingsRows(session.require().sqlite, `round${n}`, 50);
      ids.push(session.backup('manual').id);
      clock.advance(3600_000);
    }
    const [oldest, middle, newest] = ids as [string, string, string];
    const newestContent = dumpFile(join(backupsDir, newest));
    await session.close();
    overwritePage(join(backupsDir, middle), 2, 9); // one of the three backups is damaged
    overwritePage(dbFile, 2, 10);
    const damagedHash = sha256File(dbFile);

    const recovering = await openSession(dataDir, { clock });
    expect(recovering.current.mode).toBe('recovery');
    expect(recovering.listBackups().map((b) => b.id)).toEqual([newest, oldest]);

    const result = await recovering.restore(newest);
    expect(result.restored.id).toBe(newest);
    expect(recovering.current.mode).toBe('normal');
    expect(dumpTables(recovering.require().sqlite)).toEqual(newestContent);
    const quarantined = readdirSync(dataPaths(dataDir).quarantineDir);
    expect(quarantined).toHaveLength(1);
    expect(sha256File(join(dataPaths(dataDir).quarantineDir, quarantined[0] ?? '', basename(dbFile)))).toBe(damagedHash);
    // The damaged backup is left where it is for support; it is only never offered.
    expect(existsSync(join(backupsDir, middle))).toBe(true);
    await recovering.close();
  });

  it('start fresh gives an empty normal database and keeps the quarantined file', async () => {
    const dataDir = tempDir();
    const { dbFile } = dataPaths(dataDir);
    await realDatabase(dataDir);
    overwritePage(dbFile, 5, 1);
    const hash = sha256File(dbFile);
    const core = await createCore({ dataDir, log: silentLogger });
    const folder = (await core.call('app.status', {})).recovery?.quarantinedTo ?? '';

    const status = await core.call('recovery.startFresh', {});
    expect(status.mode).toBe('normal');
    expect(status.recovery).toBeNull();
    expect(await core.call('settings.get', {})).toMatchObject({ language: 'zh-CN' });
    expect((await core.call('db.check', {})).integrity).toBe('ok');
    await core.call('settings.update', { theme: 'dark' });
    await core.close();
    expect(sha256File(join(folder, basename(dbFile)))).toBe(hash);
    const fresh = await openSession(dataDir);
    expect(dumpTables(fresh.require().sqlite).settings?.map((r) => JSON.parse(r).key)).toEqual(['theme']);
    await fresh.close();
  });

  it('sets aside a -wal/-shm found without its database instead of replaying it into a new one', async () => {
    const dataDir = tempDir();
    const { dbFile, quarantineDir } = dataPaths(dataDir);
    await realDatabase(dataDir, 10);
    // A -wal full of committed rows, then the database file itself goes missing.
    const writer = openDatabase(dbFile);
    writer.pragma('wal_autocheckpoint = 0');
    seedSettingsRows(writer, 'orphan', 300);
    copyFileSync(`${dbFile}-wal`, `${dbFile}.saved-wal`);
    writer.close();
    rmSync(dbFile);
    renameSync(`${dbFile}.saved-wal`, `${dbFile}-wal`);
    const walHash = sha256File(`${dbFile}-wal`);

    const session = await openSession(dataDir);
    expect(session.current.mode).toBe('normal');
    expect(dumpTables(session.require().sqlite).settings).toEqual([]);
    const [folder = ''] = readdirSync(quarantineDir);
    expect(folder).toMatch(/-orphan-sidecars$/);
    expect(sha256File(join(quarantineDir, folder, `${basename(dbFile)}-wal`))).toBe(walHash);
    await session.close();
  });
});
