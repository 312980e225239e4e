import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyBackupFile } from '../../src/core/backups/backup-store';
import { createCore, type Core, type CoreOptions } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { DatabaseSession } from '../../src/core/db/database-session';
import { ImportService } from '../../src/core/imports/import-service';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import type { ImportRunOutcome, ImportSummary } from '../../src/shared/rpc/contract';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { writeOrdersExport } from '../bench/write-export';
import { dumpFile } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let jobs = 0;
const jobId = () => `undo-backup-${++jobs}-${Date.now()}`;

afterEach(() => {
  vi.restoreAllMocks();
});

const asSummary = (o: ImportRunOutcome | undefined): ImportSummary => {
  if (!o || o.refused) throw new Error(`expected an import, got ${JSON.stringify(o)}`);
  return o;
};

const run = async (core: Core, path: string): Promise<ImportSummary> =>
  asSummary((await core.call('imports.run', { jobId: jobId(), sources: [{ type: 'path', path }] }))[0]);

function writeLines(dir: string, name: string, lines: readonly OrderLine[]): string {
  const path = join(dir, name);
  writeFileSync(path, toCsv([LAYOUT_A, ...lines.map((l) => cellsFor(LAYOUT_A, orderCells(l)))]));
  return path;
}

/** A core with two imports: the second changed 5 lines of the first and added 10. */
async function twoImports(imports: CoreOptions['imports'] = {}) {
  const dataDir = tempDir();
  // No reminder checks: a reminder due by the wall clock (09:00 China time is a listing slot) would write
  // reminder_log between the dumps this test compares.
  const core = await createCore({ dataDir, log: silentLogger, imports, reminderCheckSeconds: 0 });
  const lines = take(orderLines({ seed: 41 }), 30).map((l) => ({ ...l, status: '已发货' }));
  await run(core, writeLines(dataDir, '1791200000_first.csv', lines.slice(0, 20)));
  const changed = lines.slice(0, 5).map((l) => ({ ...l, status: '已完成', completedAt: '2026-09-10 10:00:00' }));
  const second = await run(core, writeLines(dataDir, '1791300000_second.csv', [...changed, ...lines.slice(20, 30)]));
  expect(second).toMatchObject({ inserted: 10, updated: 5 });
  return { core, dataDir, second, paths: dataPaths(dataDir) };
}

