import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { readStagedBatches, StagingFileWriter } from '../../src/core/imports/staging-file';
import type { Pipeline } from '../../src/core/imports/worker-protocol';
import type { ImportRunOutcome, ImportSummary } from '../../src/shared/rpc/contract';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let jobs = 0;
const jobId = () => `staged-job-${++jobs}`;
// Both ways of importing run at the same moment, so every stamped time is equal too.
const clock = { now: () => new Date('2026-09-01T02:00:00.000Z') };

async function start(options: Parameters<typeof createCore>[0]['imports'] = {}, dataDir = tempDir()) {
  const core = await createCore({ dataDir, log: silentLogger, clock, imports: options, reminderCheckSeconds: 0 });
  // Each folder draws its own buyer-key secret (migration 0015); the folders compared here share one,
  // so equal lines give equal keys (the reader reads the secret per job, after this).
  const db = openDatabase(dataPaths(dataDir).dbFile);
  db.prepare(`UPDATE buyer_key_secret SET secret = ?, created_at = '2026-09-01T02:00:00.000Z'`).run(Buffer.alloc(32, 42));
  db.close();
  return { core, dataDir };
}

const LINES = [...take(orderLines({ seed: 14 }), 420)];

function csvOf(lines: readonly OrderLine[], broken: (cells: string[], i: number) => void = () => {}): string {
  return toCsv([
    LAYOUT_A,
    ...lines.map((l, i) => {
      const cells = cellsFor(LAYOUT_A, orderCells(l));
      broken(cells, i);
      return cells;
    }),
  ]);
}

/** The first export (one line with a bad amount: an issue) and a newer one that changes and adds lines. */
function writeExports(dir: string): { first: string; second: string } {
  const money = LAYOUT_A.findIndex((h) => h.includes('金额'));
  const first = join(dir, '1791213782_first.csv');
  writeFileSync(first, csvOf(LINES.slice(0, 300), (cells, i) => (i === 7 ? (cells[money] = 'abc') : undefined)));
  const second = join(dir, '1791300000_second.csv');
  const changed = LINES.slice(150, 420).map((l, i) => (i % 3 === 0 ? { ...l, status: '已关闭', sellerNote: `改 ${i}` } : l));
  writeFileSync(second, csvOf(changed));
  return { first, second };
}

/** Every table of the shop, row by row (what "the same import" has to mean). */
function dump(dataDir: string): Record<string, unknown[]> {
  const db = openDatabase(dataPaths(dataDir).dbFile);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    // Some tables are WITHOUT ROWID: rows compared as a sorted set of their JSON.
    const rows = (t: string) => (db.prepare(`SELECT * FROM "${t}"`).raw(true).all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    return Object.fromEntries(tables.map((t) => [t, rows(t)]));
  } finally {
    db.close();
  }
}

const path = (p: string) => ({ type: 'path' as const, path: p });
const stagingDir = (dataDir: string) => join(dataDir, 'staging');
const stagedFolders = (dataDir: string) => (existsSync(stagingDir(dataDir)) ? readdirSync(stagingDir(dataDir)) : []);
/** Outcomes without the backup's id (a timestamped name of each shop's own backup). */
const comparable = (outcomes: ImportRunOutcome[]) => outcomes.map((o) => (o.refused ? o : { ...o, backupId: o.backupId === null ? null : 'taken' }));

async function direct(core: Core, file: string) {
  return core.call('imports.run', { jobId: jobId(), sources: [path(file)], locale: 'en-US' });
}

async function previewThenConfirm(core: Core, file: string) {
  const previewId = jobId();
  const preview = await core.call('imports.preview', { jobId: previewId, sources: [path(file)], locale: 'en-US', stage: true });
  const outcomes = await core.call('imports.run', { jobId: jobId(), sources: [path(file)], locale: 'en-US', previews: [previewId] });
  return { preview, outcomes };
}

