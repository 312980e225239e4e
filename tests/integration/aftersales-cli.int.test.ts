import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
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

describe('shopdesk aftersales', () => {
  it('prints {total, counts, cases:[…]} with --json, --open keeps the open ones, no buyer data', async () => {
    const dataDir = tempDir();
    const files = tempDir();
    const core = await createCore({ dataDir, log: silentLogger });
    for (const name of ['orders-a.csv', 'aftersales.csv']) {
      const path = join(files, name);
      copyFileSync(join(REPO_ROOT, 'tests/fixtures/douyin', name), path);
      await core.call('imports.run', { jobId: `aftersales-cli-${name.replace('.csv', '')}`, sources: [{ type: 'path', path }] });
    }
    const s = await core.call('suppliers.create', { name: '南通家纺' });
    await core.call('aftersales.update', { caseKey: '1438412705519813043/6938412705519813043', patch: { supplierId: s.id, supplierClaimFen: 12_900 } });
    await core.close();

    const all = await shopdesk(['aftersales', '--data-dir', dataDir, '--json']);
    expect(all.code, all.stderr).toBe(0);
    const json = JSON.parse(all.stdout) as { total: number; counts: Record<string, number>; cases: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['total', 'counts', 'cases']);
    expect(json.total).toBe(6);
    expect(json.cases.find((c) => c.subOrderId === '6938412705519813043')).toMatchObject({ type: 'refund_unshipped', open: true, supplierName: '南通家纺', owedFen: 12_900, refundFen: 24_800 });
    // The fixture's 协商记录 quotes a buyer's phone; it is never stored, so never printed.
    expect(all.stdout).not.toContain('13912345678');

    const open = await shopdesk(['aftersales', '--data-dir', dataDir, '--open', '--json']);
    expect((JSON.parse(open.stdout) as { cases: { open: boolean }[] }).cases.map((c) => c.open)).toEqual([true, true, true]);

    const text = await shopdesk(['aftersales', '--data-dir', dataDir, '--open', '--lang', 'en']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('3 in all, 3 listed; open 3');
    expect(text.stdout).toContain('Refund only (not shipped)');
    expect(text.stdout).toContain('supplier owes ¥129.00');

    const bad = await shopdesk(['aftersales', '--data-dir', dataDir, '--limit', '0']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--limit');
  });
});
