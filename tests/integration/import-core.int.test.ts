import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import type { ImportProgress, ImportRunOutcome, ImportSummary } from '../../src/shared/rpc/contract';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { writeOrdersExport } from '../bench/write-export';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SAMPLE = fileURLToPath(new URL('../fixtures/douyin/1791213782_3edeb47b86bdb5b9.csv', import.meta.url));
let jobs = 0;
const jobId = () => `test-job-${++jobs}-${Date.now()}`;

async function start(options: Parameters<typeof createCore>[0]['imports'] = {}) {
  const dataDir = tempDir();
  const core = await createCore({ dataDir, log: silentLogger, imports: options });
  return { core, dataDir };
}

const asSummary = (o: ImportRunOutcome | undefined): ImportSummary => {
  if (!o || o.refused) throw new Error(`expected an import, got ${JSON.stringify(o)}`);
  return o;
};

const run = (core: Core, path: string, id = jobId()) => core.call('imports.run', { jobId: id, sources: [{ type: 'path', path }] });

const BIG = '1791213790_big.csv';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The pause hook of the tests below: holds the big file's import until `release`; others pass. */
async function holdBig(file: string, writing: ReturnType<typeof deferred>, release: ReturnType<typeof deferred>): Promise<void> {
  if (file !== BIG) return;
  writing.resolve();
  await release.promise;
}

function writeLines(dir: string, name: string, lines: readonly OrderLine[]): string {
  const path = join(dir, name);
  writeFileSync(path, toCsv([LAYOUT_A, ...lines.map((l) => cellsFor(LAYOUT_A, orderCells(l)))]));
  return path;
}

