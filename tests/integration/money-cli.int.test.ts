import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { useTempDirs } from '../helpers/temp-dir';
import { PINNED_NODE, REPO_ROOT } from '../helpers/ts-child';

const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '../fixtures/money');

type Run = { code: number; stdout: string; stderr: string };
const shopdesk = (args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(PINNED_NODE, [join(REPO_ROOT, 'bin', 'shopdesk.js'), ...args], { cwd: REPO_ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error && typeof error.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });

describe('shopdesk money forecast', () => {
  it('prints exactly {rule, days:[{date, expectedFen, lines}], overdue:{lines, amountFen}, unchecked, coverage} with --json', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, log: silentLogger });
    await core.call('imports.run', {
      jobId: 'money-cli-fixtures',
      sources: ['money-orders.csv', 'money-funds.csv', 'money-settlement.csv'].map((f) => ({ type: 'path' as const, path: join(FIXTURES, f) })),
    });
    await core.close();

    const result = await shopdesk(['money', 'forecast', '--data-dir', dataDir, '--from', '2026-09-20', '--days', '14', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { rule: string; days: Record<string, unknown>[]; overdue: Record<string, unknown> };
    expect(Object.keys(json)).toEqual(['rule', 'days', 'overdue', 'unchecked', 'coverage']);
    expect(json.rule).toBe('perOrder');
    expect(json.days).toHaveLength(14);
    expect(json.days[0]).toEqual({ date: '2026-09-20', expectedFen: expect.any(Number), lines: expect.any(Number) });
    expect(json.days.map((d) => Object.keys(d).join())).toEqual(Array(14).fill('date,expectedFen,lines'));
    expect(Object.keys(json.overdue)).toEqual(['lines', 'amountFen']);
    // Whatever today is, the fixtures' unsettled shipped lines are in the days or overdue.
    const counted = json.days.reduce((s, d) => s + Number(d.lines), 0) + Number(json.overdue.lines);
    expect(counted).toBeGreaterThanOrEqual(1);

    const text = await shopdesk(['money', 'forecast', '--data-dir', dataDir, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('per order: 10 days after receipt is confirmed');
  });

  it('refuses a bad --from or --days with the usage exit code, before opening the data folder', async () => {
    const dataDir = join(tempDir(), 'never-created');
    const bad = await shopdesk(['money', 'forecast', '--data-dir', dataDir, '--from', '2026-02-30']);
    expect(bad.code).toBe(2);
    const days = await shopdesk(['money', 'forecast', '--data-dir', dataDir, '--days', '0']);
    expect(days.code).toBe(2);
  });
});

describe('shopdesk money forecast without a settlement bill', () => {
  // Issue 10: "With no settlement bill or funds flow imported for a period, the money screen does not
  // call ¥60,362,987.52 超期未结算 … Also the CLI (shopdesk money commands) must agree."
  it('calls nothing overdue, counts the past-due lines as unchecked and says what to export', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, log: silentLogger, clock: { now: () => new Date('2026-12-06T04:00:00.000Z') } });
    await core.call('imports.run', { jobId: 'money-cli-orders', sources: [{ type: 'path' as const, path: join(FIXTURES, 'money-orders.csv') }] });
    const forecast = await core.call('money.forecast', {});
    await core.close();
    expect(forecast.coverage).toEqual([]);
    expect(forecast.overdue).toEqual({ lines: 0, amountFen: 0 });
    expect(forecast.unchecked.lines).toBeGreaterThan(0);

    // The CLI runs on the real clock: whatever the day, nothing is overdue without a bill.
    const json = await shopdesk(['money', 'forecast', '--data-dir', dataDir, '--json']);
    const text = await shopdesk(['money', 'forecast', '--data-dir', dataDir, '--lang', 'zh']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('还没有导入结算账单');
    expect(text.stdout).toContain('资金流水明细');
    expect(text.stdout).toMatch(/过了结算日、无法核对：\d+ 单/);
    expect(text.stdout).not.toContain('超期未结算：');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ overdue: { lines: 0, amountFen: 0 }, coverage: [] });
  });
});
