import { sql } from 'kysely';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { migrations as appMigrations, type Migration } from '../../src/core/db/migrations/index';
import { openDatabase, readDatabaseHeader } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { ManualClock, openSession } from '../helpers/data-folder';
import { dumpFile, dumpTables, seedSettingsRows, sha256File, sizeOf } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const LATEST = appMigrations.length;

const tableNames = (dbFile: string) => {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  } finally {
    db.close();
  }
};

/** The app's migrations plus one more, which creates a table and (unless fixed) throws half-way. */
const withNextMigration = (fixed: boolean): Migration[] => [
  ...appMigrations,
  {
    version: LATEST + 1,
    name: 'next-creates-a-table',
    up: async (db) => {
      await db.schema.createTable('next_table').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
      await sql`INSERT INTO next_table (id) VALUES (1), (2)`.execute(db);
      if (!fixed) throw new Error('planned failure after CREATE TABLE');
    },
  },
];

describe('atomic migrations on an existing database (R21)', () => {
  it('a failing migration leaves the old version and no partial table; recovery mode; a fixed release succeeds', async () => {
    const dataDir = tempDir();
    const { dbFile, backupsDir } = dataPaths(dataDir);
    const clock = new ManualClock();
    const first = await openSession(dataDir, { clock });
    seedSettingsRows(first.require().sqlite, 'kept', 30);
    const oldContent = dumpTables(first.require().sqlite);
    await first.close();

    clock.advance(60_000);
    const core = await createCore({ dataDir, log: silentLogger, clock, migrations: withNextMigration(false) });
    const status = await core.call('app.status', {});
    expect(status.mode).toBe('recovery');
    expect(status.recovery).toMatchObject({ reason: 'DB_MIGRATION_FAILED', quarantinedTo: null });
    expect(status.recovery?.detail).toContain('planned failure');
    expect(status.schemaVersion).toBe(LATEST);
    await core.close();

    // Decision: the file stays in place, untouched beyond the rolled-back attempt (README.md).
    expect(readDatabaseHeader(dbFile)).toMatchObject({ userVersion: LATEST });
    expect(tableNames(dbFile)).not.toContain('next_table');
    expect(dumpFile(dbFile)).toEqual(oldContent);

    // A pre-migration backup of the old version was taken before trying.
    const session = await openSession(dataDir, { clock, migrations: withNextMigration(false) });
    const preMigration = session.listBackups().filter((b) => b.kind === 'pre-migration');
    expect(preMigration.length).toBeGreaterThanOrEqual(1);
    for (const b of preMigration) {
      expect(b.schemaVersion).toBe(LATEST);
      expect(readDatabaseHeader(join(backupsDir, b.id))).toMatchObject({ kind: 'sqlite', isWal: false, userVersion: LATEST });
      expect(dumpFile(join(backupsDir, b.id))).toEqual(oldContent);
    }
    await session.close();

    clock.advance(60_000);
    const fixed = await openSession(dataDir, { clock, migrations: withNextMigration(true) });
    expect(fixed.current).toMatchObject({ mode: 'normal', schemaVersion: LATEST + 1 });
    const after = dumpTables(fixed.require().sqlite);
    expect(after.next_table).toHaveLength(2);
    expect(after.settings).toEqual(oldContent.settings);
    await fixed.close();
  });

  it('takes no pre-migration backup when creating a brand-new database', async () => {
    const dataDir = tempDir();
    const session = await openSession(dataDir, { migrations: withNextMigration(true) });
    expect(session.current.mode).toBe('normal');
    expect(session.listBackups()).toEqual([]);
    await session.close();
  });
});

describe('a database from a newer app (R23)', () => {
  it('opens in recovery mode DB_NEWER_THAN_APP without touching the file or creating sidecars', async () => {
    const dataDir = tempDir();
    const { dbFile } = dataPaths(dataDir);
    const session = await openSession(dataDir);
    seedSettingsRows(session.require().sqlite, 'future', 20);
    session.require().sqlite.pragma(`user_version = ${LATEST + 3}`);
    await session.close();
    expect(sizeOf(`${dbFile}-wal`)).toBeNull();
    const hash = sha256File(dbFile);

    const core = await createCore({ dataDir, log: silentLogger });
    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ mode: 'recovery', schemaVersion: LATEST + 3, recovery: { reason: 'DB_NEWER_THAN_APP', quarantinedTo: null } });
    expect(await core.call('settings.get', {})).toMatchObject({ language: 'zh-CN' }); // defaults, file not read
    await expect(core.call('settings.update', { theme: 'dark' })).rejects.toMatchObject({ code: 'RECOVERY_MODE' });
    await expect(core.call('backups.create', {})).rejects.toMatchObject({ code: 'RECOVERY_MODE' });
    await core.close();

    expect(sha256File(dbFile)).toBe(hash);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    expect(existsSync(`${dbFile}-shm`)).toBe(false);
    expect(existsSync(dataPaths(dataDir).quarantineDir)).toBe(false);
  });
});
