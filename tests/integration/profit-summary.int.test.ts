import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { migrations } from '../../src/core/db/migrations/index';
import { loadSpotShare } from '../../src/core/health/spot-share';
import { silentLogger } from '../../src/core/log';
import { loadWatchedDays } from '../../src/core/orders/decline-watch';
import { loadDailyOrders } from '../../src/core/orders/order-queries';
import { profitLines } from '../../src/core/purchases/product-profit';
import { profitViewsFromSums } from '../../src/core/purchases/profit-sums';
import { groupByDay, groupByProduct } from '../../src/core/purchases/profit-view';
import type { PurchaseExecutor } from '../../src/core/purchases/purchase-schema';
import { rebuildStatements } from '../../src/core/reports/order-report-days';
import { rebuildDaySummaries } from '../../src/core/reports/day-summaries';
import { FUNDS_39, LAYOUT_A, cellsFor, fundsRows, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { writeAftersalesExport } from '../helpers/aftersales-exports';
import { ManualClock, openSession } from '../helpers/data-folder';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The 利润 view's summary (order_profit_days) and migration 0016's report dimensions, held to a
 * recount from the lines after every import, re-import, undo and restore; and the figures the view
 * answers from them held to the per-line implementation (profitLines + groupByDay/groupByProduct, as
 * the view computed them before the summary) on a generated shop with purchases, a cost stack,
 * funds flows, after-sales refunds and supplier refunds.
 */
const tempDir = useTempDirs();
const AT = '2026-09-05T04:00:00.000Z';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

// 30 days of a generated shop, with the platform's and influencer's discount shares on some lines.
const LINES: OrderLine[] = take(orderLines({ seed: 41, days: 30 }), 420).map((l, i) => ({
  ...l,
  platformBorneFen: i % 7 === 0 ? 300 : 0,
  influencerBorneFen: i % 11 === 0 ? 200 : 0,
}));

function writeOrders(dir: string, name: string, lines: readonly OrderLine[]): string {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${toCsv([LAYOUT_A, ...lines.map((l) => cellsFor(LAYOUT_A, orderCells(l)))])}`);
  return path;
}

/**
 * The re-import: some orders closed, some moved to another day, some repriced, and new lines. Whole
 * orders change together: all lines of a parent order share 订单提交时间 and 支付完成时间, which the
 * summaries' order counts rely on (reports/README.md).
 */
function changed(lines: readonly OrderLine[]): OrderLine[] {
  const touched = new Set(lines.slice(0, 60).map((l) => l.orderId));
  return lines.filter((l) => touched.has(l.orderId)).map((l) => {
    const kind = Number(l.orderId.slice(-2)) % 3;
    if (kind === 0) return { ...l, status: '已关闭', aftersaleStatus: '退款成功' };
    if (kind === 1) return { ...l, submittedAt: '2026-08-03 10:00:00', paidAt: '2026-08-03 10:00:12', status: '已完成', completedAt: '2026-08-12 10:00:00' };
    return { ...l, payableFen: l.payableFen + 500, status: '已完成', completedAt: '2026-09-01 10:00:00' };
  });
}

const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The maintained summaries, and the same recomputed from scratch over every day (then rolled back). */
function summariesAndRecount(dbFile: string): { kept: unknown[]; recount: unknown[] } {
  const sqlite = new Database(dbFile);
  try {
    const read = () => [
      ...sqlite.prepare('SELECT * FROM order_profit_days').all(),
      ...sqlite.prepare('SELECT * FROM order_report_days').all(),
    ];
    const kept = read();
    const days = sqlite.prepare(`SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') FROM order_lines`).pluck().all() as string[];
    sqlite.exec('BEGIN');
    sqlite.exec('DELETE FROM order_profit_days; DELETE FROM order_report_days');
    rebuildDaySummaries(sqlite, { profit: days });
    // The report summary through its SQL twin (the undo's path), the profit summary through the writer's.
    for (const { text, params } of rebuildStatements(days)) sqlite.prepare(text).run(params);
    const recount = read();
    sqlite.exec('ROLLBACK');
    return { kept: sorted(kept), recount: sorted(recount) };
  } finally {
    sqlite.close();
  }
}

