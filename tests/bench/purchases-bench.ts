/**
 * The purchases' reads at size (not a test: run by hand, `npx tsx tests/bench/purchases-bench.ts [lines]`):
 * a generated layout-A export (default 300,000 lines over 180 days) is imported, 2,000 purchases are
 * made over the first unshipped orders, then each read is timed cold and warm. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { writeOrdersExport } from './write-export';

const lines = Number(process.argv[2] ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-purchases-bench-'));
try {
  const file = join(dir, '1791213782_3edeb47b86bdb5b9.csv');
  await writeOrdersExport(file, lines);
  const core = await createCore({ dataDir: join(dir, 'data'), log: silentLogger, reminderCheckSeconds: 0 });
  const started = performance.now();
  await core.call('imports.run', { jobId: 'purchases-bench', sources: [{ type: 'path', path: file }] });
  const importMs = Math.round(performance.now() - started);
  const first = await core.call('purchases.list', { limit: 500 });
  const orders = [...new Set(first.rows.map((r) => r.orderId))];
  const supplier = await core.call('suppliers.create', { name: 'bench' });
  const times: Record<string, number[]> = {};
  const time = async (label: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i += 1) {
      const t = performance.now();
      await run();
      (times[label] ??= []).push(Math.round(performance.now() - t));
    }
  };
  for (let i = 0; i < 4; i += 1) {
    const batch = (await core.call('purchases.list', { limit: 500, offset: i * 500 })).rows.filter((r) => r.purchaseId === null).map((r) => r.orderId);
    if (batch.length === 0) continue;
    await core.call('purchases.assignSupplier', { orderIds: batch, supplierId: supplier.id });
  }
  await time('list first page (100)', () => core.call('purchases.list', {}));
  await time('list status pending', () => core.call('purchases.list', { status: 'pending' }));
  await time('list by supplier', () => core.call('purchases.list', { supplierId: supplier.id }));
  await time('list page 50', () => core.call('purchases.list', { offset: 5000 }));
  await time('forOrder', () => core.call('purchases.forOrder', { orderId: orders[0]! }));
  await time('messages 500 orders', () => core.call('purchases.messages', { orderIds: orders }));
  await time('productProfit 30 days', () => core.call('purchases.productProfit', { from: '2026-08-02', to: '2026-08-31' }));
  // The after-import step: the same file again (recognised, nothing written) still ends in
  // imports.finished, so the step runs over every open purchase; timed to its purchases.changed.
  const step = performance.now();
  const changed = new Promise<void>((resolve) => {
    const off = core.onEvent((e) => {
      if (e.event === 'purchases.changed') {
        off();
        resolve();
      }
    });
  });
  await core.call('imports.run', { jobId: 'purchases-bench-again', sources: [{ type: 'path', path: file }] });
  await changed;
  const afterImportMs = Math.round(performance.now() - step);
  await core.close();
  process.stdout.write(`${JSON.stringify({ lines, importMs, unshippedOrders: first.total, ms: times, afterImportMs })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