describe('imports through the core (worker threads)', () => {
  it('imports, backs up first, reports progress, recognises the same file again, lists and undoes', async () => {
    const { core, dataDir } = await start();
    const events: { event: string; payload: unknown }[] = [];
    core.onEvent((e) => events.push(e));
    const file = join(dataDir, '1791213782_3edeb47b86bdb5b9.csv');
    copyFileSync(SAMPLE, file);

    const preview = await core.call('imports.preview', { sources: [{ type: 'path', path: file }], locale: 'en-US' });
    expect(preview).toEqual([expect.objectContaining({ refused: false, kind: 'orders', lines: 5, inserted: 5, alreadyImported: false })]);

    const first = asSummary((await run(core, file))[0]);
    expect(first).toMatchObject({
      file: '1791213782_3edeb47b86bdb5b9.csv',
      kind: 'orders',
      layout: 'orders-layout-a',
      lines: 5,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      exportTime: new Date(1791213782 * 1000).toISOString(),
      dateFrom: '2026-08-01',
      dateTo: '2026-08-04',
      alreadyImported: false,
      issues: [],
    });
    const backups = await core.call('backups.list', {});
    expect(backups.find((b) => b.id === first.backupId)?.kind).toBe('pre-import');
    expect(events.some((e) => e.event === 'imports.progressed' && (e.payload as ImportProgress).phase === 'done')).toBe(true);
    expect(events.some((e) => e.event === 'imports.finished')).toBe(true);

    const again = asSummary((await run(core, file))[0]);
    expect(again).toMatchObject({ alreadyImported: true, inserted: 0, updated: 0, unchanged: 5, importId: first.importId, backupId: null });
    expect((await core.call('backups.list', {})).filter((b) => b.kind === 'pre-import')).toHaveLength(1);

    const history = await core.call('imports.history', {});
    expect(history).toEqual([expect.objectContaining({ id: first.importId, file: first.file, kind: 'orders', lines: 5, inserted: 5, status: 'done' })]);
    expect(await core.call('imports.undo', { importId: first.importId! })).toEqual({ importId: first.importId, undone: true, removed: 5, restored: 0, backupId: expect.stringContaining('-pre-undo-') });
    expect(events.some((e) => e.event === 'imports.undone')).toBe(true);
    expect((await core.call('reports.orders', {})).total).toEqual({ orders: 0, lines: 0, amountFen: 0 });
    expect((await core.call('imports.history', {}))[0]).toMatchObject({ status: 'undone' });
    // Undone, the same bytes are new again.
    expect(asSummary((await run(core, file))[0])).toMatchObject({ alreadyImported: false, inserted: 5 });
    await core.close();
  });

  it('refuses a file in the job without touching the others, and renders messages in the asked language', async () => {
    const { core, dataDir } = await start({ pipeline: 'one-thread' });
    const good = join(dataDir, 'good.csv');
    copyFileSync(SAMPLE, good);
    const bad = fileURLToPath(new URL('../fixtures/douyin/orders-excel-ids.csv', import.meta.url));
    const outcomes = await core.call('imports.run', { jobId: jobId(), sources: [{ type: 'path', path: bad }, { type: 'path', path: good }], locale: 'zh-CN' });
    expect(outcomes[0]).toMatchObject({ refused: true, code: 'IMPORT_EXCEL_DAMAGED' });
    expect(outcomes[0]!.refused && outcomes[0]!.message).toContain('这个文件被 Excel 另存过，订单号已被破坏：请从抖店重新导出');
    expect(outcomes[1]).toMatchObject({ refused: false, inserted: 5 });
    const missing = await core.call('imports.run', { jobId: jobId(), sources: [{ type: 'path', path: join(dataDir, 'nope.csv') }], locale: 'en-US' });
    expect(missing[0]).toMatchObject({ refused: true, code: 'IMPORT_UNREADABLE', message: 'The file cannot be found; it may have been moved or deleted.' });
    await core.close();
  });

  it('an older export never moves a line backwards; the newer one wins', async () => {
    const { core, dataDir } = await start();
    const lines = take(orderLines({ seed: 5 }), 20).map((l) => ({ ...l, status: '已发货' }));
    const newer = writeLines(dataDir, '1791300000_newer.csv', lines.map((l) => ({ ...l, status: '已完成', completedAt: '2026-09-10 10:00:00' })));
    const older = writeLines(dataDir, '1791200000_older.csv', lines);
    expect(asSummary((await run(core, newer))[0])).toMatchObject({ inserted: 20 });
    expect(asSummary((await run(core, older))[0])).toMatchObject({ skippedOlder: 20, updated: 0 });
    expect((await core.call('reports.orders', { by: 'status' })).groups.map((g) => g.key)).toEqual(['已完成']);
    await core.close();
  });

  it('cancel stops the file in progress and leaves the database as it was', async () => {
    // The import is held mid-file (first batch written, its transaction open) while cancel is asked.
    const writing = deferred();
    const release = deferred();
    const { core, dataDir } = await start({ pauseMidUnit: async ({ file }) => holdBig(file, writing, release) });
    copyFileSync(SAMPLE, join(dataDir, 'sample.csv'));
    await run(core, join(dataDir, 'sample.csv'));
    const big = join(dataDir, BIG);
    await writeOrdersExport(big, 20_000, 3);
    const id = jobId();
    const running = core.call('imports.run', { jobId: id, sources: [{ type: 'path', path: big }] });
    await writing.promise;
    expect(await core.call('imports.cancel', { jobId: id })).toEqual({ cancelled: true });
    release.resolve();
    const outcomes = await running;
    expect(outcomes).toEqual([expect.objectContaining({ refused: true, code: 'IMPORT_CANCELLED' })]);
    expect((await core.call('reports.orders', {})).total.lines).toBe(5);
    expect(await core.call('imports.history', {})).toHaveLength(1);
    expect(await core.call('imports.cancel', { jobId: id })).toEqual({ cancelled: false });
    await core.close();
  });

  it('a full disk fails the import with DISK_FULL; nothing saved is lost and nothing of the file stays', async () => {
    const first = await start();
    copyFileSync(SAMPLE, join(first.dataDir, 'sample.csv'));
    await run(first.core, join(first.dataDir, 'sample.csv'));
    await first.core.close();
    const { dbFile } = dataPaths(first.dataDir);
    const probe = openDatabase(dbFile);
    const pages = probe.pragma('page_count', { simple: true }) as number;
    probe.close();

    const full = await createCore({ dataDir: first.dataDir, log: silentLogger, imports: { writerPragmas: [`max_page_count = ${pages + 20}`] } });
    const big = join(first.dataDir, 'big.csv');
    await writeOrdersExport(big, 3000, 4);
    const [outcome] = await full.call('imports.run', { jobId: jobId(), sources: [{ type: 'path', path: big }], locale: 'en-US' });
    expect(outcome).toMatchObject({ refused: true, code: 'DISK_FULL', message: expect.stringContaining('The disk is full') });
    expect((await full.call('reports.orders', {})).total.lines).toBe(5);
    expect(await full.call('imports.history', {})).toHaveLength(1);
    expect((await full.call('db.check', { full: true })).integrity).toBe('ok');
    await full.close();

    const roomy = await createCore({ dataDir: first.dataDir, log: silentLogger });
    expect(asSummary((await run(roomy, big))[0])).toMatchObject({ inserted: 3000 });
    await roomy.close();
  });

  it('files dropped in the browser arrive as uploads and are imported like local files', async () => {
    const { core, dataDir } = await start();
    const bytes = readFileSync(SAMPLE);
    const { uploadId } = await core.call('imports.upload', { fileName: '1791213782_3edeb47b86bdb5b9.csv', chunkBase64: bytes.subarray(0, 1000).toString('base64'), done: false });
    expect(await core.call('imports.upload', { uploadId, fileName: '1791213782_3edeb47b86bdb5b9.csv', chunkBase64: bytes.subarray(1000).toString('base64'), done: true })).toEqual({
      uploadId,
      bytes: bytes.length,
    });
    const [outcome] = await core.call('imports.run', { jobId: jobId(), sources: [{ type: 'upload', uploadId }] });
    expect(outcome).toMatchObject({ refused: false, file: '1791213782_3edeb47b86bdb5b9.csv', inserted: 5, exportTime: new Date(1791213782 * 1000).toISOString() });
    expect(existsSync(join(dataDir, 'uploads')) ? readdirSync(join(dataDir, 'uploads')) : []).toEqual([]);
    await expect(core.call('imports.run', { jobId: jobId(), sources: [{ type: 'upload', uploadId }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await core.close();
  });

  it('sends progress at least twice a second while a bigger file imports', async () => {
    // Counted against the job's own timer, on a fake clock, while the import is held mid-file:
    // the same answer however fast the machine is.
    const writing = deferred();
    const release = deferred();
    const { core, dataDir } = await start({ pauseMidUnit: async ({ file }) => holdBig(file, writing, release) });
    const big = join(dataDir, BIG);
    await writeOrdersExport(big, 12_000, 8);
    const id = jobId();
    const progress: ImportProgress[] = [];
    core.onEvent((e) => {
      if (e.event === 'imports.progressed') progress.push(e.payload as ImportProgress);
    });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const running = run(core, big, id);
      await writing.promise;
      const before = progress.length;
      vi.advanceTimersByTime(1000);
      const inOneSecond = progress.slice(before);
      expect(inOneSecond.length).toBeGreaterThanOrEqual(2);
      expect(inOneSecond.every((p) => p.jobId === id && p.file === BIG && p.phase === 'importing')).toBe(true);
      release.resolve();
      expect((await running)[0]).toMatchObject({ refused: false, lines: 12_000 });
    } finally {
      release.resolve();
      vi.useRealTimers();
    }
    await core.close();
  });
});

describe('reports.orders against hand-computed figures (the sample export)', () => {
  it('totals, days, Monday weeks, months, products, provinces, statuses, sources and a date range', async () => {
    const { core, dataDir } = await start({ pipeline: 'one-thread' });
    copyFileSync(SAMPLE, join(dataDir, 'sample.csv'));
    await run(core, join(dataDir, 'sample.csv'));
    // Time groups also carry previous + changePct (checked below); these figures are the groups' own.
    const report = async (by?: 'day' | 'week' | 'month' | 'product' | 'province' | 'status' | 'source', from?: string, to?: string) => {
      const r = await core.call('reports.orders', { ...(by ? { by } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
      return { total: r.total, groups: r.groups.map(({ key, orders, lines, amountFen }) => ({ key, orders, lines, amountFen })) };
    };
    // 119.00 + 1,299.00 + 109.80 + 0.00 + 39.00; four parent orders, five lines.
    expect((await report()).total).toEqual({ orders: 4, lines: 5, amountFen: 156680 });
    expect((await report('day')).groups).toEqual([
      { key: '2026-08-01', orders: 1, lines: 1, amountFen: 11900 },
      { key: '2026-08-02', orders: 1, lines: 1, amountFen: 129900 },
      { key: '2026-08-03', orders: 1, lines: 2, amountFen: 10980 },
      { key: '2026-08-04', orders: 1, lines: 1, amountFen: 3900 },
    ]);
    // 2026-08-01 is a Saturday and 08-02 a Sunday: their week starts on Monday 07-27.
    expect((await report('week')).groups).toEqual([
      { key: '2026-07-27', orders: 2, lines: 2, amountFen: 141800 },
      { key: '2026-08-03', orders: 2, lines: 3, amountFen: 14880 },
    ]);
    expect((await report('month')).groups).toEqual([{ key: '2026-08', orders: 4, lines: 5, amountFen: 156680 }]);
    expect((await report('product')).groups).toHaveLength(5);
    expect((await report('product')).groups).toContainEqual({ key: '3716630085112940217', orders: 1, lines: 1, amountFen: 0 });
    expect((await report('province')).groups).toEqual([
      { key: '四川省', orders: 1, lines: 2, amountFen: 10980 },
      { key: '北京市', orders: 1, lines: 1, amountFen: 3900 },
      { key: '广东省', orders: 1, lines: 1, amountFen: 129900 },
      { key: '浙江省', orders: 1, lines: 1, amountFen: 11900 },
    ]);
    expect((await report('status')).groups).toEqual([
      { key: '待发货', orders: 1, lines: 2, amountFen: 10980 },
      { key: '已关闭', orders: 1, lines: 1, amountFen: 3900 },
      { key: '已发货', orders: 1, lines: 1, amountFen: 129900 },
      { key: '已完成', orders: 1, lines: 1, amountFen: 11900 },
    ]);
    // The closed order came through an influencer too: 精选联盟 = lines with a 达人ID.
    expect((await report('source')).groups).toEqual([
      { key: '小店自卖', orders: 2, lines: 3, amountFen: 22880 },
      { key: '精选联盟', orders: 2, lines: 2, amountFen: 133800 },
    ]);
    expect(await report('day', '2026-08-02', '2026-08-03')).toEqual({
      total: { orders: 2, lines: 3, amountFen: 140880 },
      groups: [
        { key: '2026-08-02', orders: 1, lines: 1, amountFen: 129900 },
        { key: '2026-08-03', orders: 1, lines: 2, amountFen: 10980 },
      ],
    });
    // 环比: the whole day before (also before `from`), none before the first imported day.
    const days = await core.call('reports.orders', { by: 'day' });
    expect(days.groups.map((g) => [g.key, g.previous, g.changePct])).toEqual([
      ['2026-08-01', null, { orders: null, lines: null, amountFen: null }],
      ['2026-08-02', { orders: 1, lines: 1, amountFen: 11900 }, { orders: 0, lines: 0, amountFen: 991.6 }],
      ['2026-08-03', { orders: 1, lines: 1, amountFen: 129900 }, { orders: 0, lines: 100, amountFen: -91.5 }],
      ['2026-08-04', { orders: 1, lines: 2, amountFen: 10980 }, { orders: 0, lines: -50, amountFen: -64.5 }],
    ]);
    const ranged = await core.call('reports.orders', { by: 'day', from: '2026-08-02', to: '2026-08-03' });
    expect(ranged.groups[0]!.previous).toEqual({ orders: 1, lines: 1, amountFen: 11900 });
    const weeks = await core.call('reports.orders', { by: 'week' });
    expect(weeks.groups.map((g) => g.changePct)).toEqual([{ orders: null, lines: null, amountFen: null }, { orders: 0, lines: 50, amountFen: -89.5 }]);
    await core.close();
  });
});
