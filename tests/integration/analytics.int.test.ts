import type { Kysely } from 'kysely';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../src/core/db/open-database';
import type { Database } from '../../src/core/db/schema';
import { undoImport } from '../../src/core/imports/undo-import';
import { migrations } from '../../src/core/db/migrations/index';
import { analyticsRows, dayLinesQuery, type AnalyticsLine } from '../../src/core/reports/analytics-days';
import { rebuildDaySummaries } from '../../src/core/reports/day-summaries';
import { saveAnalyticsSettings, setNote, DEFAULT_ANALYTICS_SETTINGS } from '../../src/core/reports/analytics-notes';
import { breakdown } from '../../src/core/reports/breakdown';
import { ordersReport } from '../../src/core/reports/orders-report';
import { productMix } from '../../src/core/reports/product-mix';
import { volume } from '../../src/core/reports/volume';
import { AFTERSALES, toCsv } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { importInline, okOutcome } from '../helpers/import-inline';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * 看数据 against a shop computed by hand. China dates: 2026-08-02 is a Sunday, 2026-08-03 the
 * Monday after; the week of 2026-08-10 has no order at all.
 */
const tempDir = useTempDirs();
const TODAY = '2026-09-02';

type Seed = { sub: string; order: string; product: string; title?: string; province?: string | null; status?: string; aftersale?: string | null; submitted: string; paid?: string | null; completed?: string | null; shipped?: string | null; influencer?: string | null; name?: string | null; source?: string; fen: number };

const SHOP: Seed[] = [
  // A year earlier (for 同比).
  { sub: 's0', order: 'o0', product: 'p1', submitted: '2025-08-04 10:00:00', fen: 800 },
  // The Sunday's last second and the Monday's first: two weeks, two days.
  { sub: 's1', order: 'o1', product: 'p1', province: '广西', submitted: '2026-08-02 23:59:50', paid: '2026-08-02 23:59:59', fen: 1000 },
  { sub: 's2', order: 'o2', product: 'p1', province: '广西壮族自治区', submitted: '2026-08-02 23:59:58', paid: '2026-08-03 00:00:01', fen: 2000 },
  // One order, a product and its gift.
  { sub: 's3', order: 'o3', product: 'p2', title: '加厚四件套', province: '广东省', submitted: '2026-08-05 09:00:00', fen: 3000 },
  { sub: 's3b', order: 'o3', product: 'p3', title: '赠品枕套', province: '广东省', submitted: '2026-08-05 09:00:00', fen: 0 },
  // Closed unpaid (已关闭 with 售后状态 "-"): its own series, in no total.
  { sub: 's4', order: 'o4', product: 'p1', status: '已关闭', aftersale: null, submitted: '2026-08-05 10:00:00', paid: null, shipped: null, fen: 500 },
  // Through an influencer; the first refunded (订单完成时间 the 20th).
  { sub: 's5', order: 'o5', product: 'p1', province: '浙江', aftersale: '退款成功', completed: '2026-08-20 08:00:00', influencer: '7001', name: '穿搭阿杰', source: '精选联盟', submitted: '2026-08-17 12:00:00', fen: 1500 },
  { sub: 's6', order: 'o6', product: 'p2', title: '加厚四件套', province: '浙江省', influencer: '7001', name: '穿搭阿杰', source: '精选联盟', submitted: '2026-08-18 12:00:00', fen: 2500 },
];

async function shop(options: { before0011?: boolean } = {}): Promise<{ sqlite: SqliteDb; db: Kysely<Database>; dataDir: string; close: () => Promise<void> }> {
  const dataDir = tempDir();
  const session = await openSession(dataDir, options.before0011 ? { migrations: migrations.filter((m) => m.version < 11) } : {});
  const { sqlite, db } = session.require();
  const importId = sqlite
    .prepare(`INSERT INTO imports (file_name, sha256, kind, layout, encoding, imported_at) VALUES ('seed.csv', 'seed', 'orders', 'orders-layout-a', 'utf-8', '2026-09-01T00:00:00.000Z') RETURNING id`)
    .pluck()
    .get() as number;
  const insert = sqlite.prepare(`INSERT INTO order_lines (sub_order_id, order_id, product_id, product_title, province, status, aftersale_status, submitted_at, paid_at,
    completed_at, shipped_at, influencer_id, influencer_name, traffic_source, payable_fen, extra_json, first_import_id, last_import_id)
    VALUES (@sub, @order, @product, @title, @province, @status, @aftersale, @submitted, @paid, @completed, @shipped, @influencer, @name, @source, @fen, '{}', @importId, @importId)`);
  for (const s of SHOP) {
    insert.run({
      title: '珊瑚绒四件套',
      province: null,
      status: '已完成',
      aftersale: null,
      completed: null,
      shipped: '2026-08-01 00:00:00',
      influencer: null,
      name: null,
      source: '小店自卖',
      ...s,
      paid: s.paid === undefined ? s.submitted : s.paid,
      importId,
    });
  }
  if (!options.before0011) rebuildDaySummaries(sqlite, { analytics: sqlite.prepare(`SELECT DISTINCT substr(submitted_at, 1, 10) FROM order_lines`).pluck().all() as string[] });
  return { sqlite, db: db as unknown as Kysely<Database>, dataDir, close: () => session.close() };
}

