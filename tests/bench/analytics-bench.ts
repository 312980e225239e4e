/**
 * The 看数据 benchmark (`npm run bench:analytics`; never part of the test suite, no assertion):
 * a realistic layout-A export of N lines (default 1,000,000, seeded; at this size about 11 months) imported through the
 * real engine into tests/.artifacts/bench-orders (the data folder `bench:orders` and `bench:decline` share; reused
 * when there), then every dashboard query — volume, breakdowns, mix, the orders report, the decline watch,
 * the shop-health list and the 利润 view — on a freshly opened core (cold) and again (warm), each marked
 * "met" or "NOT met" against issue 12's goal: ≤ 100 ms at 1M lines, cold and warm.
 *
 *   npm run bench:analytics [-- --lines 1000000]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { silentLogger } from '../../src/core/log';
import type { Method, ParamsOf } from '../../src/shared/rpc/contract';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const LINES = Number(args[args.indexOf('--lines') + 1] ?? 0) || 1_000_000;
const WORK = join(ROOT, 'tests/.artifacts/bench-orders', String(LINES));
const GOAL_MS = 100;
const verdict = (...ms: number[]) => (ms.every((m) => m <= GOAL_MS) ? 'met' : 'NOT met');
const fixedClock = { now: () => new Date('2026-09-01T12:00:00+08:00') };
const open = () => createCore({ dataDir: join(WORK, 'data'), log: silentLogger, clock: fixedClock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });

type Case = { [M in Method]: [string, M, ParamsOf<M>] }[Method];

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const dataDir = join(WORK, 'data');
  if (!existsSync(dataPaths(dataDir).dbFile)) {
    const file = join(WORK, `1788321600_bench-${LINES}.csv`);
    let t = performance.now();
    await writeOrdersExport(file, LINES, undefined, undefined, { buyers: 'many' });
    console.log(`generated ${LINES.toLocaleString('en-US')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const core = await open();
    t = performance.now();
    const [outcome] = await core.call('imports.run', { jobId: 'bench-analytics', sources: [{ type: 'path', path: file }] });
    console.log(`imported (both summaries included) in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(outcome)}`);
    await core.close();
  }
  const sqlite = new Database(dataPaths(dataDir).dbFile, { readonly: true });
  const lines = sqlite.prepare('SELECT count(*) FROM order_lines').pluck().get() as number;
  const rows = sqlite.prepare('SELECT count(*) FROM order_analytics_days').pluck().get() as number;
  const span = sqlite.prepare(`SELECT min(substr(paid_at, 1, 10)) AS first, max(substr(paid_at, 1, 10)) AS last FROM order_lines`).get() as { first: string; last: string };
  sqlite.close();
  const all = { from: span.first, to: span.last };
  const month = { from: '2026-08-01', to: '2026-08-31' };
  const cases: Case[] = [
    ['volume by day, whole span', 'analytics.volume', { ...all, granularity: 'day' }],
    ['volume by week, whole span', 'analytics.volume', { ...all, granularity: 'week' }],
    ['volume by month, whole span', 'analytics.volume', { ...all, granularity: 'month' }],
    ['volume by day, refund, whole span', 'analytics.volume', { ...all, granularity: 'day', basis: 'refund' }],
    ['products top 10, whole span', 'analytics.breakdown', { ...all, dimension: 'product', top: 10 }],
    ['products top 10, August', 'analytics.breakdown', { ...month, dimension: 'product', top: 10 }],
    ['provinces, whole span', 'analytics.breakdown', { ...all, dimension: 'province', top: 40 }],
    ['sources, whole span', 'analytics.breakdown', { ...all, dimension: 'source', top: 8 }],
    ['流量体裁, whole span', 'analytics.breakdown', { ...all, dimension: 'trafficFormat', top: 8 }],
    ['influencers, whole span', 'analytics.breakdown', { ...all, dimension: 'influencer', top: 10 }],
    ['product mix, whole span', 'analytics.productMix', all],
    ['report orders --by week', 'reports.orders', { by: 'week' }],
    ['report orders --by influencer', 'reports.orders', { by: 'influencer' }],
    ['report orders --by province', 'reports.orders', { by: 'province' }],
    ['report decline', 'reports.decline', {}],
    ['health list (60-day spot share)', 'health.list', {}],
    ['profit by day, 7 days', 'reports.profitByDay', { from: '2026-08-25', to: '2026-08-31' }],
    ['profit by day, 30 days', 'reports.profitByDay', { from: '2026-08-02', to: '2026-08-31' }],
    ['profit by product, 30 days', 'reports.profitByProduct', { from: '2026-08-02', to: '2026-08-31' }],
    ['profit by day, whole span', 'reports.profitByDay', all],
    ['profit CSV by product, 30 days', 'reports.profitCsv', { from: '2026-08-02', to: '2026-08-31', by: 'product' }],
    ['repeat buyers, 30 days', 'analytics.repeatBuyers', { from: '2026-08-02', to: '2026-08-31', top: 10 }],
    ['repeat buyers, 92 days', 'analytics.repeatBuyers', { from: '2026-06-01', to: '2026-08-31', top: 10 }],
  ];
  console.log(`\n${lines.toLocaleString('en-US')} lines, ${rows.toLocaleString('en-US')} summary rows, paid ${span.first} … ${span.last}; ms`);
  console.log(`${'query'.padEnd(32)} ${'cold'.padStart(8)} ${'warm'.padStart(8)}  goal ≤ ${GOAL_MS} ms`);
  for (const [name, method, params] of cases) {
    const core = await open();
    let t = performance.now();
    await core.call(method, params as never);
    const cold = performance.now() - t;
    t = performance.now();
    await core.call(method, params as never);
    const warm = performance.now() - t;
    await core.close();
    console.log(`${name.padEnd(32)} ${cold.toFixed(1).padStart(8)} ${warm.toFixed(1).padStart(8)}  ${verdict(cold, warm)}`);
  }
  // The whole screen's first load: every query it sends at once.
  const core = await open();
  const t = performance.now();
  await Promise.all([
    core.call('analytics.volume', { from: '2026-08-03', to: '2026-09-01', granularity: 'day' }),
    core.call('analytics.breakdown', { from: '2026-08-03', to: '2026-09-01', dimension: 'product', top: 10 }),
    core.call('analytics.breakdown', { from: '2026-08-03', to: '2026-09-01', dimension: 'province', top: 40 }),
    core.call('analytics.breakdown', { from: '2026-08-03', to: '2026-09-01', dimension: 'source', top: 8 }),
    core.call('analytics.breakdown', { from: '2026-08-03', to: '2026-09-01', dimension: 'influencer', top: 10 }),
    core.call('analytics.productMix', { from: '2026-08-03', to: '2026-09-01' }),
    core.call('analytics.repeatBuyers', { from: '2026-08-03', to: '2026-09-01', top: 10 }),
    core.call('reports.decline', {}),
    core.call('health.list', {}),
  ]);
  const first = performance.now() - t;
  console.log(`${'screen first load (9 at once)'.padEnd(32)} ${first.toFixed(1).padStart(8)} ${''.padStart(8)}  ${verdict(first)}`);
  await core.close();
}

void main();
