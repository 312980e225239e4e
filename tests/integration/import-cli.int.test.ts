import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { PINNED_NODE, REPO_ROOT } from '../helpers/ts-child';

/* `shopdesk import` and `shopdesk report orders` as a script sees them: the JSON shapes of issue 3, exit codes. */

const tempDir = useTempDirs();
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/douyin/${name}`, import.meta.url));

type Run = { code: number; stdout: string; stderr: string };
const shopdesk = (args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(PINNED_NODE, [join(REPO_ROOT, 'bin', 'shopdesk.js'), ...args], { cwd: REPO_ROOT, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error && typeof error.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });

describe('shopdesk import / report orders', () => {
  it('imports with --json in the documented shape, refuses a damaged file with exit 2, previews with --dry-run, reports', async () => {
    const dataDir = tempDir();
    const sample = join(dataDir, '1791213782_3edeb47b86bdb5b9.csv');
    copyFileSync(fixture('1791213782_3edeb47b86bdb5b9.csv'), sample);

    const first = await shopdesk(['import', sample, '--json', '--data-dir', dataDir]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const [imported] = JSON.parse(first.stdout) as Record<string, unknown>[];
    expect(Object.keys(imported!)).toEqual(['file', 'kind', 'lines', 'inserted', 'updated', 'unchanged', 'errors']);
    expect(imported).toEqual({ file: sample, kind: 'orders', lines: 5, inserted: 5, updated: 0, unchanged: 0, errors: [] });

    const damaged = fixture('orders-excel-ids.csv');
    const problems = fixture('orders-row-problems.csv');
    const mixed = await shopdesk(['import', damaged, problems, sample, '--json', '--data-dir', dataDir, '--lang', 'en']);
    expect(mixed.code).toBe(2);
    const [refused, partial, again] = JSON.parse(mixed.stdout) as Record<string, unknown>[];
    expect(refused).toEqual({ file: damaged, refused: true, code: 'IMPORT_EXCEL_DAMAGED', message: expect.stringContaining('re-saved by Excel') });
    expect(Object.keys(refused!)).toEqual(['file', 'refused', 'code', 'message']);
    expect(partial).toMatchObject({ file: problems, kind: 'orders', lines: 8, inserted: 4 });
    expect((partial!.errors as Record<string, unknown>[])[0]).toEqual({ line: 4, column: '订单应付金额', code: 'ROW_BAD_MONEY', message: expect.stringContaining('Line 4') });
    expect(again).toMatchObject({ file: sample, inserted: 0, unchanged: 5 });

    const dry = await shopdesk(['import', '--dry-run', fixture('orders-a.csv'), '--json', '--data-dir', dataDir]);
    expect(dry.code).toBe(0);
    // Four of its lines came in with the problem file already.
    expect(JSON.parse(dry.stdout)).toEqual([expect.objectContaining({ kind: 'orders', lines: 80, inserted: 76 })]);

    const report = await shopdesk(['report', 'orders', '--by', 'week', '--from', '2026-08-01', '--to', '2026-08-31', '--json', '--data-dir', dataDir]);
    expect(report).toMatchObject({ code: 0, stderr: '' });
    const parsed = JSON.parse(report.stdout) as { total: unknown; groups: unknown[] };
    expect(Object.keys(parsed)).toEqual(['total', 'groups']);
    // The dry run wrote nothing: the sample's 5 lines plus the 4 good lines of the problem file.
    expect(parsed.total).toEqual({ orders: expect.any(Number), lines: 9, amountFen: expect.any(Number) });
    // Issue 12: time groups gain the previous period (none before the first imported line) and 环比.
    expect(parsed.groups[0]).toEqual({ key: '2026-07-27', orders: 2, lines: 2, amountFen: 141800, previous: null, changePct: { orders: null, lines: null, amountFen: null } });

    const text = await shopdesk(['report', 'orders', '--by', 'source', '--data-dir', dataDir, '--lang', 'en']);
    expect(text.stdout).toContain('精选联盟');
    expect(text.stdout).toContain('Total');
    const bad = await shopdesk(['report', 'orders', '--by', 'colour', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    const missing = await shopdesk(['import', '--data-dir', dataDir]);
    expect(missing.code).toBe(2);
  }, 240_000);
});
