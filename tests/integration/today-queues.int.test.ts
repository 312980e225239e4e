import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseSession } from '../../src/core/db/database-session';
import { loadOrdersPicture, orderQueues } from '../../src/core/orders/orders-picture';
import { startBlock } from '../../src/core/routine/timer-actions';
import { loadTodayView } from '../../src/core/routine/today-view';
import { china, openRoutineDb, seedOrderLines, refreshShipQueue } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const sessions: DatabaseSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});
const open = async () => {
  const opened = await openRoutineDb(tempDir());
  sessions.push(opened.session);
  return opened.db;
};

const NOW = china('2026-09-10 12:00');

describe('the 订单处理 queues against imported order lines', () => {
  it('counts lines and orders per the `shopdesk today` definitions', async () => {
    const db = await open();
    await seedOrderLines(db, [
      // overdue: promised before now (two lines of one order) and exactly now
      { sub: 's1', order: 'o1', status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 11:00:00' },
      { sub: 's2', order: 'o1', status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 11:00:00' },
      { sub: 's3', order: 'o2', status: '备货中', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 12:00:00' },
      // within 24 h: no promise, paid + 48 h = 09-11 09:00
      { sub: 's4', order: 'o3', status: '已支付', submitted: '2026-09-09 09:00:00', paid: '2026-09-09 09:00:00', promised: null },
      // exactly 24 h away counts; a second later does not
      { sub: 's5', order: 'o4', status: '待发货', submitted: '2026-09-10 08:00:00', promised: '2026-09-11 12:00:00' },
      { sub: 's6', order: 'o5', status: '待发货', submitted: '2026-09-10 08:00:00', promised: '2026-09-11 12:00:01' },
      // shipped, done, unpaid: not in any queue
      { sub: 's7', order: 'o6', status: '已发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-09 10:00:00' },
      { sub: 's8', order: 'o7', status: '已完成', submitted: '2026-09-01 10:00:00' },
      { sub: 's9', order: 'o8', status: '待支付', submitted: '2026-09-10 11:00:00', paid: null },
      // after-sales on order lines: one open, one done
      { sub: 's10', order: 'o9', status: '已发货', submitted: '2026-09-05 10:00:00', aftersale: '售后待处理' },
      { sub: 's11', order: 'o10', status: '已完成', submitted: '2026-09-05 10:00:00', aftersale: '退款成功' },
    ]);
    const queues = orderQueues(await loadOrdersPicture(db, NOW));
    expect(queues).toEqual({
      shipOverdue: { orders: 2, lines: 3 },
      shipWithin24h: { orders: 2, lines: 2 },
      toPurchase: { orders: 5, lines: 6 },
      refundBeforeShip: { orders: 0, lines: 0 },
      afterSalesOpen: 1,
      hasOrderData: true,
    });
  });

  it('counts the after-sales export, and order lines it does not cover', async () => {
    const db = await open();
    await seedOrderLines(db, [
      { sub: 'a1', order: 'o1', status: '已发货', submitted: '2026-09-05 10:00:00', aftersale: '售后待处理' },
      { sub: 'a2', order: 'o2', status: '已发货', submitted: '2026-09-05 10:00:00', aftersale: '待收退货' },
    ]);
    const importId = (await db.selectFrom('imports').select('id').executeTakeFirstOrThrow()).id;
    const row = (aftersale_id: string, sub_order_id: string, status: string, closed_at: string | null = null) =>
      ({ aftersale_id, sub_order_id, status, closed_at, applied_at: '2026-09-06 10:00:00', extra_json: '{}', first_import_id: importId, last_import_id: importId }) as never;
    await db.insertInto('aftersales').values([row('as1', 'a1', '售后关闭', '2026-09-07 10:00:00'), row('as2', 'x9', '待退货'), row('as3', 'x8', '换货成功')]).execute();
    // As the importer does after writing after-sales rows: the shipping queue's summary of their days.
    await refreshShipQueue(db);
    // a1 is covered (and closed) by the export; a2 is not covered and open; as2 is open.
    expect(orderQueues(await loadOrdersPicture(db, NOW)).afterSalesOpen).toBe(2);
  });

  it('has honest zeros and no data flag before any import', async () => {
    const db = await open();
    expect(orderQueues(await loadOrdersPicture(db, NOW))).toEqual({
      shipOverdue: { orders: 0, lines: 0 },
      shipWithin24h: { orders: 0, lines: 0 },
      toPurchase: { orders: 0, lines: 0 },
      refundBeforeShip: { orders: 0, lines: 0 },
      afterSalesOpen: 0,
      hasOrderData: false,
    });
  });
});

describe('the Today view', () => {
  it('brief, per-block queues, the 3-day decline and the sourcing count', async () => {
    const db = await open();
    const perDay: [string, number][] = [['2026-09-04', 9], ['2026-09-05', 10], ['2026-09-06', 8], ['2026-09-07', 7], ['2026-09-08', 5], ['2026-09-09', 4]];
    let n = 0;
    for (const [date, count] of perDay) {
      await seedOrderLines(db, Array.from({ length: count }, () => ({ sub: `d${++n}`, order: `od${n}`, status: '已完成', submitted: `${date} 10:00:00`, payableFen: 1000 })));
    }
    // An unpaid closed order does not count as an order.
    await seedOrderLines(db, [{ sub: 'u1', order: 'ou1', status: '已关闭', submitted: '2026-09-09 11:00:00', paid: null }]);
    await startBlock(db, 'orders', china('2026-09-10 11:00'));

    const view = await loadTodayView(db, NOW, 'zh-CN');
    expect(view.date).toBe('2026-09-10');
    expect(view.brief).toMatchObject({
      yesterday: { date: '2026-09-09', orders: 4, amountFen: 4000 },
      dayBefore: { date: '2026-09-08', orders: 5, amountFen: 5000 },
      ordersChange: -0.2,
      amountChange: -0.2,
    });
    const byKey = Object.fromEntries(view.blocks.map((b) => [b.key, b]));
    expect(byKey.orders).toMatchObject({ status: 'running', spentSeconds: 3600, runningSince: china('2026-09-10 11:00').toISOString(), isOverTarget: true });
    expect(byKey.data?.queue).toMatchObject({ source: 'data', isAvailable: true, count: 1, decline: { days: 4, from: '2026-09-05', to: '2026-09-09', firstOrders: 10, lastOrders: 4 } });
    expect(byKey.data?.queue?.series?.map((d) => d.orders)).toEqual([9, 10, 8, 7, 5, 4, 0]);
    expect(byKey.sourcing?.queue).toMatchObject({ source: 'sourcing', isAvailable: true, count: 0, target: { min: 10, max: 30 } });
    expect(byKey.optimize?.queue).toBeNull();
    expect(view.progress).toMatchObject({ done: 0, total: 6, targetMinutes: 210 });
    expect(view.catchUp).toBeNull();
  });

  it('days the imports do not reach yet are unknown, not zero: no −100 % and no decline', async () => {
    const db = await open();
    const perDay: [string, number][] = [['2026-09-05', 9], ['2026-09-06', 7], ['2026-09-07', 5], ['2026-09-08', 4]];
    let n = 0;
    for (const [date, count] of perDay) {
      await seedOrderLines(db, Array.from({ length: count }, () => ({ sub: `k${++n}`, order: `ok${n}`, status: '已完成', submitted: `${date} 10:00:00` })));
    }
    // Imported through 09-08; on 09-11 neither 09-09 nor 09-10 is known.
    const view = await loadTodayView(db, china('2026-09-11 09:00'), 'zh-CN');
    expect(view.brief).toMatchObject({ hasYesterday: false, ordersThrough: '2026-09-08', ordersChange: null, amountChange: null });
    const data = view.blocks.find((b) => b.key === 'data')?.queue;
    expect(data?.decline).toMatchObject({ days: 3, to: '2026-09-08' });
    // An export made on 09-11 covers 09-10 even if 09-09 and 09-10 had no orders at all.
    await db.updateTable('imports').set({ export_time: Math.floor(china('2026-09-11 08:00').getTime() / 1000) }).execute();
    const later = await loadTodayView(db, china('2026-09-11 09:00'), 'zh-CN');
    expect(later.brief).toMatchObject({ hasYesterday: true, ordersThrough: '2026-09-10', yesterday: { orders: 0 } });
    expect(later.blocks.find((b) => b.key === 'data')?.queue?.decline).toBeNull();
  });

  it('offers yesterday for closing with what is still open', async () => {
    const db = await open();
    await startBlock(db, 'data', china('2026-09-09 09:00'));
    await seedOrderLines(db, [{ sub: 's1', order: 'o1', status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-09 18:00:00' }]);
    const view = await loadTodayView(db, NOW, 'en-US');
    expect(view.catchUp).toMatchObject({ date: '2026-09-09', shipOverdue: { orders: 1, lines: 1 }, checklistOpen: 25 });
    expect(view.catchUp?.unfinished.map((b) => [b.key, b.status])).toEqual([
      ['data', 'paused'],
      ['optimize', 'todo'],
      ['sourcing', 'todo'],
      ['orders', 'todo'],
      ['influencers', 'todo'],
      ['campaigns', 'todo'],
    ]);
  });
});
