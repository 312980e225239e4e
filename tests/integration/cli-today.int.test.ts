import { describe, expect, it } from 'vitest';
import { china, openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const json = async (dataDir: string, ...args: string[]): Promise<unknown> => {
  const result = await cli(dataDir, ...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('shopdesk today / routine / reminders', () => {
  it('keeps the documented JSON shapes', async () => {
    const dataDir = tempDir();
    const { session, db } = await openRoutineDb(dataDir);
    await seedOrderLines(db, [
      { sub: 's1', order: 'o1', status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 08:00:00' },
      { sub: 's2', order: 'o1', status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 08:00:00' },
      { sub: 's3', order: 'o2', status: '备货中', submitted: '2026-09-09 10:00:00', promised: '2026-09-11 08:00:00' },
    ]);
    await session.close();

    expect(await json(dataDir, 'routine', 'start', 'data', '--at', '2026-09-10T09:00:00+08:00')).toMatchObject({ running: { key: 'data' } });
    expect(await json(dataDir, 'routine', 'start', '订单处理', '--at', '2026-09-10T09:20:00+08:00')).toMatchObject({ running: { key: 'orders' }, paused: null });
    await json(dataDir, 'routine', 'pause', '--at', '2026-09-10T09:25:00+08:00');
    await json(dataDir, 'routine', 'resume', '--at', '2026-09-10T09:30:00+08:00');
    await json(dataDir, 'routine', 'finish', '--at', '2026-09-10T09:40:00+08:00');

    const today = await json(dataDir, 'today', '--at', '2026-09-10T12:00:00+08:00');
    expect(today).toEqual({
      date: '2026-09-10',
      blocks: [
        { key: 'data', title: '看数据', targetMinutes: 30, spentMinutes: 20, status: 'paused' },
        { key: 'optimize', title: '商品优化', targetMinutes: 30, spentMinutes: 0, status: 'todo' },
        { key: 'sourcing', title: '选品', targetMinutes: 60, spentMinutes: 0, status: 'todo' },
        { key: 'orders', title: '订单处理', targetMinutes: 40, spentMinutes: 15, status: 'done' },
        { key: 'influencers', title: '联系达人', targetMinutes: 30, spentMinutes: 0, status: 'todo' },
        { key: 'campaigns', title: '活动报名', targetMinutes: 20, spentMinutes: 0, status: 'todo' },
      ],
      queues: {
        shipWithin24h: { orders: 1, lines: 1 },
        shipOverdue: { orders: 1, lines: 2 },
        toPurchase: { orders: 2, lines: 3 },
        refundBeforeShip: { orders: 0, lines: 0 },
        afterSalesOpen: 0,
      },
      streak: { current: 0, best: 0 },
    });

    const reminders = (await json(dataDir, 'reminders', '--at', '2026-09-10T12:00:00+08:00')) as Record<string, unknown>[];
    expect(reminders.map((r) => Object.keys(r))).toEqual(reminders.map(() => ['key', 'kind', 'dueAt', 'title', 'subject']));
    expect(reminders.map((r) => r.key).sort()).toEqual(['listing.slot:2026-09-10:12:00', 'orders.shipDue:o2', 'orders.shipOverdue:2026-09-10']);
    expect(reminders.find((r) => r.kind === 'orders.shipOverdue')).toEqual({
      // Issue 10: overdue orders are one grouped reminder per day, opening their list.
      key: 'orders.shipOverdue:2026-09-10',
      kind: 'orders.shipOverdue',
      dueAt: china('2026-09-10 08:00').toISOString(),
      title: '已超时未发货 1 单',
      subject: 'orders:overdue',
    });
    // Listing them fires nothing: the app still shows them.
    expect(await json(dataDir, 'reminders', '--at', '2026-09-10T12:00:00+08:00')).toEqual(reminders);
  });

  it('prints readable text in both languages and refuses a bad --at or an unknown block', async () => {
    const dataDir = tempDir();
    // `today` only reads: it needs a database to be there (a write command creates it).
    expect((await cli(dataDir, 'backup', 'create')).code).toBe(0);
    const zh = await cli(dataDir, 'today', '--at', '2026-09-10T12:00:00+08:00');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('今天（北京时间）：2026-09-10');
    const en = await cli(dataDir, 'today', '--lang', 'en', '--at', '2026-09-10T12:00:00+08:00');
    expect(en.stdout).toContain('Check the data');
    const badAt = await cli(dataDir, 'today', '--at', 'tomorrow');
    expect(badAt).toMatchObject({ code: 2, stdout: '' });
    expect(badAt.stderr).toContain('--at');
    const unknown = await cli(dataDir, 'routine', 'start', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope');
    const help = await cli(dataDir, '--help');
    for (const line of ['today [--at ISO-8601]', 'routine start [<BLOCK>]', 'routine pause', 'reminders [--at ISO-8601]']) expect(help.stdout).toContain(line);
  });
});