/** A real SQLITE_FULL from better-sqlite3, made the way the other disk-full tests do (max_page_count). */
function sqliteFullError(dir: string): unknown {
  const db = openDatabase(join(dir, 'full.sqlite'));
  try {
    db.exec('CREATE TABLE filler (x BLOB)');
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 1}`);
    db.prepare('INSERT INTO filler VALUES (randomblob(100000))').run();
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error('expected SQLITE_FULL');
}

const backupFiles = (dir: string) => readdirSync(dir).sort();
const BIG = '1791400000_big.csv';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('undo takes a verified pre-undo backup first', () => {
  it('the backup is the database just before the undo; restoring it brings the undone lines back', async () => {
    const { core, second, paths } = await twoImports();
    const events: string[] = [];
    core.onEvent((e) => events.push(e.event));
    const beforeUndo = dumpFile(paths.dbFile);

    const result = await core.call('imports.undo', { importId: second.importId!, locale: 'en-US' });
    expect(result).toEqual({ importId: second.importId, undone: true, removed: 10, restored: 5, backupId: expect.stringMatching(/-pre-undo-v\d+\.sqlite$/) });
    if (!result.undone) throw new Error('not undone');
    expect(events).toEqual(['backups.created', 'imports.undone']);
    expect((await core.call('backups.list', {})).find((b) => b.id === result.backupId)?.kind).toBe('pre-undo');
    const backupPath = join(paths.backupsDir, result.backupId);
    expect(verifyBackupFile(backupPath)).toEqual({ ok: true });
    expect(dumpFile(backupPath)).toEqual(beforeUndo);
    expect(dumpFile(paths.dbFile)).not.toEqual(beforeUndo);
    expect((await core.call('reports.orders', {})).total.lines).toBe(20);

    await core.call('backups.restore', { id: result.backupId });
    expect(dumpFile(paths.dbFile)).toEqual(beforeUndo);
    expect((await core.call('reports.orders', {})).total.lines).toBe(30);
    expect((await core.call('imports.history', {}))[0]).toMatchObject({ id: second.importId, status: 'done' });
    await core.close();
  });

  it('a refused undo changes nothing and takes no backup', async () => {
    const { core, paths } = await twoImports();
    const first = (await core.call('imports.history', {})).at(-1)!;
    const before = { db: dumpFile(paths.dbFile), backups: backupFiles(paths.backupsDir) };
    expect(await core.call('imports.undo', { importId: first.id })).toMatchObject({ undone: false, reason: 'later-import-changed-lines' });
    await expect(core.call('imports.undo', { importId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect({ db: dumpFile(paths.dbFile), backups: backupFiles(paths.backupsDir) }).toEqual(before);
    await core.close();
  });

  it('when the backup fails (disk full) the undo is refused with DISK_FULL and nothing changes; later it works', async () => {
    const { core, dataDir, second, paths } = await twoImports();
    const full = sqliteFullError(dataDir);
    const backup = vi.spyOn(DatabaseSession.prototype, 'backup').mockImplementationOnce(() => {
      throw full;
    });
    const before = { db: dumpFile(paths.dbFile), backups: backupFiles(paths.backupsDir) };
    const events: string[] = [];
    // purchases.changed is the earlier import's after-step (purchase-listener.ts), answered late.
    core.onEvent((e) => e.event !== 'purchases.changed' && events.push(e.event));

    await expect(core.call('imports.undo', { importId: second.importId! })).rejects.toMatchObject({ code: 'DISK_FULL', details: { importId: second.importId, backupFailed: true } });
    expect(backup).toHaveBeenCalledWith('pre-undo');
    expect({ db: dumpFile(paths.dbFile), backups: backupFiles(paths.backupsDir) }).toEqual(before);
    expect(events).toEqual([]);
    expect((await core.call('imports.history', {}))[0]).toMatchObject({ id: second.importId, status: 'done' });

    // With space again, the same undo goes through (with its backup).
    expect(await core.call('imports.undo', { importId: second.importId! })).toMatchObject({ undone: true, removed: 10, restored: 5 });
    expect((await core.call('backups.list', {})).filter((b) => b.kind === 'pre-undo')).toHaveLength(1);
    await core.close();
  });

  it('an undo asked while an import runs waits for it: its backup holds that import', async () => {
    // The big import is held mid-file (its transaction open) until the undo is surely queued
    // behind it: no race with how fast the import runs or how busy the machine is.
    const writing = deferred();
    const release = deferred();
    const { core, dataDir, second, paths } = await twoImports({
      pauseMidUnit: async ({ file }) => {
        if (file !== BIG) return;
        writing.resolve();
        await release.promise;
      },
    });
    const big = join(dataDir, BIG);
    await writeOrdersExport(big, 3000, 77);
    const bigJob = jobId();
    const events: string[] = [];
    core.onEvent((e) => {
      if (e.event === 'imports.finished' || e.event === 'imports.undone') events.push(e.event);
    });
    const running = core.call('imports.run', { jobId: bigJob, sources: [{ type: 'path', path: big }] });
    await writing.promise;

    const queued = deferred();
    const betweenJobs = ImportService.prototype.betweenJobs;
    vi.spyOn(ImportService.prototype, 'betweenJobs').mockImplementation(function <T>(this: ImportService, task: () => Promise<T>) {
      queued.resolve();
      return betweenJobs.call(this, task) as Promise<T>;
    });
    const undo = core.call('imports.undo', { importId: second.importId!, locale: 'en-US' });
    // Queued behind the import — or, if it did not wait, already done (the checks below fail then).
    await Promise.race([queued.promise, undo.catch(() => undefined)]);
    release.resolve();

    const imported = asSummary((await running)[0]);
    const result = await undo;
    if (!result.undone) throw new Error(`expected an undo, got ${JSON.stringify(result)}`);
    expect(events).toEqual(['imports.finished', 'imports.undone']);
    const inBackup = dumpFile(join(paths.backupsDir, result.backupId));
    expect(inBackup.imports).toHaveLength(3);
    expect(inBackup.order_lines).toHaveLength(30 + imported.inserted);
    await core.close();
  });
});