describe('a staged preview, then its confirm', () => {
  it.each<Pipeline>(['two-threads', 'one-thread'])('imports exactly what a direct import does: rows, summaries, outcomes, undo (%s)', async (pipeline) => {
    const plain = await start({ pipeline });
    const staged = await start({ pipeline });
    const files = writeExports(tempDir());

    const a1 = await direct(plain.core, files.first);
    const b1 = await previewThenConfirm(staged.core, files.first);
    expect((a1[0] as ImportSummary).issueCount).toBeGreaterThan(0);
    expect(comparable(b1.outcomes)).toEqual(comparable(a1));
    // The preview showed what it always did: the counts a direct import then found.
    expect(b1.preview[0]).toMatchObject({ refused: false, lines: 300, inserted: (a1[0] as ImportSummary).inserted, issueCount: (a1[0] as ImportSummary).issueCount });

    const a2 = await direct(plain.core, files.second);
    const b2 = await previewThenConfirm(staged.core, files.second);
    expect((a2[0] as ImportSummary).updated).toBeGreaterThan(0);
    expect(comparable(b2.outcomes)).toEqual(comparable(a2));
    expect(b2.preview[0]).toMatchObject({ inserted: (a2[0] as ImportSummary).inserted, updated: (a2[0] as ImportSummary).updated });

    await plain.core.close();
    await staged.core.close();
    expect(dump(staged.dataDir)).toEqual(dump(plain.dataDir));
    expect(stagedFolders(staged.dataDir)).toEqual([]);

    // Undo exact: both shops go back to the same state, import by import.
    const again = [await start({ pipeline }, plain.dataDir), await start({ pipeline }, staged.dataDir)];
    for (const { core } of again) {
      const history = await core.call('imports.history', {});
      for (const entry of history) expect(await core.call('imports.undo', { importId: entry.id, locale: 'en-US' })).toMatchObject({ undone: true });
      await core.close();
    }
    const undone = dump(staged.dataDir);
    expect(undone).toEqual(dump(plain.dataDir));
    expect(undone.order_lines).toEqual([]);
  });

  it('writes what the preview kept, without reading the lines again', async () => {
    const { core, dataDir } = await start();
    const { first } = writeExports(tempDir());
    const previewId = jobId();
    await core.call('imports.preview', { jobId: previewId, sources: [path(first)], locale: 'en-US', stage: true });
    // White-box proof that the confirm does not parse the file: change one kept value (the file on
    // disk stays as it was) and that value is what lands in the database.
    const kept = join(stagingDir(dataDir), previewId, readdirSync(join(stagingDir(dataDir), previewId))[0]!);
    const batches = [...readStagedBatches(kept)];
    const titleAt = batches[0]![0]!.findIndex((v) => v === LINES[0]!.title);
    expect(titleAt).toBeGreaterThanOrEqual(0);
    batches[0]![0]![titleAt] = 'kept by the preview';
    const rewrite = new StagingFileWriter(kept);
    for (const rows of batches) await rewrite.append(rows);
    await rewrite.close();

    const [outcome] = await core.call('imports.run', { jobId: jobId(), sources: [path(first)], locale: 'en-US', previews: [previewId] });
    expect(outcome).toMatchObject({ refused: false, lines: 300 });
    expect(stagedFolders(dataDir)).toEqual([]);
    await core.close();
    const db = openDatabase(dataPaths(dataDir).dbFile);
    expect(db.prepare('SELECT product_title FROM order_lines WHERE sub_order_id = ?').pluck().get(LINES[0]!.subOrderId)).toBe('kept by the preview');
    db.close();
  });

  it('reads a file again that changed after its preview: other size, or same size and time but other bytes', async () => {
    const { core, dataDir } = await start();
    const dir = tempDir();
    const grown = join(dir, '1791213782_grown.csv');
    writeFileSync(grown, csvOf(LINES.slice(0, 100)));
    const p1 = jobId();
    await core.call('imports.preview', { jobId: p1, sources: [path(grown)], locale: 'en-US', stage: true });
    writeFileSync(grown, csvOf(LINES.slice(0, 120)));
    const [g] = await core.call('imports.run', { jobId: jobId(), sources: [path(grown)], locale: 'en-US', previews: [p1] });
    expect(g).toMatchObject({ refused: false, lines: 120, inserted: 120 });

    // Same length, same modification time, one status changed: only the SHA-256 can tell.
    const sneaky = join(dir, '1791213790_sneaky.csv');
    const before = LINES.slice(200, 260);
    writeFileSync(sneaky, csvOf(before));
    const p2 = jobId();
    await core.call('imports.preview', { jobId: p2, sources: [path(sneaky)], locale: 'en-US', stage: true });
    const { mtime, size } = statSync(sneaky);
    const text = readFileSync(sneaky, 'utf8');
    const edited = text.replace(`${before[0]!.subOrderId}`, `${before[0]!.subOrderId.slice(0, -1)}${before[0]!.subOrderId.endsWith('1') ? '2' : '1'}`);
    expect(edited).not.toBe(text);
    writeFileSync(sneaky, edited);
    utimesSync(sneaky, mtime, mtime);
    expect(statSync(sneaky).size).toBe(size);
    const [s] = await core.call('imports.run', { jobId: jobId(), sources: [path(sneaky)], locale: 'en-US', previews: [p2] });
    expect(s).toMatchObject({ refused: false, lines: 60 });
    await core.close();
    const db = openDatabase(dataPaths(dataDir).dbFile);
    const [sha] = db.prepare('SELECT sha256 FROM imports ORDER BY id DESC LIMIT 1').pluck().all() as string[];
    expect(sha).toBe((s as ImportSummary).sha256);
    // The edited key is what was imported, not the one the preview read.
    expect(db.prepare('SELECT count(*) FROM order_lines WHERE sub_order_id = ?').pluck().get(before[0]!.subOrderId)).toBe(0);
    db.close();
    expect(stagedFolders(dataDir)).toEqual([]);
  });

  it('discarding a preview, cancelling it, closing or restarting the core leave no staging and write nothing', async () => {
    let release = (): void => {};
    let reached = (): void => {};
    const reachedPreview = new Promise<void>((r) => (reached = r));
    const { core, dataDir } = await start({
      pauseMidUnit: async ({ mode, file }) => {
        if (mode !== 'preview' || !file.includes('held')) return;
        reached();
        await new Promise<void>((r) => (release = r));
      },
    });
    const dir = tempDir();
    const { first } = writeExports(dir);
    const before = dump(dataDir);

    // Discarded by the window (cancel on the preview screen).
    const p1 = jobId();
    await core.call('imports.preview', { jobId: p1, sources: [path(first)], locale: 'en-US', stage: true });
    expect(stagedFolders(dataDir)).toEqual([p1]);
    expect(await core.call('imports.discardPreview', { jobId: p1 })).toEqual({ removed: true });
    expect(stagedFolders(dataDir)).toEqual([]);
    expect(await core.call('imports.discardPreview', { jobId: p1 })).toEqual({ removed: false });

    // Cancelled while reading (held after its first batch of three): nothing kept.
    const held = join(dir, '1791213799_held.csv');
    writeFileSync(held, csvOf(take(orderLines({ seed: 15 }), 2500)));
    const p2 = jobId();
    const cancelled = core.call('imports.preview', { jobId: p2, sources: [path(held)], locale: 'en-US', stage: true });
    await reachedPreview;
    expect(await core.call('imports.cancel', { jobId: p2 })).toEqual({ cancelled: true });
    release();
    expect(await cancelled).toEqual([expect.objectContaining({ refused: true, code: 'IMPORT_CANCELLED' })]);
    expect(stagedFolders(dataDir)).toEqual([]);

    // Left unconfirmed when the app closes.
    await core.call('imports.preview', { jobId: jobId(), sources: [path(first)], locale: 'en-US', stage: true });
    expect(stagedFolders(dataDir)).toHaveLength(1);
    await core.close();
    expect(existsSync(stagingDir(dataDir))).toBe(false);
    expect(dump(dataDir)).toEqual(before);

    // Left by a crash: gone at the next start.
    mkdirSync(join(stagingDir(dataDir), 'staged-job-crashed'), { recursive: true });
    writeFileSync(join(stagingDir(dataDir), 'staged-job-crashed', 'unit-1.bin'), 'x');
    const restarted = await start({}, dataDir);
    expect(existsSync(stagingDir(dataDir))).toBe(false);
    await restarted.core.close();
    expect(dump(dataDir)).toEqual(before);
  });

  it('discarding a preview that is still reading stops it and keeps nothing', async () => {
    let release = (): void => {};
    let reached = (): void => {};
    const reachedPreview = new Promise<void>((r) => (reached = r));
    const { core, dataDir } = await start({
      pauseMidUnit: async ({ mode }) => {
        if (mode !== 'preview') return;
        reached();
        await new Promise<void>((r) => (release = r));
      },
    });
    const held = join(tempDir(), '1791213799_held.csv');
    writeFileSync(held, csvOf(take(orderLines({ seed: 16 }), 2500)));
    const id = jobId();
    const reading = core.call('imports.preview', { jobId: id, sources: [path(held)], locale: 'en-US', stage: true });
    await reachedPreview;
    const discarded = core.call('imports.discardPreview', { jobId: id });
    release();
    expect(await reading).toEqual([expect.objectContaining({ refused: true, code: 'IMPORT_CANCELLED' })]);
    expect(await discarded).toEqual({ removed: true });
    expect(stagedFolders(dataDir)).toEqual([]);
    await core.close();
  });

  it('refuses stage without a jobId, naming the field', async () => {
    const { core } = await start();
    const { first } = writeExports(tempDir());
    await expect(core.call('imports.preview', { sources: [path(first)], stage: true })).rejects.toMatchObject({ code: 'VALIDATION' });
    await core.close();
  });
});