describe('order volume by period', () => {
  it('by week (Monday, China dates) with 环比 over an empty week, closed-unpaid apart', async () => {
    const s = await shop();
    const r = await volume(s.db, { from: '2026-07-29', to: '2026-08-19', granularity: 'week', basis: 'paid' }, TODAY);
    expect([r.from, r.to]).toEqual(['2026-07-27', '2026-08-23']);
    expect(r.periods.map((p) => [p.key, p.orders, p.lines, p.amountFen])).toEqual([
      ['2026-07-27', 1, 1, 1000],
      ['2026-08-03', 2, 3, 5000],
      ['2026-08-10', 0, 0, 0],
      ['2026-08-17', 2, 2, 4000],
    ]);
    const [w1, w2, w3, w4] = r.periods;
    // The week before the first holds no line but lies inside the data (a year back): zero, no percent.
    expect(w1!.previous).toEqual({ orders: 0, lines: 0, amountFen: 0 });
    expect(w1!.changePct).toEqual({ orders: null, lines: null, amountFen: null });
    expect(w2!.changePct).toEqual({ orders: 100, lines: 200, amountFen: 400 });
    expect(w3!.changePct).toEqual({ orders: -100, lines: -100, amountFen: -100 });
    expect(w4!.previous).toEqual({ orders: 0, lines: 0, amountFen: 0 });
    expect(w4!.changePct).toEqual({ orders: null, lines: null, amountFen: null });
    expect(w2!.closedUnpaid).toEqual({ orders: 1, lines: 1, amountFen: 500 });
    expect(r.closedUnpaid).toEqual({ orders: 1, lines: 1, amountFen: 500 });
    expect(r.periods.map((p) => p.open)).toEqual([false, false, false, false]);
    const now = await volume(s.db, { from: '2026-08-17', to: '2026-08-23', granularity: 'week', basis: 'paid' }, '2026-08-19');
    expect(now.periods[0]!.open).toBe(true);
    expect(r.total).toEqual({ orders: 5, lines: 6, amountFen: 10000 });
    // 52 weeks before 2026-08-03 is 2025-08-04: o0.
    expect(w2!.yearAgo).toEqual({ orders: 1, lines: 1, amountFen: 800 });
    expect(w2!.yearAgoChangePct.orders).toBe(100);
    await s.close();
  });

  it('by day across China midnight, with the same weekday a week earlier, and notes', async () => {
    const s = await shop();
    await setNote(s.db, { granularity: 'day', date: '2026-08-03', text: '直播带货' }, new Date('2026-08-04T00:00:00Z'));
    await setNote(s.db, { granularity: 'week', date: '2026-08-06', text: '活动结束' }, new Date('2026-08-04T00:00:00Z'));
    const days = await volume(s.db, { from: '2026-08-02', to: '2026-08-10', granularity: 'day', basis: 'paid' }, TODAY);
    expect(days.periods[0]).toMatchObject({ key: '2026-08-02', orders: 1, amountFen: 1000 });
    expect(days.periods[1]).toMatchObject({ key: '2026-08-03', orders: 1, amountFen: 2000, note: '直播带货', changePct: { orders: 0, lines: 0, amountFen: 100 } });
    expect(days.periods.at(-1)).toMatchObject({ key: '2026-08-10', orders: 0, weekAgo: { orders: 1, lines: 1, amountFen: 2000 }, weekAgoChangePct: { orders: -100 } });
    const weeks = await volume(s.db, { from: '2026-08-03', to: '2026-08-09', granularity: 'week', basis: 'paid' }, TODAY);
    expect(weeks.periods[0]!.note).toBe('活动结束');
    const months = await volume(s.db, { from: '2026-08-01', to: '2026-08-31', granularity: 'month', basis: 'paid' }, TODAY);
    expect(months.periods.map((p) => [p.key, p.orders, p.yearAgo?.orders, p.yearAgoChangePct.orders])).toEqual([['2026-08-01', 5, 1, 400]]);
    await s.close();
  });

  it('by refund time: the refund lands in its own week; before any refund there is no previous period', async () => {
    const s = await shop();
    const r = await volume(s.db, { from: '2026-08-17', to: '2026-08-23', granularity: 'week', basis: 'refund' }, TODAY);
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0]).toMatchObject({ orders: 1, lines: 1, amountFen: 1500, previous: null, changePct: { orders: null } });
    expect([r.dataFrom, r.dataTo]).toEqual(['2026-08-20', '2026-08-20']);
    await s.close();
  });
});

