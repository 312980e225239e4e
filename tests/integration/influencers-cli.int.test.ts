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

describe('shopdesk influencers / samples', () => {
  it('prints the exact JSON, filters by --stage, and lists late samples and their reminders', async () => {
    const dataDir = tempDir();
    const files = tempDir();
    const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
    await core.call('imports.run', {
      jobId: 'influencers-cli',
      sources: [{ type: 'path', path: writeExport(files, 1788220000, [line('6938425630014476219', '6938425630014476219', { 达人ID: '7592255573464597541', 达人昵称: '小美好物', 流量来源: '精选联盟' })]) }],
    });
    const mine = await core.call('influencers.create', { nickname: '阿杰', stage: 'talking' });
    const sample = await core.call('samples.create', { influencerId: mine.id, productTitle: '冰丝凉席', costFen: 1990, freightFen: 800 });
    await core.call('samples.move', { id: sample.id, to: 'sent', on: '2026-09-01' });
    await core.close();

    const all = await shopdesk(['influencers', 'list', '--data-dir', dataDir, '--json']);
    expect(all.code, all.stderr).toBe(0);
    const json = JSON.parse(all.stdout) as Record<string, unknown>[];
    expect(json).toEqual([
      { id: mine.id, douyinId: '', nickname: '阿杰', stage: 'talking', source: 'manual', sales: { orders: 0, lines: 0, amountFen: 0, refundedFen: 0 }, samples: { sent: 1, signed: 0, withContent: 0 } },
      { id: expect.any(Number) as number, douyinId: '7592255573464597541', nickname: '小美好物', stage: 'to_contact', source: 'orders', sales: { orders: 1, lines: 1, amountFen: 4990, refundedFen: 0 }, samples: { sent: 0, signed: 0, withContent: 0 } },
    ]);
    const talking = JSON.parse((await shopdesk(['influencers', 'list', '--data-dir', dataDir, '--stage', 'talking', '--json'])).stdout) as { id: number }[];
    expect(talking.map((i) => i.id)).toEqual([mine.id]);
    const badStage = await shopdesk(['influencers', 'list', '--data-dir', dataDir, '--stage', 'hot', '--lang', 'en']);
    expect(badStage.code).toBe(2);
    expect(badStage.stderr).toContain('--stage');

    const at = ['--at', '2026-09-06T09:30:00+08:00'];
    const due = JSON.parse((await shopdesk(['samples', '--data-dir', dataDir, '--due', '--json', ...at])).stdout) as { id: number; due: unknown }[];
    expect(due.map((s) => [s.id, s.due])).toEqual([[sample.id, { rule: 'unsigned', dueOn: '2026-09-06', isLate: true }]]);
    expect(JSON.parse((await shopdesk(['samples', '--data-dir', dataDir, '--due', '--json', '--at', '2026-09-05T09:30:00+08:00'])).stdout)).toEqual([]);
    const reminders = JSON.parse((await shopdesk(['reminders', '--data-dir', dataDir, '--json', ...at])).stdout) as { kind: string; subject: string }[];
    expect(reminders.filter((r) => r.kind === 'sample').map((r) => r.subject)).toEqual([`sample:${sample.id}`]);
    const text = await shopdesk(['samples', '--data-dir', dataDir, '--lang', 'en', ...at]);
    expect(text.stdout).toContain('⚠ not signed since 2026-09-06');
  });
});
