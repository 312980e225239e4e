/**
 * What migration 0014's indexes and the desk's summaries cost an import (`npm run bench:orders-import`;
 * never part of the test suite, no assertion). Generates a seeded layout-A export of N lines
 * (default 200,000) and imports it through the real engine twice into fresh data folders: once
 * with the indexes of 0014, once with the order_lines indexes put back as 0013 left them. Then it
 * times the summaries' own statements (refreshDeskSummaries) on the first folder, alone.
 *
 *   npm run bench:orders-import [-- --lines 200000]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { silentLogger } from '../../src/core/log';
import { refreshDeskSummaries } from '../../src/core/orders/desk-summaries';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const LINES = Number(args[args.indexOf('--lines') + 1] ?? 0) || 200_000;
const WORK = join(ROOT, 'tests/.artifacts/bench-orders-import', String(LINES));
const clock = { now: () => new Date('2026-09-01T12:00:00+08:00') };
const options = (dataDir: string) => ({ dataDir, log: silentLogger, clock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });

/**
 * The order_lines indexes 0014 added or widened, back to their 0013 shape (order_lines_with_request
 * stays: the summaries' own statements name it, and it holds no line without an after-sales request).
 */
const AS_0013 = [
  'DROP INDEX order_lines_by_title',
  'DROP INDEX order_lines_with_aftersale',
  'DROP INDEX order_lines_by_product',
  'CREATE INDEX order_lines_by_product ON order_lines (product_id)',
  'DROP INDEX order_lines_by_province',
  'CREATE INDEX order_lines_by_province ON order_lines (province)',
  'DROP INDEX order_lines_by_influencer',
  'CREATE INDEX order_lines_by_influencer ON order_lines (influencer_id)',
  'DROP INDEX order_lines_unshipped_by_ship',
  `CREATE INDEX order_lines_unshipped_by_ship ON order_lines (ship_by_key, sub_order_id, order_id, status, shipped_at, aftersale_status) WHERE status IN ('待发货', '备货中', '已支付', '部分发货')`,
];

async function importInto(name: string, file: string, shape?: readonly string[]): Promise<{ seconds: number; dataDir: string }> {
  const dataDir = join(WORK, name);
  rmSync(dataDir, { recursive: true, force: true });
  await (await createCore(options(dataDir))).close();
  if (shape) {
    const sqlite = new Database(dataPaths(dataDir).dbFile);
    for (const statement of shape) sqlite.exec(statement);
    sqlite.close();
  }
  const core = await createCore(options(dataDir));
  const t = performance.now();
  const [outcome] = await core.call('imports.run', { jobId: `import-cost-${name}`, sources: [{ type: 'path', path: file }] });
  const seconds = (performance.now() - t) / 1000;
  await core.close();
  if (!outcome || outcome.refused) throw new Error(`import refused: ${JSON.stringify(outcome)}`);
  return { seconds, dataDir };
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, `1788321600_import-cost-${LINES}.csv`);
  await writeOrdersExport(file, LINES);
  // Alternated, twice each: the machine is shared, so one run of each says little.
  const runs: { shape: string; seconds: number }[] = [];
  let kept = '';
  for (let round = 0; round < 2; round += 1) {
    const with14 = await importInto('with-0014', file);
    runs.push({ shape: 'with 0014', seconds: with14.seconds });
    kept = with14.dataDir;
    runs.push({ shape: '0013 indexes', seconds: (await importInto('as-0013', file, AS_0013)).seconds });
  }
  for (const r of runs) console.log(`${r.shape.padEnd(14)} import of ${LINES.toLocaleString('en-US')} lines: ${r.seconds.toFixed(1)} s`);
  const sqlite = new Database(dataPaths(kept).dbFile);
  let t = performance.now();
  sqlite.transaction(() => refreshDeskSummaries(sqlite, { kind: 'orders' }))();
  console.log(`refreshDeskSummaries after an order import: ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  sqlite.transaction(() => refreshDeskSummaries(sqlite, { kind: 'aftersales', subOrders: 'all' }))();
  console.log(`refreshDeskSummaries after an after-sales undo (no after-sales rows): ${(performance.now() - t).toFixed(0)} ms`);
  sqlite.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
