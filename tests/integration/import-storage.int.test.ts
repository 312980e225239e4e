import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../src/core/db/open-database';
import { TableWriter, type UnitHeader } from '../../src/core/imports/table-writer';
import { undoImport } from '../../src/core/imports/undo-import';
import { analyticsRows, dayLinesQuery, type AnalyticsLine } from '../../src/core/reports/analytics-days';
import { orderLines, take, type OrderLine } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { mappedOrderRows } from '../helpers/mapped-order-rows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const rows = mappedOrderRows;

const header = (exportTime: number | null, mode: UnitHeader['mode'] = 'write', name = 'x.csv'): UnitHeader => ({
  kind: 'orders',
  layout: 'orders-layout-a',
  fileName: name,
  sha256: `${name}-${exportTime}-${mode}`,
  encoding: 'utf-8-bom',
  exportTime,
  importedAt: '2026-11-22T04:00:00.000Z',
  mode,
});

const totals = { lines: 0, skippedWithIssues: 0, dateFrom: null, dateTo: null };

function write(sqlite: SqliteDb, lines: readonly OrderLine[], exportTime: number | null, mode: UnitHeader['mode'] = 'write') {
  const writer = new TableWriter(sqlite);
  writer.begin(header(exportTime, mode));
  writer.write(rows(lines));
  return writer.commit({ ...totals, lines: lines.length });
}

const statusOf = (sqlite: SqliteDb, sub: string) => sqlite.prepare('SELECT status FROM order_lines WHERE sub_order_id = ?').pluck().get(sub);
const dump = (sqlite: SqliteDb) => sqlite.prepare('SELECT * FROM order_lines ORDER BY sub_order_id').all();

const LINES = take(orderLines({ seed: 11 }), 30);
const advanced = (l: OrderLine): OrderLine => ({ ...l, status: '已完成', completedAt: '2026-09-30 10:00:00', sellerNote: '已签收' });

