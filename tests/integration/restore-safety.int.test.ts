import { sql } from 'kysely';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backups/backup-store';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { migrations as appMigrations, type Migration } from '../../src/core/db/migrations/index';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { ManualClock, openSession } from '../helpers/data-folder';
import { dumpFile, dumpTables, seedSettingsRows, sha256File } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const LATEST = appMigrations.length;

/** The app's migrations plus one that fails on a database holding a `poison` settings row. */
const failingOnPoison: Migration[] = [
  ...appMigrations,
  {
    version: LATEST + 1,
    name: 'next-fails-on-poison',
    up: async (db) => {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM settings WHERE key LIKE 'poison%'`.execute(db);
      if ((rows[0]?.n ?? 0) > 0) throw new Error('planned failure on this data');
    },
  },
];

/** What a newer ShopDesk would run: the app's migrations and `extra` more that change nothing here. */
const newerApp = (extra: number): Migration[] => [
  ...appMigrations,
  ...Array.from({ length: extra }, (_, i) => ({ version: LATEST + 1 + i, name: `newer-${i + 1}`, up: async () => {} })),
];

const settingKeys = (dump: Record<string, string[]>) => (dump.settings ?? []).map((row) => String(JSON.parse(row)[0] ?? row));

describe('a restore that fails after the database was closed', () => {
  it('puts the previous database back and reopens it (an older backup whose upgrade fails)', async () => {
    const dataDir = tempDir();
    const { dbFile, backupsDir } = dataPaths(dataDir);
    const clock = new ManualClock();
    const old = await openSession(dataDir, { clock });
    seedSettingsRows(old.require().sqlite, 'poison', 3);
    const backup = createBackup(old.require().sqlite, backupsDir, 'manual', clock.now(), LATEST);
    old.require().sqlite.prepare(`DELETE FROM settings WHERE key LIKE 'poison%'`).run();
    await old.close();

    clock.advance(60_000);
    const core = await createCore({ dataDir, log: silentLogger, clock, migrations: failingOnPoison });
    expect((await core.call('app.status', {})).mode).toBe('normal');
    await core.call('settings.update', { theme: 'dark' });
    const before = dumpFile(dbFile);

    clock.advance(60_000);
    const failure = await core.call('backups.restore', { id: backup.id }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'RESTORE_FAILED', details: { id: backup.id, cause: expect.stringContaining('planned failure on this data') } });

    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ mode: 'normal', schemaVersion: LATEST + 1, recovery: null });
    expect(await core.call('settings.get', {})).toMatchObject({ theme: 'dark' });
    await core.call('settings.update', { theme: 'light' }); // it is open for writing again
    await core.close();
    const after = dumpFile(dbFile);
    expect(settingKeys(after).filter((k) => k.startsWith('poison'))).toEqual([]);
    expect({ ...after, settings: undefined }).toEqual({ ...before, settings: undefined });
  });
});

describe('a database from a newer ShopDesk (DB_NEWER_THAN_APP)', () => {
  /** A data folder whose database a newer app (schema LATEST + 2) wrote, with rows of its own. */
  async function newerFolder() {
    const dataDir = tempDir();
    const paths = dataPaths(dataDir);
    const clock = new ManualClock();
    const session = await openSession(dataDir, { clock, migrations: newerApp(2) });
    seedSettingsRows(session.require().sqlite, 'newer', 25);
    const olderBackup = createBackup(session.require().sqlite, paths.backupsDir, 'manual', clock.now(), LATEST);
    await session.close();
    // The older backup is of this app's schema (the no-op newer migrations changed no table).
    const older = openDatabase(join(paths.backupsDir, olderBackup.id));
    older.pragma('journal_mode = DELETE');
    older.pragma(`user_version = ${LATEST}`);
    older.close();
    const contents = dumpFile(paths.dbFile);
    clock.advance(3600_000);
    return { dataDir, paths, clock, olderBackup, contents, hash: sha256File(paths.dbFile) };
  }

  it.each([
    ['start fresh', (core: Awaited<ReturnType<typeof createCore>>) => core.call('recovery.startFresh', {})],
    ['restore an older backup', (core: Awaited<ReturnType<typeof createCore>>, id: string) => core.call('backups.restore', { id })],
  ])('%s without saying so is refused, and the file stays untouched where it is', async (_what, act) => {
    const f = await newerFolder();
    const core = await createCore({ dataDir: f.dataDir, log: silentLogger, clock: f.clock });
    expect((await core.call('app.status', {})).recovery?.reason).toBe('DB_NEWER_THAN_APP');
    await expect(act(core, f.olderBackup.id)).rejects.toMatchObject({ code: 'DB_NEWER_THAN_APP', details: { needsConfirmation: true, schemaVersion: LATEST + 2 } });
    expect((await core.call('app.status', {})).mode).toBe('recovery');
    await core.close();
    expect(sha256File(f.paths.dbFile)).toBe(f.hash);
    expect(existsSync(f.paths.quarantineDir)).toBe(false);
  });

  it('start fresh, once confirmed, keeps it byte for byte in quarantine and as a backup the newer app lists and restores', async () => {
    const f = await newerFolder();
    const core = await createCore({ dataDir: f.dataDir, log: silentLogger, clock: f.clock });
    const fresh = await core.call('recovery.startFresh', { setAsideNewer: true });
    expect(fresh.mode).toBe('normal');
    const aside = fresh.setAsideNewer;
    expect(aside).toMatchObject({ schemaVersion: LATEST + 2, backup: { kind: 'pre-restore', schemaVersion: LATEST + 2 } });
    expect(basename(aside?.quarantinedTo ?? '')).toMatch(new RegExp(`^\\d{8}T\\d{9}Z-newer-v${LATEST + 2}$`));
    expect(sha256File(join(aside?.quarantinedTo ?? '', 'shopdesk.sqlite'))).toBe(f.hash);
    expect(dumpFile(join(f.paths.backupsDir, aside?.backup.id ?? ''))).toEqual(f.contents);
    // This older app lists it but will not restore it; its rotation never deletes it.
    for (let i = 0; i < 12; i++) {
      f.clock.advance(1000);
      await core.call('backups.create', {});
    }
    await expect(core.call('backups.restore', { id: aside?.backup.id ?? '' })).rejects.toMatchObject({ code: 'DB_NEWER_THAN_APP' });
    await core.close();
    expect(readdirSync(f.paths.backupsDir)).toContain(aside?.backup.id);

    // The newer app, installed again, finds it among its backups and gets its data back.
    const newer = await createCore({ dataDir: f.dataDir, log: silentLogger, clock: f.clock, migrations: newerApp(2) });
    expect((await newer.call('backups.list', {})).map((b) => b.id)).toContain(aside?.backup.id);
    await newer.call('backups.restore', { id: aside?.backup.id ?? '' });
    await newer.close();
    expect(dumpFile(f.paths.dbFile)).toEqual(f.contents);
  });

  it('restoring an older backup, once confirmed, sets the newer database aside the same way and reports where', async () => {
    const f = await newerFolder();
    const core = await createCore({ dataDir: f.dataDir, log: silentLogger, clock: f.clock });
    const result = await core.call('backups.restore', { id: f.olderBackup.id, setAsideNewer: true });
    expect(result.quarantinedTo).toBe(result.setAsideNewer?.quarantinedTo);
    expect(sha256File(join(result.setAsideNewer?.quarantinedTo ?? '', 'shopdesk.sqlite'))).toBe(f.hash);
    expect(dumpFile(join(f.paths.backupsDir, result.setAsideNewer?.backup.id ?? ''))).toEqual(f.contents);
    expect((await core.call('app.status', {})).mode).toBe('normal');
    await core.close();
  });

  it('a confirmed restore that then fails puts the newer database back in its place, untouched', async () => {
    const f = await newerFolder();
    const poisoned = openDatabase(join(f.paths.backupsDir, f.olderBackup.id));
    seedSettingsRows(poisoned, 'poison', 2);
    poisoned.pragma('journal_mode = DELETE');
    poisoned.close();
    const core = await createCore({ dataDir: f.dataDir, log: silentLogger, clock: f.clock, migrations: failingOnPoison });
    await expect(core.call('backups.restore', { id: f.olderBackup.id, setAsideNewer: true })).rejects.toMatchObject({ code: 'RESTORE_FAILED' });
    expect(await core.call('app.status', {})).toMatchObject({ mode: 'recovery', recovery: { reason: 'DB_NEWER_THAN_APP' } });
    await core.close();
    expect(sha256File(f.paths.dbFile)).toBe(f.hash);
    expect(readdirSync(f.paths.quarantineDir)).toEqual([]);
  });

  it('a newer app’s rows still in its -wal are in the set-aside backup too (the original is never opened)', async () => {
    const f = await newerFolder();
    // The newer app wrote more and stopped without a checkpoint: a copy of the live files.
    const live = tempDir();
    const session = await openSession(live, { clock: f.clock, migrations: newerApp(2) });
    seedSettingsRows(session.require().sqlite, 'in-wal', 7);
    const sqlite = session.require().sqlite;
    copyFileSync(dataPaths(live).dbFile, f.paths.dbFile);
    copyFileSync(`${dataPaths(live).dbFile}-wal`, `${f.paths.dbFile}-wal`);
    const expected = dumpTables(sqlite);
    await session.close();
    const walHash = sha256File(`${f.paths.dbFile}-wal`);

    const core = await createCore({ dataDir: f.dataDir, log: silentLogger, clock: f.clock });
    const fresh = await core.call('recovery.startFresh', { setAsideNewer: true });
    await core.close();
    expect(dumpFile(join(f.paths.backupsDir, fresh.setAsideNewer?.backup.id ?? ''))).toEqual(expected);
    expect(sha256File(join(fresh.setAsideNewer?.quarantinedTo ?? '', 'shopdesk.sqlite-wal'))).toBe(walHash);
  });
});
