import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase } from '../../src/core/db/open-database';
import { createWriterHold, releaseWriter, writerHolding } from '../../src/core/imports/writer-hold';
import type { Logger } from '../../src/core/log';
import { ManualClock } from '../helpers/data-folder';
import { useTempDirs } from '../helpers/temp-dir';
import { REPO_ROOT } from '../helpers/ts-child';

const tempDir = useTempDirs();
const ORDERS = join(REPO_ROOT, 'tests/fixtures/douyin/orders-a.csv');
const MINUTE = 60_000;

/** Every warning and error the core logs (a write that met the lock would show up here). */
const recordingLogger = () => {
  const problems: string[] = [];
  const log: Logger = { info: () => {}, warn: (m, d) => problems.push(`${m} ${JSON.stringify(d)}`), error: (m, d) => problems.push(`${m} ${JSON.stringify(d)}`) };
  return { log, problems };
};

/** Is the write lock held by someone else? A connection that must not wait asks for it. */
const writeLockIsHeld = (dbFile: string): boolean => {
  const probe = openDatabase(dbFile, { busyTimeoutMs: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    probe.close();
  }
};

describe("the core's thread never waits for the import's write lock (issue 9)", () => {
  it("a tray pause during an import is answered while the import holds the lock; other writes queue behind it; nothing meets SQLite's busy wait", async () => {
    const dataDir = tempDir();
    const clock = new ManualClock('2026-12-06T01:00:00.000Z');
    const { log, problems } = recordingLogger();
    const hold = createWriterHold();
    // busy_timeout 0: any write of the core's connection that met the lock would fail at once
    // with SQLITE_BUSY instead of stalling the event loop, so the test sees it.
    const core = await createCore({ dataDir, clock, log, busyTimeoutMs: 0, reminderCheckSeconds: 3600, imports: { writerHold: hold } });
    try {
      await core.call('routine.start', { block: 'data' });
      const startedAt = clock.now();
      clock.advance(15 * MINUTE);

      const imported = core.call('imports.run', { jobId: 'held-import', sources: [{ type: 'path', path: ORDERS }] });
      await writerHolding(hold);
      const { dbFile } = dataPaths(dataDir);
      expect(writeLockIsHeld(dbFile)).toBe(true);

      const paused = await core.call('routine.pause', {});
      expect(paused).toMatchObject({ running: null, paused: { key: 'data', spentSeconds: 15 * 60 } });
      expect(await core.call('routine.status', {})).toMatchObject({ running: null, paused: { key: 'data', spentSeconds: 15 * 60 } });
      const today = await core.call('routine.today', {});
      expect(today.blocks.find((b) => b.key === 'data')).toMatchObject({ status: 'paused', spentSeconds: 15 * 60, runningSince: null });

      clock.advance(MINUTE);
      expect(await core.call('routine.resume', {})).toMatchObject({ running: { key: 'data', since: clock.now().toISOString() } });
      clock.advance(MINUTE);
      expect(await core.call('routine.pause', {})).toMatchObject({ running: null, paused: { key: 'data', spentSeconds: 16 * 60 } });
      await expect(core.call('routine.start', { block: 'no-such-block' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

      // A write that waits for the import: asked now, answered after it (and after the timer's writes, asked first).
      let settingsAnswered = false;
      const settings = core.call('settings.update', { theme: 'dark' }).then((s) => {
        settingsAnswered = true;
        return s;
      });
      expect(await core.call('reports.orders', { by: 'day' })).toBeDefined();

      // Everything above was answered while the import still held the lock, and nothing was written yet.
      expect(writeLockIsHeld(dbFile)).toBe(true);
      expect(settingsAnswered).toBe(false);
      expect((await core.call('settings.get', {})).theme).not.toBe('dark');

      releaseWriter(hold);
      const [outcome] = await imported;
      expect(outcome).toMatchObject({ refused: false });
      expect(await settings).toMatchObject({ theme: 'dark' });

      // The timer changes were written with the instants they were asked at, before the settings (first come, first served).
      const db = openDatabase(dbFile, { readonly: true });
      const segments = db.prepare('SELECT started_at, ended_at FROM routine_segments ORDER BY id').all();
      db.close();
      expect(segments).toEqual([
        { started_at: startedAt.toISOString(), ended_at: new Date(startedAt.getTime() + 15 * MINUTE).toISOString() },
        { started_at: new Date(startedAt.getTime() + 16 * MINUTE).toISOString(), ended_at: new Date(startedAt.getTime() + 17 * MINUTE).toISOString() },
      ]);
      expect(await core.call('routine.status', {})).toMatchObject({ running: null, paused: { key: 'data', spentSeconds: 16 * 60 } });
    } finally {
      releaseWriter(hold);
      await core.close();
    }
    expect(problems).toEqual([]);
  });

  it('closing the core right after the import still writes the pause answered during it', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock('2026-12-06T01:00:00.000Z');
    const { log, problems } = recordingLogger();
    const hold = createWriterHold();
    const core = await createCore({ dataDir, clock, log, busyTimeoutMs: 0, reminderCheckSeconds: 0, imports: { writerHold: hold } });
    await core.call('routine.start', { block: 'data' });
    clock.advance(20 * MINUTE);
    const imported = core.call('imports.run', { jobId: 'held-import', sources: [{ type: 'path', path: ORDERS }] });
    await writerHolding(hold);
    expect(await core.call('routine.pause', {})).toMatchObject({ running: null, paused: { key: 'data', spentSeconds: 20 * 60 } });
    releaseWriter(hold);
    await imported;
    await core.close();

    const reopened = await createCore({ dataDir, clock, log, reminderCheckSeconds: 0 });
    expect(await reopened.call('routine.status', {})).toMatchObject({ running: null, paused: { key: 'data', spentSeconds: 20 * 60 } });
    await reopened.close();
    expect(problems).toEqual([]);
  });
});
