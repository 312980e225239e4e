/**
 * The orders desk benchmark (`npm run bench:orders`; never part of the test suite, no assertion):
 * generates a realistic layout-A export of N lines (default 1,000,000, seeded), imports it into a
 * data folder through the real engine (kept under tests/.artifacts/bench-orders, reused when it is
 * there), then for every filter, the searches and each sort prints, on a freshly opened core:
 * the first page cold (count of all matches + first 100 orders), the same call warm, and the next
 * page by cursor. Goals (issue 11): every filter's and search's count ≤ 150 ms cold and the first
 * page ≤ 300 ms cold; each case says "met" or "NOT met". A data folder made by an older schema is
 * migrated by the first open, which is timed (the migration's one-time cost at this size).
 *
 *   npm run bench:orders [-- --lines 1000000]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { silentLogger } from '../../src/core/log';
import type { OrderFilter, OrderSort } from '../../src/shared/rpc/domains/orders';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const LINES = Number(args[args.indexOf('--lines') + 1] ?? 0) || 1_000_000;
const WORK = join(ROOT, 'tests/.artifacts/bench-orders', String(LINES));
const AT = '2026-09-01T12:00:00+08:00';
const fixedClock = { now: () => new Date(AT) };
/** Issue 11: every filter's and search's count, and the first page, on a freshly opened core. */
const COUNT_GOAL_MS = 150;
const PAGE_GOAL_MS = 300;

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const dataDir = join(WORK, 'data');
  const file = join(WORK, `1788321600_bench-${LINES}.csv`);
  if (!existsSync(dataPaths(dataDir).dbFile)) {
    let t = performance.now();
    await writeOrdersExport(file, LINES, undefined, undefined, { buyers: 'many' });
    console.log(`generated ${LINES.toLocaleString('en-US')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const core = await createCore({ dataDir, log: silentLogger, clock: fixedClock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    t = performance.now();
    const [outcome] = await core.call('imports.run', { jobId: 'bench-orders', sources: [{ type: 'path', path: file }] });
    console.log(`imported in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(outcome)}`);
    await core.close();
  }
  // An existing folder of an older schema is migrated here, once: the migration's cost at this size.
  const opened = performance.now();
  await (await createCore({ dataDir, log: silentLogger, clock: fixedClock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 })).close();
  console.log(`opened (and migrated if older) in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
  // Purchases as a seller records them: 2,000 orders to buy get a supplier in bulk, 1,000 of them 已下单.
  const probe = new Database(dataPaths(dataDir).dbFile, { readonly: true });
  const purchased = (probe.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'purchases'`).get() as { n: number }).n > 0 && (probe.prepare('SELECT count(*) AS n FROM purchases').get() as { n: number }).n > 0;
  probe.close();
  if (!purchased) {
    const core = await createCore({ dataDir, log: silentLogger, clock: fixedClock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    const page = await core.call('orders.list', { filter: { queue: 'toPurchase' }, limit: 1000, withTotal: false });
    const more = await core.call('orders.list', { filter: { queue: 'toPurchase' }, at: page.at, cursor: page.nextCursor ?? undefined, limit: 1000, withTotal: false });
    const orderIds = [...page.orders, ...more.orders].map((o) => o.mainOrderId);
    const supplier = await core.call('suppliers.create', { name: '义乌榨汁杯厂' });
    for (let i = 0; i < orderIds.length; i += 500) await core.call('purchases.assignSupplier', { orderIds: orderIds.slice(i, i + 500), supplierId: supplier.id });
    for (let i = 0; i < 1000; i += 500) await core.call('purchases.move', { orderIds: orderIds.slice(i, i + 500), to: 'ordered' });
    await core.close();
    console.log(`recorded ${orderIds.length} purchases`);
  }
  const sqlite = new Database(dataPaths(dataDir).dbFile, { readonly: true });
  const supplierId = (sqlite.prepare('SELECT min(id) AS id FROM suppliers').get() as { id: number }).id;
  const sample = sqlite.prepare(`SELECT order_id, product_id, influencer_id FROM order_lines WHERE influencer_id IS NOT NULL LIMIT 1 OFFSET 5000`).get() as { order_id: string; product_id: string; influencer_id: string };
  const lines = (sqlite.prepare('SELECT count(*) AS n FROM order_lines').get() as { n: number }).n;
  sqlite.close();

  const cases: [string, OrderFilter, OrderSort?, ('asc' | 'desc')?][] = [
    ['no filter (ship-by asc)', {}],
    ['no filter, paid time desc', {}, 'paidAt', 'desc'],
    ['no filter, amount desc', {}, 'amount', 'desc'],
    ['status 待发货', { status: '待发货' }],
    ['待采购', { queue: 'toPurchase' }],
    ['ship within 24 h', { queue: 'due24h' }],
    ['overdue', { queue: 'overdue' }],
    ['refund before shipping', { queue: 'refundBeforeShip' }],
    ['after-sales open', { queue: 'afterSalesOpen' }],
    ['精选联盟', { source: 'affiliate' }],
    ['self-sold', { source: 'self' }],
    ['paid in 3 days', { paidFrom: '2026-08-25', paidTo: '2026-08-27' }],
    ['product id', { product: sample.product_id }],
    ['product title part', { product: '保温' }],
    ['province 广东', { province: '广东' }],
    ['influencer', { influencer: sample.influencer_id }],
    ['search order number (TAB)', { search: `\t${sample.order_id}` }],
    ['search title part', { search: '扫地机器人' }],
    ['supplier (2,000 orders)', { supplierId }],
    ['purchase 已下单', { purchaseStatus: 'ordered' }],
    ['purchase 待采购', { purchaseStatus: 'pending' }],
    ['supplier + status 待发货', { supplierId, status: '待发货' }],
  ];
  console.log(`\n${lines.toLocaleString('en-US')} lines; each case on a freshly opened core (ms)`);
  console.log(`${'case'.padEnd(30)} ${'page cold'.padStart(10)} ${'count cold'.padStart(11)} ${'page+count warm'.padStart(16)} ${'next page'.padStart(10)}  ${'goal'.padEnd(7)}  matches`);
  let missed = 0;
  for (const [name, filter, sort = 'shipBy', direction = 'asc'] of cases) {
    const core = await createCore({ dataDir, log: silentLogger, clock: fixedClock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    // As the screen asks: the page first, then the count of every match.
    let t = performance.now();
    const first = await core.call('orders.list', { filter, sort, direction, limit: 100, withTotal: false });
    const cold = performance.now() - t;
    t = performance.now();
    const total = await core.call('orders.count', { filter, at: first.at });
    const count = performance.now() - t;
    t = performance.now();
    await core.call('orders.list', { filter, sort, direction, at: first.at, limit: 100 });
    const warm = performance.now() - t;
    t = performance.now();
    if (first.nextCursor) await core.call('orders.list', { filter, sort, direction, at: first.at, cursor: first.nextCursor, limit: 100 });
    const next = first.nextCursor ? performance.now() - t : 0;
    const met = cold <= PAGE_GOAL_MS && count <= COUNT_GOAL_MS;
    if (!met) missed += 1;
    console.log(`${name.padEnd(30)} ${cold.toFixed(0).padStart(10)} ${count.toFixed(0).padStart(11)} ${warm.toFixed(0).padStart(16)} ${next.toFixed(0).padStart(10)}  ${(met ? 'met' : 'NOT met').padEnd(7)}  ${total.orders} orders / ${total.lines} lines`);
    await core.close();
  }
  console.log(`\ngoals (count ≤ ${COUNT_GOAL_MS} ms, first page ≤ ${PAGE_GOAL_MS} ms, both cold): ${cases.length - missed} of ${cases.length} cases met`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
