import { describe, expect, it } from 'vitest';
import { openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const AT = ['--at', '2026-09-10T12:00:00+08:00'];

/**
 * 20 paid orders in the last 60 days: 11 promised within 48 hours of payment (spot, seed 004:
 * "现在的现货模式只有48个小时"), 9 promised 72 hours after (预售 / 阶梯发货): 55 % spot. One more from
 * before the window and one unpaid order do not count.
 */
async function shop(): Promise<string> {
  const dataDir = tempDir();
  const { session, db } = await openRoutineDb(dataDir);
  const line = (n: number, hours: number, submitted = '2026-09-01 10:00:00', status = '已完成') => ({
    sub: `s${n}`,
    order: `o${n}`,
    status,
    submitted,
    paid: status === '待支付' ? null : submitted,
    promised: new Date(Date.parse(`${submitted.replace(' ', 'T')}+08:00`) + hours * 3600_000).toISOString().replace('T', ' ').slice(0, 19),
  });
  await seedOrderLines(db, [
    ...Array.from({ length: 11 }, (_, i) => line(i, 48)),
    ...Array.from({ length: 9 }, (_, i) => line(100 + i, 72)),
    line(200, 96, '2026-07-01 10:00:00'),
    line(201, 96, '2026-09-05 10:00:00', '待支付'),
  ]);
  await session.close();
  return dataDir;
}

const run = async (dataDir: string, ...args: string[]) => cli(dataDir, 'health', ...args, ...AT, '--json');

describe('shopdesk health', () => {
  it('add and list keep their JSON shapes; the same day again replaces the entry whole', async () => {
    const dataDir = await shop();
    const added = await run(dataDir, 'add', '--date', '2026-09-09', '--experience', '4.62', '--dsr', '4.4', '--good-review', '78.5', '--visitors', '1200', '--clickers', '96', '--ctr', '8', '--note', '大促后');
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toEqual({
      entry: {
        date: '2026-09-09',
        note: '大促后',
        updatedAt: '2026-09-10T04:00:00.000Z',
        experienceScore: 4.62,
        productScore: null,
        logisticsScore: null,
        serviceScore: null,
        dsr: 4.4,
        goodReviewPct: 78.5,
        visitors: 1200,
        clickers: 96,
        ctrPct: 8,
        conversionPct: null,
        reply3mPct: null,
      },
      replaced: false,
    });
    // Today's entry by default (the core's China day).
    expect(JSON.parse((await run(dataDir, 'add', '--dsr', '4.8', '--good-review', '92')).stdout)).toMatchObject({ entry: { date: '2026-09-10', dsr: 4.8 }, replaced: false });
    expect(JSON.parse((await run(dataDir, 'add', '--date', '2026-09-09', '--dsr', '4.6')).stdout)).toMatchObject({ entry: { dsr: 4.6, goodReviewPct: null, visitors: null }, replaced: true });

    const list = JSON.parse((await run(dataDir, 'list')).stdout) as Record<string, unknown>;
    expect(Object.keys(list)).toEqual(['entries', 'settings', 'spot', 'warnings']);
    expect((list.entries as { date: string }[]).map((e) => e.date)).toEqual(['2026-09-09', '2026-09-10']);
    // Seed 004: DSR 4.5 and good-review 80 % (精选联盟); spot share reminded at 50–55 %.
    expect(list.settings).toEqual({ dsrMin: 4.5, goodReviewMinPct: 80, spotWarnPct: 55, spotFloorPct: 50 });
    expect(list.spot).toEqual({ from: '2026-07-12', to: '2026-09-09', orders: 20, spotOrders: 11, sharePct: 55 });
    expect(list.warnings).toEqual([{ kind: 'spotShare', level: 'warning', value: 55, threshold: 55, date: '2026-09-09' }]);
  });

  it('warns as reminders when DSR < 4.5 or the good-review rate < 80 %, and on the spot share', async () => {
    const dataDir = await shop();
    await run(dataDir, 'add', '--date', '2026-09-10', '--dsr', '4.4', '--good-review', '79');
    const due = JSON.parse((await cli(dataDir, 'reminders', ...AT, '--json')).stdout) as { key: string; title: string }[];
    expect(due.filter((r) => r.key.startsWith('health.')).map((r) => [r.key, r.title])).toEqual([
      ['health.warning:dsr:2026-09-10', '店铺评分 4.4 低于 4.5'],
      ['health.warning:goodReview:2026-09-10', '好评率 79% 低于 80%'],
      ['health.warning:spotShare:2026-09-09', '近 60 天现货订单占比 55%'],
    ]);
  });

  it.each([
    [['--dsr', 'abc'], 'zh', '店铺评分（DSR）'],
    [['--dsr', '5.5'], 'en', 'Shop rating (DSR)'],
    [['--good-review', '101'], 'en', 'Good-review rate'],
    [['--visitors', '12.5'], 'zh', '商品访客数'],
    [['--note', 'x'.repeat(201)], 'en', 'Note'],
  ])('refuses %j naming the field (%s), and saves nothing', async (args, lang, label) => {
    const dataDir = await shop();
    const r = await cli(dataDir, 'health', 'add', '--date', '2026-09-09', ...args, ...AT, '--lang', lang);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(label);
    expect(JSON.parse((await run(dataDir, 'list')).stdout)).toMatchObject({ entries: [] });
  });
});