describe('order volume by product, province, influencer', () => {
  it('shares of the orders, top N and the tail, hit flags', async () => {
    const s = await shop();
    const r = await breakdown(s.db, { from: '2026-07-27', to: '2026-08-23', basis: 'paid', dimension: 'product', top: 1 }, DEFAULT_ANALYTICS_SETTINGS);
    expect(r.total.orders).toBe(5);
    // p1: o1, o2, o5 = 3 of 5 orders; the tail p2 (o3, o6) and p3 (o3): orders summed per product.
    expect(r.rows.map((x) => [x.key, x.orders, x.share])).toEqual([['p1', 3, 60]]);
    expect(r.tail).toEqual({ orders: 3, lines: 3, amountFen: 5500, keys: 2, share: 60 });
    const late = await breakdown(s.db, { from: '2026-08-17', to: '2026-08-23', basis: 'paid', dimension: 'product', top: 10 }, DEFAULT_ANALYTICS_SETTINGS);
    // Both came from an empty week with half the orders each: likely hits.
    expect(late.rows.map((x) => [x.key, x.name, x.share, x.previousOrders, x.flag])).toEqual([
      ['p2', '加厚四件套', 50, 0, 'hit'],
      ['p1', '珊瑚绒四件套', 50, 0, 'hit'],
    ]);
    expect(late.rows[0]!.trend).toEqual([0, 1, 0, 0, 0, 0, 0]);
    await s.close();
  });

  it('drop flags with edited thresholds, for products that sold nothing since', async () => {
    const s = await shop();
    const settings = await saveAnalyticsSettings(s.db, { ...DEFAULT_ANALYTICS_SETTINGS, dropMinOrders: 1 }, new Date());
    const r = await breakdown(s.db, { from: '2026-08-10', to: '2026-08-16', basis: 'paid', dimension: 'product', top: 10 }, settings);
    expect(r.rows.map((x) => [x.key, x.orders, x.previousOrders, x.changePct, x.flag])).toEqual([
      ['p1', 0, 1, -100, 'drop'],
      ['p2', 0, 1, -100, 'drop'],
      ['p3', 0, 1, -100, 'drop'],
    ]);
    await s.close();
  });

  it('provinces under one name (广西 = 广西壮族自治区), influencers with 昵称, the product mix', async () => {
    const s = await shop();
    const provinces = await breakdown(s.db, { from: '2026-07-27', to: '2026-08-23', basis: 'paid', dimension: 'province', top: 10 }, DEFAULT_ANALYTICS_SETTINGS);
    // Equal orders: the larger amount first.
    expect(provinces.rows.map((x) => [x.key, x.name, x.orders, x.share])).toEqual([
      ['浙江省', '浙江', 2, 40],
      ['广西壮族自治区', '广西', 2, 40],
      ['广东省', '广东', 1, 20],
    ]);
    const influencers = await breakdown(s.db, { from: '2026-07-27', to: '2026-08-23', basis: 'paid', dimension: 'influencer', top: 10 }, DEFAULT_ANALYTICS_SETTINGS);
    expect(influencers.rows.map((x) => [x.key, x.name, x.orders, x.share])).toEqual([['7001', '穿搭阿杰', 2, 40]]);
    const mix = await productMix(s.db, { from: '2026-07-27', to: '2026-08-23', basis: 'paid' });
    expect(mix.find((m) => m.productId === 'p1')).toMatchObject({ lines: 3, refunded: 1, aftersale: 1, closedBeforeShip: 0, refundedPct: 33.3 });
    await s.close();
  });
});

