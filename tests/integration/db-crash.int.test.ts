import { copyFileSync, mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/core/db/data-paths';
import { latestSchemaVersion } from '../../src/core/db/migrations/index';
import { openDatabase, quickCheck } from '../../src/core/db/open-database';
import { openSession } from '../helpers/data-folder';
import { countRows, seedSettingsRows, sizeOf } from '../helpers/sqlite-files';
import { SLOW_CHUNKS, SLOW_ROWS_PER_CHUNK, withSlowMigration } from '../helpers/children/slow-migration';
import { useTempDirs } from '../helpers/temp-dir';
import { killAndWait, spawnTs } from '../helpers/ts-child';

const tempDir = useTempDirs();
const N = latestSchemaVersion();
// Each round starts a child (~0.5–1 s, mostly module loading), so a few rounds keep the suite quick.
const KILLS = 6;

/** Reads version and the slow migration's table without the app's code: what is really on disk. */
function onDisk(dbFile: string): { version: number; bulkRows: number | null } {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    expect(quickCheck(db)).toEqual([]);
    const hasBulk = db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'bulk'`).pluck().get() === 1;
    return { version: db.pragma('user_version', { simple: true }) as number, bulkRows: hasBulk ? countRows(db, 'bulk') : null };
  } finally {
    db.close();
  }
}

describe('kill -9 during a migration (R24)', () => {
  let template = '';
  beforeAll(async () => {
    const dataDir = tempDir();
    const session = await openSession(dataDir);
    seedSettingsRows(session.require().sqlite, 'before', 100);
    await session.close();
    template = dataPaths(dataDir).dbFile;
  });

  it(`leaves version N or N+1, never in between, and a restart completes (${KILLS} kills)`, async () => {
    const outcomes: number[] = [];
    for (let round = 0; round < KILLS; round += 1) {
      const dataDir = tempDir();
      mkdirSync(dataDir, { recursive: true });
      const { dbFile } = dataPaths(dataDir);
      copyFileSync(template, dbFile);
      // Rounds 0–2 stop mid-transaction after a random chunk (a sure mid-migration kill); rounds
      // 3–4 are killed at a random moment of their own; the last waits for the commit (N+1 side).
      const pauseAt = round < 3 ? Math.floor(Math.random() * SLOW_CHUNKS) : undefined;
      const child = spawnTs('tests/helpers/children/migrate-slow.ts', pauseAt === undefined ? [dataDir] : [dataDir, String(pauseAt)]);
      if (pauseAt !== undefined) await child.waitForLine(new RegExp(`^CHUNK ${pauseAt}$`));
      else if (round === KILLS - 1) await child.waitForLine(/^MIGRATED normal/);
      else {
        await child.waitForLine(/^CHUNK 0$/);
        await new Promise((r) => setTimeout(r, Math.random() * 30));
      }
      await killAndWait(child, 'SIGKILL');

      const state = onDisk(dbFile);
      if (state.version === N) expect(state.bulkRows, 'no partial table at version N').toBeNull();
      else {
        expect(state.version).toBe(N + 1);
        expect(state.bulkRows).toBe(SLOW_CHUNKS * SLOW_ROWS_PER_CHUNK);
      }
      outcomes.push(state.version);

      const restarted = await openSession(dataDir, { migrations: withSlowMigration() });
      expect(restarted.current).toMatchObject({ mode: 'normal', schemaVersion: N + 1 });
      expect(countRows(restarted.require().sqlite, 'bulk')).toBe(SLOW_CHUNKS * SLOW_ROWS_PER_CHUNK);
      expect(countRows(restarted.require().sqlite, 'settings')).toBe(100);
      await restarted.close();
    }
    expect(outcomes).toContain(N);
    expect(outcomes).toContain(N + 1);
  });
});

describe('shutdown (R36)', () => {
  it('close() is idempotent and leaves no -wal content behind', async () => {
    const dataDir = tempDir();
    const { dbFile } = dataPaths(dataDir);
    const session = await openSession(dataDir);
    session.require().sqlite.pragma('wal_autocheckpoint = 0');
    seedSettingsRows(session.require().sqlite, 'x', 500);
    expect(sizeOf(`${dbFile}-wal`)).toBeGreaterThan(0);
    await session.close();
    await session.close();
    expect(sizeOf(`${dbFile}-wal`) ?? 0).toBe(0);
    expect(session.current.mode).toBe('closed');
    expect(() => session.require()).toThrow();
  });

  it.each([
    ['graceful', 'a host that closes the session on SIGTERM leaves no -wal content'],
    ['abrupt', 'Node’s default SIGTERM (immediate exit) still leaves every commit and a sound file'],
  ])('%s: %s', async (mode) => {
    const dataDir = tempDir();
    const { dbFile } = dataPaths(dataDir);
    const child = spawnTs('tests/helpers/children/hold-db.ts', [dataDir, mode]);
    const line = await child.waitForLine(/^WROTE 30$/);
    expect(line).toBe('WROTE 30');
    const exit = await killAndWait(child, 'SIGTERM');
    if (mode === 'graceful') {
      expect(exit.code).toBe(0);
      expect(sizeOf(`${dbFile}-wal`) ?? 0).toBe(0);
    }
    const db = openDatabase(dbFile, { readonly: true });
    expect(quickCheck(db, true)).toEqual([]);
    expect(countRows(db, 'settings')).toBeGreaterThanOrEqual(30); // nothing reported as written is lost
    db.close();
  });
});