/** Both views from the summary and from the per-line implementation, over several ranges. */
async function compareViews(dataDir: string): Promise<number> {
  const session = await openSession(dataDir);
  const db = session.require().db as unknown as PurchaseExecutor;
  let lines = 0;
  try {
    for (const range of [
      { from: '2026-08-01', to: '2026-08-31' },
      { from: '2026-08-25', to: '2026-08-31' },
      { from: '2026-08-03', to: '2026-08-03' },
      { from: '2026-07-01', to: '2026-07-05' },
    ]) {
      const reference = await profitLines(db, range.from, range.to);
      lines += reference.lines.length;
      const fromSums = await profitViewsFromSums(db, range);
      expect(fromSums.byDay).toEqual(groupByDay(range, reference));
      expect(fromSums.byProduct).toEqual(groupByProduct(range, reference));
    }
  } finally {
    await session.close();
  }
  return lines;
}

/** What the seller enters by hand: a cost stack for some products, purchases, supplier refunds. */
function enterByHand(dbFile: string): void {
  const sqlite = new Database(dbFile);
  try {
    const product = sqlite.prepare(`INSERT INTO products (title, stage, cost_fen, supplier_freight_fen, commission_bp, platform_fee_bp, douyin_product_id, merchant_code, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, '${AT}', '${AT}')`);
    const ids = [...new Set(LINES.map((l) => l.productId))];
    const codes = [...new Set(LINES.map((l) => l.skuCode))];
    product.run('by ID', 'selling', 1234, 100, 2000, 500, ids[0], '');
    product.run('by ID, odd rates', 'selling', 777, 0, 1333, 333, ids[1], '');
    product.run('abandoned: ignored', 'abandoned', 1, 1, 1, 1, ids[2], '');
    product.run('by 商家编码', 'listed', 2500, 300, 1500, 600, '', codes[3]);
    product.run('gift by ID', 'selling', 50, 0, 0, 250, '3716630085112940217', '');
    const purchase = sqlite.prepare(`INSERT INTO purchases (order_id, amount_fen, status, created_at, updated_at) VALUES (?, ?, ?, '${AT}', '${AT}') RETURNING id`);
    const link = sqlite.prepare('INSERT INTO purchase_lines (sub_order_id, purchase_id) VALUES (?, ?)');
    const orders = new Map<string, OrderLine[]>();
    for (const l of LINES) orders.set(l.orderId, [...(orders.get(l.orderId) ?? []), l]);
    let n = 0;
    for (const [orderId, lines] of orders) {
      n += 1;
      if (n % 4 !== 0) continue;
      // Every fourth order bought: a few cancelled, a few without an amount yet, odd amounts so the split has remainders.
      const status = n % 40 === 0 ? 'cancelled' : 'paid';
      const amount = n % 28 === 0 ? null : 1001 + n * 7;
      const id = purchase.pluck().get(orderId, amount, status) as number;
      for (const l of lines) link.run(l.subOrderId, id);
    }
    const refund = sqlite.prepare(`INSERT INTO aftersale_cases (sub_order_id, order_id, supplier_refunded, supplier_refund_fen, created_at, updated_at) VALUES (?, ?, ?, ?, '${AT}', '${AT}')`);
    for (const l of LINES.filter((_, i) => i % 37 === 5)) refund.run(l.subOrderId, l.orderId, 1, 880);
    refund.run(LINES[5]!.subOrderId, LINES[5]!.orderId, 1, 120);
    refund.run(LINES[9]!.subOrderId, LINES[9]!.orderId, 0, 999);
  } finally {
    sqlite.close();
  }
}

