/**
 * The issue-12 benchmark (`npm run bench:decline`; never part of the test suite, no assertion):
 * on the orders bench's data folder (a generated layout-A export of N lines, default 1,000,000,
 * imported through the real engine; kept under tests/.artifacts/bench-orders and shared with
 * `npm run bench:orders`), on a freshly opened core, each call cold and then warm:
 * `reports.decline`, `health.list` (the 60-day spot share) and `reports.profitByDay` over 7 and
 * 30 days, each marked "met" or "NOT met" against issue 12's goal (≤ 100 ms at 1M lines, cold and warm).
 *
 *   npm run bench:decline [-- --lines 1000000]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { silentLogger } from '../../src/core/log';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const LINES = Number(args[args.indexOf('--lines') + 1] ?? 0) || 1_000_000;
const WORK = join(ROOT, 'tests/.artifacts/bench-orders', String(LINES));
const AT = '2026-09-01T12:00:00+08:00';
const fixedClock = { now: () => new Date(AT) };

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const dataDir = join(WORK, 'data');
  if (!existsSync(dataPaths(dataDir).dbFile)) {
    const file = join(WORK, `1788321600_bench-${LINES}.csv`);
    await writeOrdersExport(file, LINES, undefined, undefined, { buyers: 'many' });
    const core = await createCore({ dataDir, log: silentLogger, clock: fixedClock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    const t = performance.now();
    await core.call('imports.run', { jobId: 'bench-orders', sources: [{ type: 'path', path: file }] });
    console.log(`imported ${LINES.toLocaleString('en-US')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await core.close();
  }
  const opened = performance.now();
  const core = await createCore({ dataDir, log: silentLogger, clock: fixedClock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
  // The first open of a folder made by an older schema runs its migrations (0016 fills its summaries in).
  console.log(`core opened in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
  const time = async (name: string, call: () => Promise<unknown>) => {
    let t = performance.now();
    await call();
    const cold = performance.now() - t;
    t = performance.now();
    await call();
    const warm = performance.now() - t;
    console.log(`${name.padEnd(28)} cold ${cold.toFixed(0).padStart(6)} ms   warm ${warm.toFixed(1).padStart(7)} ms   ${cold <= 100 && warm <= 100 ? 'met' : 'NOT met'}`);
  };
  await time('reports.decline', () => core.call('reports.decline', {}));
  await time('health.list (spot share)', () => core.call('health.list', {}));
  await time('reports.profitByDay 7 days', () => core.call('reports.profitByDay', { from: '2026-08-25', to: '2026-08-31' }));
  await time('reports.profitByDay 30 days', () => core.call('reports.profitByDay', { from: '2026-08-02', to: '2026-08-31' }));
  await time('reports.profitByProduct 30 d', () => core.call('reports.profitByProduct', { from: '2026-08-02', to: '2026-08-31' }));
  await core.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
