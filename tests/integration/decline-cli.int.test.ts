import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { CUP, DECLINE_EXPORT_NAME, declineExportCsv } from '../fixtures/decline/decline-export';
import { ManualClock } from '../helpers/data-folder';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** The decline fixture imported through the real pipeline (so the report summary is kept too). */
async function declineShop(): Promise<string> {
  const dataDir = tempDir();
  const file = join(dataDir, DECLINE_EXPORT_NAME);
  writeFileSync(file, declineExportCsv());
  const core = await createCore({ dataDir, log: silentLogger, clock: new ManualClock('2026-09-12T04:00:00.000Z'), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
  const [outcome] = await core.call('imports.run', { jobId: 'decline-fixture', sources: [{ type: 'path', path: file }] });
  expect(outcome?.refused).toBeFalsy();
  await core.close();
  return dataDir;
}

const decline = async (dataDir: string, at: string) => {
  const r = await cli(dataDir, 'report', 'decline', '--at', at, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & { series: { date: string; orders: number; amountFen: number }[] };
};

describe('shopdesk report decline', () => {
  it('keeps the exact JSON shape: four drops in a row ending yesterday, named by what fell', async () => {
    const dataDir = await declineShop();
    const out = await decline(dataDir, '2026-09-12T12:00:00+08:00');
    expect(Object.keys(out)).toEqual(['declining', 'days', 'rule', 'series', 'fell']);
    expect(out).toMatchObject({ declining: true, days: 4, rule: 'dayOverDay' });
    // Whole China days only: today (09-12, two orders) is never compared; the first day is the first order's.
    expect(out.series.at(-1)).toEqual({ date: '2026-09-11', orders: 7, amountFen: 5 * 4900 + 2 * 6800 });
    expect(out.series[0]).toEqual({ date: '2026-08-03', orders: 20, amountFen: 5 * 4900 + 15 * 6800 });
    expect(out.series).toHaveLength(40);
    // Tue–Fri 09-08..09-11 against Tue–Fri a week earlier, counted as `report orders` counts (the
    // unpaid order of 09-11 too): the cups 13+9+5+2+1 = 30 against 16+17+15+13 = 61.
    const fell = out.fell as Record<string, unknown[]>;
    expect(fell.products).toEqual([{ key: CUP.productId, name: CUP.title, before: { orders: 61, amountFen: 61 * 6800 }, now: { orders: 30, amountFen: 30 * 6800 }, change: -31, changePct: -50.8 }]);
    expect(fell.provinces).toEqual([expect.objectContaining({ key: '广西壮族自治区', name: null, change: -31 })]);
    expect(fell.sources).toEqual([expect.objectContaining({ key: '精选联盟', change: -31 })]);
    expect(fell.influencers).toEqual([expect.objectContaining({ key: CUP.influencerId, name: CUP.influencerName, change: -31 })]);
  });

  it('a normal weekend dip is no alarm; the run is still counted', async () => {
    const dataDir = await declineShop();
    // Monday 09-07: Thu 20 → Fri 18 → Sat 12 → Sun 10, as every week.
    expect(await decline(dataDir, '2026-09-07T09:00:00+08:00')).toMatchObject({ declining: false, days: 4, rule: null });
  });

  it('the China day decides, not the computer: 15:59 UTC is still the same China day, 16:00 the next', async () => {
    const dataDir = await declineShop();
    // 2026-09-11T15:59Z is 09-11 23:59 China: yesterday is 09-10 (three drops); 16:00Z is 09-12.
    expect(await decline(dataDir, '2026-09-11T15:59:00Z')).toMatchObject({ declining: true, days: 3 });
    expect(await decline(dataDir, '2026-09-11T16:00:00Z')).toMatchObject({ declining: true, days: 4 });
  });

  it('follows an undone import: the summary it reads is kept exact through undo', async () => {
    const dataDir = await declineShop();
    const core = await createCore({ dataDir, log: silentLogger, clock: new ManualClock('2026-09-12T04:00:00.000Z'), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    try {
      expect((await core.call('reports.decline', {})).fell.products).toHaveLength(1);
      const [last] = await core.call('imports.history', {});
      await core.call('imports.undo', { importId: last!.id });
      expect(await core.call('reports.decline', {})).toMatchObject({ declining: false, days: 0, series: [], fell: { products: [], provinces: [], sources: [], influencers: [] } });
    } finally {
      await core.close();
    }
  });

  it('says plainly when there is nothing to compare', async () => {
    const dataDir = tempDir();
    await cli(dataDir, 'backup', 'create');
    expect(await decline(dataDir, '2026-09-12T12:00:00+08:00')).toEqual({ declining: false, days: 0, rule: null, series: [], fell: { products: [], provinces: [], sources: [], influencers: [] } });
    const text = await cli(dataDir, 'report', 'decline', '--lang', 'en');
    expect(text.stdout).toContain('import an order export first');
  });
});
