/**
 * The after-sales reads at size (not a test: run by hand, `npx tsx tests/bench/aftersales-bench.ts [rows]`):
 * a generated after-sales export (default 20,000 rows, a third open with a 自动处理截止时间, some in
 * arbitration; no order export, so lines join to nothing) is imported, 500 cases get a supplier claim, then
 * each read is timed cold and warm. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { writeAftersalesExport, type AftersaleExportRow } from '../helpers/aftersales-exports';

const count = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-aftersales-bench-'));
try {
  const statuses = ['退款成功', '售后关闭', '待收退货', '售后待处理', '仲裁中'];
  const types = ['退货退款', '已发货仅退款', '未发货仅退款', '换货', '补寄'];
  const rows: AftersaleExportRow[] = [];
  for (let i = 0; i < count; i += 1) {
    // 19-digit numbers that never end in zeros (an Excel-rounded ID is refused by the importer).
    const sub = `69384127${String(i).padStart(10, '0')}1`;
    const open = i % 3 === 0;
    rows.push({
      售后单号: `14384127${String(i).padStart(10, '0')}3`, 订单号: sub, 商品单号: sub, 商品名称: `商品 ${i % 200}`, 商品ID: `37142905${String(i % 200).padStart(10, '0')}7`,
      售后类型: types[i % types.length], '退商品金额(元)': `${(i % 300) + 9}.90`, 售后状态: open ? statuses[2 + (i % 3)] : statuses[i % 2],
      售后申请时间: `2026-08-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`, 自动处理截止时间: open ? `2026-09-${String(1 + (i % 9)).padStart(2, '0')} 18:00:00` : '-',
    });
  }
  const file = writeAftersalesExport(dir, 'aftersales-bench.csv', rows);
  const core = await createCore({ dataDir: join(dir, 'data'), log: silentLogger, reminderCheckSeconds: 0 });
  let t = performance.now();
  const outcome = await core.call('imports.run', { jobId: 'aftersales-bench', sources: [{ type: 'path', path: file }] });
  if (process.env.DEBUG) console.error(JSON.stringify(outcome).slice(0, 800));
  const importMs = Math.round(performance.now() - t);
  const supplier = await core.call('suppliers.create', { name: 'bench' });
  const first = await core.call('aftersales.list', { limit: 500 });
  for (const r of first.rows) await core.call('aftersales.update', { caseKey: r.caseKey, patch: { supplierId: supplier.id, supplierClaimFen: 1000 } });
  const times: Record<string, number[]> = {};
  const time = async (label: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i += 1) {
      t = performance.now();
      await run();
      (times[label] ??= []).push(Math.round(performance.now() - t));
    }
  };
  await time('list first page (100)', () => core.call('aftersales.list', {}));
  await time('list open + soon', () => core.call('aftersales.list', { open: true, soon: true }));
  await time('get one case', () => core.call('aftersales.get', { caseKey: first.rows[0]!.caseKey }));
  await time('supplierBalances', () => core.call('aftersales.supplierBalances', {}));
  await time('causeReport', () => core.call('aftersales.causeReport', {}));
  await time('reminders.due (all planners)', () => core.call('reminders.due', {}));
  await core.close();
  // The deadline planner alone, on a fresh core's database (the reminder check runs it every 30 s).
  const again = await createCore({ dataDir: join(dir, 'data'), log: silentLogger, reminderCheckSeconds: 0 });
  await time('reminders.list (centre)', () => again.call('reminders.list', {}));
  await again.close();
  console.log(JSON.stringify({ rows: count, importMs, times }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