describe('the profit summary through import, re-import, undo and restore', () => {
  it('equals a recount from the lines at every step, and the view equals the per-line figures', async () => {
    const dataDir = tempDir();
    const files = join(dataDir, '..', 'files');
    mkdirSync(files, { recursive: true });
    const { dbFile } = dataPaths(dataDir);
    core = await createCore({ dataDir, log: silentLogger, clock: new ManualClock(AT), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    const run = async (path: string) => {
      const [outcome] = await core!.call('imports.run', { jobId: `job-${Math.random().toString(36).slice(2)}`, sources: [{ type: 'path', path }] });
      if (!outcome || !('importId' in outcome) || typeof outcome.importId !== 'number') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
      return outcome.importId;
    };
    const check = () => {
      const { kept, recount } = summariesAndRecount(dbFile);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(recount);
    };

    await run(writeOrders(files, '1788321600_orders-a.csv', LINES.slice(0, 300)));
    check();
    const reimport = await run(writeOrders(files, '1788408000_orders-b.csv', [...changed(LINES), ...LINES.slice(300).filter((l) => !changed(LINES).some((c) => c.subOrderId === l.subOrderId))]));
    check();
    const fundsPath = join(files, '1788494400_funds.csv');
    writeFileSync(fundsPath, `\uFEFF${toCsv([FUNDS_39, ...fundsRows(LINES.slice(100, 260), FUNDS_39, 5)])}`);
    const funds = await run(fundsPath);
    check();
    const refunded = LINES.filter((_, i) => i % 9 === 2).slice(0, 25);
    const aftersales = await run(
      writeAftersalesExport(files, '1788580800_aftersales.csv', refunded.map((l, i) => ({
        售后单号: `14380000000000${String(10000 + i)}`, 订单号: l.orderId, 商品单号: l.subOrderId, 商品ID: l.productId, 售后类型: '已发货仅退款',
        售后状态: i % 4 === 3 ? '售后关闭' : '退款成功', '退商品金额(元)': (l.payableFen / 200).toFixed(2), '退支付优惠(元)': i % 2 === 0 ? '1.00' : '0.00',
        售后申请时间: '2026-09-01 09:00:00', 商家退款时间: '2026-09-02 10:00:00',
      }))),
    );
    check();
    await core.close();
    core = null;
    enterByHand(dbFile);
    expect(await compareViews(dataDir)).toBeGreaterThan(300);

    core = await createCore({ dataDir, log: silentLogger, clock: new ManualClock(AT), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    const backup = await core.call('backups.create', {});
    const before = await core.call('reports.profitByProduct', { from: '2026-08-01', to: '2026-08-31' });
    for (const importId of [aftersales, funds, reimport]) {
      expect(await core.call('imports.undo', { importId, locale: 'en-US' })).toMatchObject({ undone: true });
      check();
    }
    // The view follows the undo (the summary moved and the data version with it).
    expect(await core.call('reports.profitByProduct', { from: '2026-08-01', to: '2026-08-31' })).not.toEqual(before);
    await core.close();
    core = null;
    await compareViews(dataDir);

    core = await createCore({ dataDir, log: silentLogger, clock: new ManualClock(AT), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    await core.call('backups.restore', { id: backup.id });
    check();
    expect(await core.call('reports.profitByProduct', { from: '2026-08-01', to: '2026-08-31' })).toEqual(before);
    await core.close();
    core = null;
    await compareViews(dataDir);
  });
});

describe('migration 0016 on a shop imported before it', () => {
  const m0016 = migrations.find((m) => m.name === '0016-profit-and-watch-days')!;

  it('fills the profit summary and the new report dimensions in as the imports would have kept them', async () => {
    // A shop kept by imports at the latest version…
    const kept = tempDir();
    const files = join(kept, '..', 'files');
    mkdirSync(files, { recursive: true });
    core = await createCore({ dataDir: kept, log: silentLogger, clock: new ManualClock(AT), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    await core.call('imports.run', { jobId: 'orders-before-0016', sources: [{ type: 'path', path: writeOrders(files, '1788321600_orders.csv', LINES) }] });
    const fundsPath = join(files, '1788494400_funds.csv');
    writeFileSync(fundsPath, `\uFEFF${toCsv([FUNDS_39, ...fundsRows(LINES.slice(0, 200), FUNDS_39, 9)])}`);
    await core.call('imports.run', { jobId: 'funds-before-0016', sources: [{ type: 'path', path: fundsPath }] });
    await core.close();
    core = null;

    // …and the same data in a shop at the version before 0016.
    const old = tempDir();
    const session = await openSession(old, { migrations: migrations.filter((m) => m.version < m0016.version) });
    const { sqlite } = session.require();
    expect(sqlite.pragma('user_version', { simple: true })).toBe(m0016.version - 1);
    sqlite.exec(`ATTACH '${dataPaths(kept).dbFile}' AS src`);
    for (const table of ['imports', 'order_lines', 'funds_flows', 'aftersales', 'order_analytics_days']) {
      // Stored columns only (table_info leaves out generated ones such as ship_by_key).
      const columns = (sqlite.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name).join(', ');
      sqlite.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM src.${table}`);
    }
    sqlite.exec(`INSERT INTO order_report_days SELECT * FROM src.order_report_days WHERE dimension IN ('day', 'product', 'province', 'status', 'source')`);
    sqlite.exec('DETACH src');
    await session.close();

    const migrated = await openSession(old);
    const read = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return [...sorted(db.prepare('SELECT * FROM order_profit_days').all()), ...sorted(db.prepare('SELECT * FROM order_report_days').all())];
      } finally {
        db.close();
      }
    };
    await migrated.close();
    const expected = read(dataPaths(kept).dbFile);
    expect(expected.some((r) => r.includes('"watched"'))).toBe(true);
    expect(read(dataPaths(old).dbFile)).toEqual(expected);
  });
});

describe('the decline series and the spot share from the summary', () => {
  it('equal the line reads they replaced, on a generated shop', async () => {
    const dataDir = tempDir();
    const files = join(dataDir, '..', 'files');
    mkdirSync(files, { recursive: true });
    core = await createCore({ dataDir, log: silentLogger, clock: new ManualClock(AT), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    // Some orders not paid yet (待支付): in neither figure; 已关闭 ones stay in the series (they were paid).
    const lines = LINES.map((l) => (Number(l.orderId.slice(-2)) % 10 === 0 ? { ...l, status: '待支付', shippedAt: null, completedAt: null } : l));
    await core.call('imports.run', { jobId: 'decline-and-spot', sources: [{ type: 'path', path: writeOrders(files, '1788321600_orders.csv', lines) }] });
    await core.close();
    core = null;
    const session = await openSession(dataDir);
    const db = session.require().db;
    try {
      expect(await loadWatchedDays(db, '2026-07-25', '2026-09-01')).toEqual(await loadDailyOrders(db, '2026-07-25', '2026-09-01'));
      // The spot share's query before the summary (health/spot-share.ts as first written).
      const { rows } = await sql<{ orders: number; later: number }>`
        SELECT count(DISTINCT order_id) AS orders,
          count(DISTINCT CASE WHEN (julianday(promised_ship_at) - julianday(paid_at)) * 24 > 48 THEN order_id END) AS later
        FROM order_lines
        WHERE submitted_at >= '2026-07-03 00:00:00' AND submitted_at < '2026-09-01 00:00:00'
          AND julianday(promised_ship_at) IS NOT NULL AND julianday(paid_at) IS NOT NULL AND (status IS NULL OR status <> '待支付')`.execute(db);
      const spot = await loadSpotShare(db as never, new Date('2026-09-01T12:00:00+08:00'));
      expect(spot.orders).toBeGreaterThan(0);
      expect([spot.from, spot.to, spot.orders, spot.spotOrders]).toEqual(['2026-07-03', '2026-08-31', Number(rows[0]!.orders), Number(rows[0]!.orders) - Number(rows[0]!.later)]);
    } finally {
      await session.close();
    }
  });
});
