import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { migrations } from '../../src/core/db/migrations/index';
import { silentLogger } from '../../src/core/log';
import { AdjustableClock } from '../../src/shared/clock';
import { currentAftersaleStatus, classifyAftersale, type AftersaleRequest } from '../../src/shared/domain/order-line-state';
import type { OrderFilter } from '../../src/shared/rpc/domains/orders';
import { AFTERSALES, LAYOUT_A, cellsFor, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The orders desk's kept summaries (migration 0014, src/core/orders/desk-summaries.ts) against a
 * recount after every import, a newer re-export, each undo and a restore; and the desk's after-sales
 * state as Today's. DOUYIN_EXPORTS.md §5: "One sub-order can have several after-sales records;
 * public importer code keeps the latest by 售后申请时间." — so a line whose after-sales export is
 * newer than its order row stands where its latest request says, on the desk as on Today.
 */
const tempDir = useTempDirs();
const AT = '2026-09-01T12:00:00+08:00';
const generated = take(orderLines({ seed: 1411, days: 10 }), 260);

// Four lines whose after-sales export says more than their order row (unshipped unless said).
const base = generated[0]!;
let n = 0;
const own = (over: Partial<OrderLine>): OrderLine => {
  n += 1;
  const id = (6938412705519899000n + BigInt(n * 10)).toString();
  return { ...base, orderId: id, subOrderId: id, status: '待发货', shippedAt: null, completedAt: null, cancelReason: null, aftersaleStatus: null, promisedAt: '2026-09-02 10:00:00', ...over };
};
const SPECIAL = {
  // The order row says nothing; the after-sales export (newer) has an open request: a refund asked before shipping.
  newerOpen: own({}),
  // The row still says 售后待处理; the latest request was closed with the money kept: to ship again.
  rowStale: own({ aftersaleStatus: '售后待处理' }),
  // Shipped, the row says nothing, a return is under way: after-sales open.
  shippedOpen: own({ status: '已发货', shippedAt: '2026-08-30 10:00:00' }),
  // Refunded by the after-sales export only.
  refunded: own({}),
};
const REQUESTS: [OrderLine, string, string][] = [
  [SPECIAL.newerOpen, '售后待处理', '2026-08-31 09:00:00'],
  [SPECIAL.rowStale, '售后待处理', '2026-08-30 09:00:00'],
  [SPECIAL.rowStale, '售后关闭', '2026-08-31 09:00:00'],
  [SPECIAL.shippedOpen, '待退货', '2026-08-31 10:00:00'],
  [SPECIAL.refunded, '退款成功', '2026-08-31 11:00:00'],
];
// Generated lines with requests too: some ties on 售后申请时间 (the later row wins), some on lines only the second order export brings.
const STATES = ['售后待处理', '退款成功', '售后关闭', '待收退货', '换货成功', '退款中'];
for (let i = 0; i < 60; i += 1) {
  const l = generated[i * 4 + 3]!;
  REQUESTS.push([l, STATES[i % STATES.length]!, `2026-08-3${i % 2} 0${i % 10}:00:00`]);
  if (i % 5 === 0) REQUESTS.push([l, STATES[(i + 1) % STATES.length]!, `2026-08-3${i % 2} 0${i % 10}:00:00`]);
}

const first = [...generated.slice(0, 200), ...Object.values(SPECIAL)];
// A newer re-export: lines 100..259 (the last 60 new), some shipped since, one request state changed on the row.
const second = generated.slice(100, 260).map((l, i) =>
  i % 7 === 0 && l.status === '待发货' ? { ...l, status: '已发货', shippedAt: '2026-08-31 20:00:00' } : i % 11 === 0 ? { ...l, aftersaleStatus: '售后待处理' } : l,
);

function orderFile(name: string, lines: readonly OrderLine[]): string {
  const file = join(tempDir(), name);
  writeFileSync(file, toCsv([LAYOUT_A, ...lines.map((l) => cellsFor(LAYOUT_A, orderCells(l)))]));
  return file;
}

function aftersalesFile(name: string): string {
  const file = join(tempDir(), name);
  const rows = REQUESTS.map(([l, status, at], i) => {
    const cells: Record<string, string> = { 售后单号: `\t${1438000000000000000n + BigInt(i)}`, 订单号: `\t${l.orderId}`, 商品单号: `\t${l.subOrderId}`, 商品ID: `\t${l.productId}`, 售后状态: status, 售后申请时间: at, 售后类型: '未发货仅退款' };
    return AFTERSALES.map((h) => cells[h] ?? '-');
  });
  writeFileSync(file, `\uFEFF${toCsv([AFTERSALES, ...rows])}`);
  return file;
}

let jobs = 0;
async function run(core: Core, path: string) {
  const [outcome] = await core.call('imports.run', { jobId: `desk-job-${(jobs += 1)}`, sources: [{ type: 'path', path }] });
  expect(outcome).toMatchObject({ refused: false });
  return (outcome as { importId: number }).importId;
}

type Stored = { lines: { sub_order_id: string; order_id: string; aftersale_status: string | null; aftersale_latest: string | null }[]; requests: Map<string, AftersaleRequest[]> };

function stored(dataDir: string): Stored & { totals: unknown; recount: unknown } {
  const sqlite = new Database(dataPaths(dataDir).dbFile, { readonly: true });
  try {
    const lines = sqlite.prepare('SELECT sub_order_id, order_id, aftersale_status, aftersale_latest FROM order_lines').all() as Stored['lines'];
    const requests = new Map<string, AftersaleRequest[]>();
    for (const r of sqlite.prepare('SELECT sub_order_id, status, applied_at FROM aftersales ORDER BY rowid').all() as { sub_order_id: string; status: string | null; applied_at: string | null }[]) {
      requests.set(r.sub_order_id, [...(requests.get(r.sub_order_id) ?? []), { status: r.status, appliedAt: r.applied_at }]);
    }
    return {
      lines,
      requests,
      totals: sqlite.prepare('SELECT lines, orders FROM order_desk_totals').get(),
      recount: sqlite.prepare('SELECT count(*) AS lines, count(DISTINCT order_id) AS orders FROM order_lines').get(),
    };
  } finally {
    sqlite.close();
  }
}

/** Every kept value equals a recount from the lines and the after-sales rows, and the desk's queues equal Today's. */
async function expectExact(core: Core, dataDir: string, label: string): Promise<void> {
  const s = stored(dataDir);
  expect(s.totals, label).toEqual(s.recount);
  expect(await core.call('orders.count', { filter: {} }), label).toEqual(s.recount);
  // The latest request per line, by currentAftersaleStatus itself (null: no request).
  for (const l of s.lines) expect(l.aftersale_latest, `${label} ${l.sub_order_id}`).toBe(s.requests.has(l.sub_order_id) ? currentAftersaleStatus(null, s.requests.get(l.sub_order_id)) : null);
  const { queues } = await core.call('routine.today', {});
  const count = (filter: OrderFilter) => core.call('orders.count', { filter, at: new Date(AT).toISOString() });
  expect(await count({ queue: 'toPurchase' }), label).toEqual(queues.toPurchase);
  expect(await count({ queue: 'refundBeforeShip' }), label).toEqual(queues.refundBeforeShip);
  expect(await count({ queue: 'due24h' }), label).toEqual(queues.shipWithin24h);
  expect(await count({ queue: 'overdue' }), label).toEqual(queues.shipOverdue);
  // Today also counts open requests whose line is not imported (yet); the desk lists imported lines.
  const imported = new Set(s.lines.map((l) => l.sub_order_id));
  const openWithoutLine = [...s.requests].filter(([sub, list]) => !imported.has(sub) && classifyAftersale(currentAftersaleStatus(null, list)) === 'open').length;
  expect((await count({ queue: 'afterSalesOpen' })).lines + openWithoutLine, label).toBe(queues.afterSalesOpen);
}

async function openCore(dataDir: string): Promise<Core> {
  const clock = new AdjustableClock();
  clock.set(new Date(AT));
  return createCore({ dataDir, log: silentLogger, clock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
}

describe('the orders desk’s kept summaries', () => {
  it('equal a recount after imports, a newer re-export, each undo and a restore', async () => {
    const dataDir = tempDir();
    const core = await openCore(dataDir);
    await run(core, orderFile('1788100000_first.csv', first));
    await expectExact(core, dataDir, 'first orders');
    const aftersalesImport = await run(core, aftersalesFile('1788150000_aftersales.csv'));
    await expectExact(core, dataDir, 'after-sales');
    const secondImport = await run(core, orderFile('1788200000_second.csv', second));
    await expectExact(core, dataDir, 'second orders');
    const afterSecond = stored(dataDir);
    expect(afterSecond.lines.filter((l) => l.aftersale_latest !== null).length).toBeGreaterThan(40);
    const backup = await core.call('backups.create', {});

    await core.call('imports.undo', { importId: secondImport });
    await expectExact(core, dataDir, 'second undone');
    await core.call('imports.undo', { importId: aftersalesImport });
    await expectExact(core, dataDir, 'after-sales undone');
    expect(stored(dataDir).lines.every((l) => l.aftersale_latest === null)).toBe(true);

    await core.call('backups.restore', { id: backup.id });
    await expectExact(core, dataDir, 'restored');
    expect(stored(dataDir).lines).toEqual(afterSecond.lines);
    await core.close();
  });

  it('a line whose after-sales export is newer than its order row is where its latest request says, on the desk as on Today', async () => {
    const dataDir = tempDir();
    const core = await openCore(dataDir);
    await run(core, orderFile('1788100000_first.csv', first));
    const at = new Date(AT).toISOString();
    const orderIds = async (filter: OrderFilter) => (await core.call('orders.list', { filter, at, limit: 1000, withTotal: false })).orders.map((o) => o.mainOrderId);
    // Before the after-sales export: the rows' own states.
    expect(await orderIds({ queue: 'refundBeforeShip' })).toContain(SPECIAL.rowStale.orderId);
    expect(await orderIds({ queue: 'toPurchase' })).toContain(SPECIAL.newerOpen.orderId);

    await run(core, aftersalesFile('1788150000_aftersales.csv'));
    const refund = await orderIds({ queue: 'refundBeforeShip' });
    const toBuy = await orderIds({ queue: 'toPurchase' });
    const open = await orderIds({ queue: 'afterSalesOpen' });
    const pending = await orderIds({ purchaseStatus: 'pending' });
    expect(refund).toEqual(expect.arrayContaining([SPECIAL.newerOpen.orderId, SPECIAL.refunded.orderId]));
    expect(refund).not.toContain(SPECIAL.rowStale.orderId);
    expect(toBuy).toContain(SPECIAL.rowStale.orderId);
    expect(toBuy).not.toContain(SPECIAL.newerOpen.orderId);
    expect(pending).toContain(SPECIAL.rowStale.orderId);
    expect(pending).not.toContain(SPECIAL.newerOpen.orderId);
    expect(open).toEqual(expect.arrayContaining([SPECIAL.newerOpen.orderId, SPECIAL.shippedOpen.orderId]));
    expect(open).not.toContain(SPECIAL.rowStale.orderId);
    expect(open).not.toContain(SPECIAL.refunded.orderId);
    // The listed line and the drawer carry the current 售后状态; the drawer's stored columns the row's own.
    const page = await core.call('orders.list', { filter: { search: SPECIAL.rowStale.orderId }, at, withTotal: false });
    expect(page.orders[0]?.lines[0]?.aftersaleStatus).toBe('售后关闭');
    expect(page.orders[0]?.purchaseStatus).toBe('pending');
    const drawer = await core.call('orders.get', { orderId: SPECIAL.newerOpen.orderId });
    expect(drawer.lines[0]).toMatchObject({ aftersaleStatus: '售后待处理', columns: { aftersale_status: null } });
    await expectExact(core, dataDir, 'latest requests');
    await core.close();
  });
});

describe('migration 0014 on a shop at version 13', () => {
  it('fills the latest requests and the totals in from the rows already there', async () => {
    const dataDir = tempDir();
    const old = await openSession(dataDir, { migrations: migrations.filter((m) => m.version < 14) });
    const { sqlite } = old.require();
    expect(sqlite.pragma('user_version', { simple: true })).toBe(13);
    const importId = sqlite
      .prepare(`INSERT INTO imports (file_name, sha256, kind, layout, encoding, imported_at) VALUES ('seed.csv', 'seed', 'orders', 'orders-layout-a', 'utf-8', '2026-09-01T00:00:00.000Z') RETURNING id`)
      .pluck()
      .get() as number;
    const line = sqlite.prepare(`INSERT INTO order_lines (sub_order_id, order_id, status, aftersale_status, extra_json, first_import_id, last_import_id) VALUES (?, ?, '待发货', ?, '{}', ?, ?)`);
    const request = sqlite.prepare(`INSERT INTO aftersales (aftersale_id, sub_order_id, order_id, status, applied_at, extra_json, first_import_id, last_import_id) VALUES (?, ?, ?, ?, ?, '{}', ?, ?)`);
    line.run('s1', 'o1', null, importId, importId);
    line.run('s2', 'o1', '售后待处理', importId, importId);
    line.run('s3', 'o3', null, importId, importId);
    request.run('a1', 's1', 'o1', '售后待处理', '2026-08-30 09:00:00', importId, importId);
    request.run('a2', 's1', 'o1', '售后关闭', '2026-08-31 09:00:00', importId, importId);
    request.run('a3', 's2', 'o1', '退款成功', '2026-08-31 09:00:00', importId, importId);
    // Equal times: the later row.
    request.run('a4', 's3', 'o3', '待退货', '2026-08-31 09:00:00', importId, importId);
    request.run('a5', 's3', 'o3', '退款中', '2026-08-31 09:00:00', importId, importId);
    await old.close();

    const core = await openCore(dataDir);
    const s = stored(dataDir);
    expect(Object.fromEntries(s.lines.map((l) => [l.sub_order_id, l.aftersale_latest]))).toEqual({ s1: '售后关闭', s2: '退款成功', s3: '退款中' });
    expect(s.totals).toEqual({ lines: 3, orders: 2 });
    expect(await core.call('orders.count', { filter: {} })).toEqual({ lines: 3, orders: 2 });
    expect(await core.call('orders.count', { filter: { queue: 'refundBeforeShip' } })).toEqual({ lines: 2, orders: 2 });
    expect(await core.call('orders.count', { filter: { queue: 'toPurchase' } })).toEqual({ lines: 1, orders: 1 });
    await core.close();
  });
});
