import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { line, writeExport } from '../helpers/purchase-exports';
import { useTempDirs } from '../helpers/temp-dir';
import { PINNED_NODE, REPO_ROOT } from '../helpers/ts-child';

const tempDir = useTempDirs();

type Run = { code: number; stdout: string; stderr: string };
const shopdesk = (args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(PINNED_NODE, [join(REPO_ROOT, 'bin', 'shopdesk.js'), ...args], { cwd: REPO_ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error && typeof error.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });

describe('shopdesk purchases', () => {
  it('prints {total, coverage, purchases:[…]} with --json, filtered by --supplier and --status', async () => {
    const dataDir = tempDir();
    const files = tempDir();
    const core = await createCore({ dataDir, log: silentLogger });
    const done = new Promise<void>((resolve) => {
      const off = core.onEvent((e) => {
        if (e.event === 'purchases.changed') {
          off();
          resolve();
        }
      });
    });
    await core.call('imports.run', {
      jobId: 'purchases-cli',
      sources: [{ type: 'path', path: writeExport(files, 1788220000, [line('6938425630014476219', '6938425630014476219'), line('6938425630014476300', '6938425630014476300', { 售后状态: '售后待处理' })]) }],
    });
    await done;
    const supplier = await core.call('suppliers.create', { name: '义乌榨汁杯厂' });
    const p = await core.call('purchases.create', { orderId: '6938425630014476219', fields: { supplierId: supplier.id, amountFen: 2350 } });
    await core.call('purchases.move', { ids: [p.id], to: 'paid' });
    await core.close();

    const all = await shopdesk(['purchases', '--data-dir', dataDir, '--json']);
    expect(all.code, all.stderr).toBe(0);
    const json = JSON.parse(all.stdout) as { total: number; coverage: unknown; purchases: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['total', 'coverage', 'purchases']);
    expect(json.total).toBe(2);
    expect(json.coverage).toEqual({ orders: 2, withRecordedCost: 1 });
    expect(json.purchases.map((x) => [x.orderId, x.status, x.refundRequested])).toEqual([
      ['6938425630014476219', 'paid', false],
      ['6938425630014476300', 'pending', true],
    ]);
    expect(json.purchases[0]).toMatchObject({ purchaseId: p.id, supplierId: supplier.id, amountFen: 2350, lines: [{ subOrderId: '6938425630014476219', product: '便携榨汁杯 无线充电 小型家用', quantity: 1, amountFen: 4990, status: '待发货' }] });
    expect(all.stdout).not.toMatch(/收件人|手机/);

    const bySupplier = JSON.parse((await shopdesk(['purchases', '--data-dir', dataDir, '--supplier', String(supplier.id), '--status', 'paid', '--json'])).stdout) as { total: number };
    expect(bySupplier.total).toBe(1);
    const text = await shopdesk(['purchases', '--data-dir', dataDir, '--lang', 'en']);
    expect(text.stdout).toContain('⚠ buyer asked for a refund');
  });

  it('refuses a bad --status or --supplier with exit 2 before opening the data folder, in the chosen language', async () => {
    const dataDir = join(tempDir(), 'never-created');
    const bad = await shopdesk(['purchases', '--data-dir', dataDir, '--status', 'shipping']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--status (pending|ordered|paid|shipped|received|out_of_stock|delayed|address_issue|cancelled)');
    const en = await shopdesk(['purchases', '--data-dir', dataDir, '--supplier', 'abc', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Some input is not valid');
  });
});