describe('shopdesk report orders', () => {
  it('adds previous and changePct to time groups, keys influencers by 达人ID with name, switches basis', async () => {
    const s = await shop();
    const report = await ordersReport(s.db, { by: 'week', from: '2026-08-01', to: '2026-08-31' });
    expect(report.groups).toEqual([
      { key: '2026-07-27', orders: 1, lines: 1, amountFen: 1000, previous: { orders: 0, lines: 0, amountFen: 0 }, changePct: { orders: null, lines: null, amountFen: null } },
      { key: '2026-08-03', orders: 2, lines: 3, amountFen: 5000, previous: { orders: 1, lines: 1, amountFen: 1000 }, changePct: { orders: 100, lines: 200, amountFen: 400 } },
      { key: '2026-08-17', orders: 2, lines: 2, amountFen: 4000, previous: { orders: 0, lines: 0, amountFen: 0 }, changePct: { orders: null, lines: null, amountFen: null } },
    ]);
    const month = await ordersReport(s.db, { by: 'month' });
    expect(month.groups.map((g) => [g.key, g.orders, g.previous?.orders ?? null])).toEqual([['2025-08', 1, null], ['2026-08', 5, 0]]);
    await s.close();

    const json = async (...args: string[]) => {
      const r = await cli(s.dataDir, 'report', 'orders', ...args, '--json');
      expect(r).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(r.stdout) as { total: unknown; groups: Record<string, unknown>[] };
    };
    const weeks = await json('--by', 'week', '--from', '2026-08-01', '--to', '2026-08-31');
    expect(Object.keys(weeks)).toEqual(['total', 'groups']);
    expect(weeks.total).toEqual({ orders: 5, lines: 6, amountFen: 10000 });
    expect(Object.keys(weeks.groups[1]!)).toEqual(['key', 'orders', 'lines', 'amountFen', 'previous', 'changePct']);
    expect(weeks.groups[1]).toEqual(report.groups[1]);
    const influencers = await json('--by', 'influencer');
    expect(influencers.groups).toEqual([{ key: '7001', name: '穿搭阿杰', orders: 2, lines: 2, amountFen: 4000 }]);
    const refunds = await json('--by', 'day', '--basis', 'refund');
    expect(refunds.groups).toEqual([{ key: '2026-08-20', orders: 1, lines: 1, amountFen: 1500, previous: null, changePct: { orders: null, lines: null, amountFen: null } }]);
    const provinces = await json('--by', 'province', '--from', '2026-08-01', '--to', '2026-08-31');
    expect(provinces.groups.map((g) => g.key)).toEqual(['广东省', '广西壮族自治区', '浙江省']);
    const bad = await cli(s.dataDir, 'report', 'orders', '--basis', 'shipped');
    expect(bad.code).toBe(2);
  });
});

describe('the refund basis follows the after-sales export, through import and undo', () => {
  it('moves a refunded line to its 商家退款时间 and back', async () => {
    const s = await shop();
    const file = join(s.dataDir, '1791300000_aa.csv');
    const cells: Record<string, string> = { 售后单号: '\t1438000000000000001', 订单号: '\to5', 商品单号: '\ts5', 商品ID: '\tp1', 售后状态: '退款成功', 售后申请时间: '2026-08-18 09:00:00', 商家退款时间: '2026-08-19 10:00:00', 售后类型: '已发货仅退款' };
    writeFileSync(file, `\uFEFF${toCsv([AFTERSALES, AFTERSALES.map((h) => cells[h] ?? '-')])}`);
    const imported = okOutcome(await importInline(s.sqlite, file));
    const refundDays = () => s.sqlite.prepare(`SELECT at_day, lines FROM order_analytics_days WHERE basis = 'refund' AND dimension = 'total'`).all();
    expect(refundDays()).toEqual([{ at_day: '2026-08-19', lines: 1 }]);
    await undoImport(s.db, imported.importId!, new Date('2026-09-01T00:00:00Z'), 'zh-CN');
    expect(refundDays()).toEqual([{ at_day: '2026-08-20', lines: 1 }]);
    await s.close();
  });
});

describe('migration 0011 on a shop imported before it', () => {
  it('fills the summary in from the lines already there', async () => {
    const old = await shop({ before0011: true });
    await old.close();
    const session = await openSession(old.dataDir);
    const { sqlite } = session.require();
    const stored = sqlite.prepare('SELECT basis, dimension, at_day AS atDay, key, day, orders, lines, amount_fen AS amountFen FROM order_analytics_days').all();
    const days = sqlite.prepare(`SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') FROM order_lines`).pluck().all() as string[];
    const expected = days.flatMap((day) => {
      const { text, params } = dayLinesQuery(day);
      return analyticsRows(sqlite.prepare(text).all(...params) as AnalyticsLine[]);
    });
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(stored.length).toBeGreaterThan(0);
    expect(sorted(stored)).toEqual(sorted(expected));
    await session.close();
  });
});