describe('table writer: upsert rules', () => {
  it('inserts, recognises unchanged lines, updates changed ones with history, and never lets an older export win', async () => {
    const session = await openSession(tempDir());
    const { sqlite } = session.require();
    const first = write(sqlite, LINES, 1_790_000_000);
    expect(first.counts).toMatchObject({ inserted: 30, updated: 0, unchanged: 0 });

    const again = write(sqlite, LINES, 1_790_000_000);
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 30 });

    const newer = write(sqlite, [...LINES.slice(0, 5).map(advanced), ...LINES.slice(5)], 1_790_100_000);
    expect(newer.counts).toMatchObject({ inserted: 0, updated: 5, unchanged: 25 });
    expect(statusOf(sqlite, LINES[0]!.subOrderId)).toBe('已完成');
    expect(sqlite.prepare('SELECT count(*) FROM row_history WHERE import_id = ?').pluck().get(newer.importId)).toBe(5);

    // The older export (smaller file-name time) holds the old statuses: it changes nothing.
    const older = write(sqlite, LINES, 1_789_000_000);
    expect(older.counts).toMatchObject({ skippedOlder: 5, unchanged: 25, updated: 0 });
    expect(statusOf(sqlite, LINES[0]!.subOrderId)).toBe('已完成');
    await session.close();
  });

  it('without export times, the status order decides: 已完成 never goes back to 待发货', async () => {
    const session = await openSession(tempDir());
    const { sqlite } = session.require();
    const line = { ...LINES[0]!, status: '已发货' };
    write(sqlite, [line], null);
    expect(write(sqlite, [{ ...line, status: '待发货' }], null).counts).toMatchObject({ skippedOlder: 1 });
    expect(statusOf(sqlite, line.subOrderId)).toBe('已发货');
    expect(write(sqlite, [{ ...line, status: '已完成' }], null).counts).toMatchObject({ updated: 1 });
    expect(statusOf(sqlite, line.subOrderId)).toBe('已完成');
    await session.close();
  });

  it('the same key twice in one file: the later line wins and is counted as a duplicate', async () => {
    const session = await openSession(tempDir());
    const { sqlite } = session.require();
    const line = { ...LINES[0]!, status: '已发货' };
    const result = write(sqlite, [line, LINES[1]!, { ...line, status: '已完成' }], null);
    expect(result.counts).toMatchObject({ inserted: 2, duplicatesInFile: 1 });
    expect(statusOf(sqlite, line.subOrderId)).toBe('已完成');
    await session.close();
  });

  it('a stored row twice in one file: the later line wins, the first decides the count, whether the rows are looked up or inserted first', async () => {
    // The writer remembers only keys of rows that existed before the unit; a repeat of a row the unit inserted is known by its first_import_id.
    const line = LINES[0]!;
    const changed = { ...line, sellerNote: '改一次' };
    const changedAgain = { ...line, sellerNote: '改两次' };
    const cases = [
      { name: 'changed, changed again', repeats: [changed, changedAgain], counts: { updated: 1, unchanged: 0 }, note: '改两次' },
      { name: 'unchanged, then changed', repeats: [line, changed], counts: { updated: 0, unchanged: 1 }, note: '改一次' },
      { name: 'changed, then as stored', repeats: [changed, line], counts: { updated: 1, unchanged: 0 }, note: line.sellerNote },
    ];
    for (const { name, repeats, counts, note } of cases) {
      // Alone in its batch (the writer tries the insert first), or after a batch of stored rows (it looks them up first).
      for (const lookupFirst of [false, true]) {
        const session = await openSession(tempDir());
        const { sqlite } = session.require();
        write(sqlite, LINES, 1_790_000_000);
        const before = dump(sqlite);
        const writer = new TableWriter(sqlite);
        writer.begin(header(1_790_100_000));
        const fresh = { ...take(orderLines({ seed: 12 }), 1)[0]!, subOrderId: 'fresh-1', orderId: 'fresh-order-1' };
        if (lookupFirst) writer.write(rows(LINES.slice(1)));
        writer.write(rows([repeats[0]!, fresh, repeats[1]!, fresh]));
        const result = writer.commit({ ...totals, lines: 0 });
        expect(result.counts, `${name}, lookupFirst ${lookupFirst}`).toMatchObject({ ...counts, unchanged: counts.unchanged + (lookupFirst ? LINES.length - 1 : 0), inserted: 1, duplicatesInFile: 2 });
        expect(sqlite.prepare('SELECT seller_note FROM order_lines WHERE sub_order_id = ?').pluck().get(line.subOrderId), name).toBe(note);
        await undoImport(session.require().db, result.importId!, new Date('2026-11-23T00:00:00Z'), 'en-US');
        // Every row as it was, but for the newer export time an unchanged line leaves behind (on purpose: an older export must not win later).
        const ageless = (list: unknown[]) => list.map((r) => ({ ...(r as Record<string, unknown>), export_time: null }));
        expect(ageless(dump(sqlite)), name).toEqual(ageless(before));
        await session.close();
      }
    }
  });

  it('preview decides the same way and writes nothing; rollback leaves no trace', async () => {
    const session = await openSession(tempDir());
    const { sqlite } = session.require();
    write(sqlite, LINES.slice(0, 10), 1_790_000_000);
    const before = dump(sqlite);
    const preview = write(sqlite, [...LINES.slice(0, 3).map(advanced), ...LINES.slice(3, 20)], 1_790_100_000, 'preview');
    expect(preview).toEqual({ importId: null, counts: { inserted: 10, updated: 3, unchanged: 7, duplicatesInFile: 0, skippedOlder: 0 } });
    expect(dump(sqlite)).toEqual(before);

    const writer = new TableWriter(sqlite);
    writer.begin(header(1_790_200_000));
    writer.write(rows(LINES.slice(10).map(advanced)));
    writer.rollback();
    expect(dump(sqlite)).toEqual(before);
    expect(sqlite.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
    await session.close();
  });

  it('a full disk (max_page_count) fails the batch; rolled back, nothing lost, a later import works', async () => {
    const session = await openSession(tempDir());
    const { sqlite } = session.require();
    write(sqlite, LINES.slice(0, 5), null);
    const before = dump(sqlite);
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 2}`);
    const writer = new TableWriter(sqlite);
    writer.begin(header(null));
    const many = take(orderLines({ seed: 99 }), 2000);
    expect(() => writer.write(rows(many))).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    writer.rollback();
    expect(dump(sqlite)).toEqual(before);
    expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    sqlite.pragma('max_page_count = 1073741823');
    expect(write(sqlite, many, null).counts.inserted).toBe(2000);
    await session.close();
  });
});

describe('undo', () => {
  it('removes the lines an import added, restores the lines it changed, and refuses while a later import changed them', async () => {
    const session = await openSession(tempDir());
    const { sqlite, db } = session.require();
    const now = new Date('2026-11-22T05:00:00Z');
    const a = write(sqlite, LINES.slice(0, 20), 1_790_000_000);
    const afterA = dump(sqlite);
    // B changes 5 lines and adds 10.
    const b = write(sqlite, [...LINES.slice(0, 5).map(advanced), ...LINES.slice(20, 30)], 1_790_100_000);
    expect(b.counts).toMatchObject({ updated: 5, inserted: 10 });
    // C changes two of B's lines again.
    const c = write(sqlite, LINES.slice(0, 2).map((l) => ({ ...advanced(l), sellerNote: '又改了' })), 1_790_200_000);

    const refused = await undoImport(db, b.importId!, now, 'zh-CN');
    expect(refused).toMatchObject({ undone: false, reason: 'later-import-changed-lines', conflicts: [{ importId: c.importId }] });
    expect(refused.undone === false && refused.message).toContain('先撤销');

    expect(await undoImport(db, c.importId!, now, 'en-US')).toEqual({ importId: c.importId, undone: true, removed: 0, restored: 2 });
    expect(await undoImport(db, b.importId!, now, 'en-US')).toEqual({ importId: b.importId, undone: true, removed: 10, restored: 5 });
    expect(dump(sqlite)).toEqual(afterA);
    expect(await undoImport(db, b.importId!, now, 'en-US')).toMatchObject({ undone: false, reason: 'already-undone' });
    expect(await undoImport(db, a.importId!, now, 'en-US')).toMatchObject({ undone: true, removed: 20 });
    expect(dump(sqlite)).toEqual([]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) FROM order_lines WHERE last_import_id NOT IN (SELECT id FROM imports)').pluck().get()).toBe(0);
    await expect(undoImport(db, 999, now, 'en-US')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await session.close();
  });
});

describe('the orders report summary stays in step with order_lines', () => {
  /** The summary recomputed from scratch, straight from order_lines. */
  const fromScratch = (sqlite: SqliteDb) => {
    const keys: Record<string, string> = {
      day: `''`,
      product: `coalesce(product_id, '')`,
      province: `coalesce(province, '')`,
      status: `coalesce(status, '')`,
      source: `coalesce(CASE WHEN influencer_id IS NOT NULL THEN '精选联盟' ELSE traffic_source END, '')`,
    };
    // Migration 0016's dimensions for the decline watch, each over its own lines.
    const filtered: [string, string, string][] = [
      ['watched', `''`, `(status IS NULL OR status <> '待支付') AND NOT (status IN ('已关闭', '已取消') AND paid_at IS NULL)`],
      ['influencer', 'influencer_id', 'influencer_id IS NOT NULL'],
      ['influencerName', `influencer_id || char(31) || influencer_name`, 'influencer_id IS NOT NULL AND influencer_name IS NOT NULL'],
      ['spotPaid', `''`, `julianday(promised_ship_at) IS NOT NULL AND julianday(paid_at) IS NOT NULL AND (status IS NULL OR status <> '待支付')`],
      ['spotLater', `''`, `julianday(promised_ship_at) IS NOT NULL AND julianday(paid_at) IS NOT NULL AND (status IS NULL OR status <> '待支付') AND (julianday(promised_ship_at) - julianday(paid_at)) * 24 > 48`],
    ];
    const days = sqlite.prepare(`SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') FROM order_lines`).pluck().all() as string[];
    const analytics = days.flatMap((day) => {
      const { text, params } = dayLinesQuery(day);
      return analyticsRows(sqlite.prepare(text).all(...params) as AnalyticsLine[]);
    });
    return [...analytics, ...Object.entries(keys).flatMap(([dimension, key]) =>
      sqlite
        .prepare(
          `SELECT '${dimension}' AS dimension, coalesce(substr(submitted_at, 1, 10), '') AS day, ${key} AS key, count(DISTINCT order_id) AS orders,
             count(*) AS lines, coalesce(sum(payable_fen), 0) AS amount_fen FROM order_lines GROUP BY 2, 3`,
        )
        .all(),
    ), ...filtered.flatMap(([dimension, key, where]) =>
      sqlite
        .prepare(
          `SELECT '${dimension}' AS dimension, coalesce(substr(submitted_at, 1, 10), '') AS day, ${key} AS key, count(DISTINCT order_id) AS orders,
             count(*) AS lines, coalesce(sum(payable_fen), 0) AS amount_fen FROM order_lines WHERE ${where} GROUP BY 2, 3`,
        )
        .all(),
    )];
  };
  const summary = (sqlite: SqliteDb) => [
    ...sqlite.prepare('SELECT dimension, day, key, orders, lines, amount_fen FROM order_report_days').all(),
    // 看数据's summary (order_analytics_days) on both time bases, held to the same standard.
    ...sqlite.prepare('SELECT basis, dimension, at_day AS atDay, key, day, orders, lines, amount_fen AS amountFen FROM order_analytics_days').all(),
  ];
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

  it('after inserts, updates that move a line to another day or status, and undos', async () => {
    const session = await openSession(tempDir());
    const { sqlite, db } = session.require();
    const now = new Date('2026-11-22T05:00:00Z');
    const a = write(sqlite, LINES, 1_790_000_000);
    expect(sorted(summary(sqlite))).toEqual(sorted(fromScratch(sqlite)));
    const moved = LINES.slice(0, 6).map((l, i) => ({ ...advanced(l), submittedAt: i % 2 === 0 ? '2026-07-01 09:00:00' : l.submittedAt, province: '海南省' }));
    const b = write(sqlite, [...moved, ...take(orderLines({ seed: 12 }), 10)], 1_790_100_000);
    expect(sorted(summary(sqlite))).toEqual(sorted(fromScratch(sqlite)));
    await undoImport(db, b.importId!, now, 'zh-CN');
    expect(sorted(summary(sqlite))).toEqual(sorted(fromScratch(sqlite)));
    await undoImport(db, a.importId!, now, 'zh-CN');
    expect(summary(sqlite)).toEqual([]);
    await session.close();
  });

  // The writer takes a day's summary from the lines it inserted when the day is new to the
  // database and no updated line touched it; any other day is read back. Whatever the sequence of
  // imports (new days, old days, lines moved between days, repeated keys in one file), the
  // summary must equal the one computed from scratch.
  it('after any sequence of imports', async () => {
    const session = await openSession(tempDir());
    const { sqlite } = session.require();
    const pool = take(orderLines({ seed: 21 }), 40);
    const change = fc.record({
      at: fc.nat(39),
      day: fc.option(fc.constantFrom('2026-07-01 09:00:00', '2026-09-09 12:00:00', '2026-10-01 08:00:00'), { nil: undefined }),
      province: fc.option(fc.constantFrom('海南省', '西藏自治区'), { nil: undefined }),
      influencer: fc.option(fc.constantFrom('7001', null), { nil: undefined }),
      // 看数据's bases: closed unpaid (已关闭 with 售后状态 "-"), refunded later, paid after midnight.
      state: fc.option(fc.constantFrom('closedUnpaid', 'refunded', 'paidNextDay'), { nil: undefined }),
    });
    const file = fc.array(change, { minLength: 1, maxLength: 12 });
    let exportTime = 1_790_000_000;
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 4 }), async (files) => {
        sqlite.exec('DELETE FROM order_lines; DELETE FROM order_report_days; DELETE FROM order_analytics_days; DELETE FROM row_history; DELETE FROM imports');
        for (const changes of files) {
          const lines = changes.map(({ at, day, province, influencer, state }) => {
            const l = { ...pool[at]! };
            if (state === 'closedUnpaid') Object.assign(l, { status: '已关闭', aftersaleStatus: null, shippedAt: null });
            if (state === 'refunded') Object.assign(l, { aftersaleStatus: '退款成功', completedAt: '2026-10-20 10:00:00' });
            if (state === 'paidNextDay') Object.assign(l, { paidAt: '2026-10-02 00:00:01' });
            return {
              ...l,
              ...(day === undefined ? {} : { submittedAt: day }),
              ...(province === undefined ? {} : { province }),
              ...(influencer === undefined ? {} : { influencerId: influencer, influencerName: influencer === null ? null : '达人' }),
            };
          });
          write(sqlite, lines, (exportTime += 1000));
          expect(sorted(summary(sqlite))).toEqual(sorted(fromScratch(sqlite)));
        }
      }),
      { numRuns: 60 },
    );
    await session.close();
  });
});
