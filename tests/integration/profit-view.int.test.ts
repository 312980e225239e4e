import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { ManualClock } from '../helpers/data-folder';
import { openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('reports.profitByDay / profitByProduct over stored lines and purchases', () => {
  it('splits a recorded purchase over its lines, leaves closed and unpaid lines out, and follows a new purchase amount', async () => {
    const dataDir = tempDir();
    const { session, db } = await openRoutineDb(dataDir);
    await seedOrderLines(db, [
      { sub: 's1', order: 'o1', status: '已完成', submitted: '2026-09-01 10:00:00', payableFen: 6000 },
      { sub: 's2', order: 'o1', status: '已完成', submitted: '2026-09-01 10:00:00', payableFen: 3000 },
      { sub: 's3', order: 'o2', status: '已完成', submitted: '2026-09-02 23:59:59', payableFen: 2000 },
      // Closed: no revenue, no cost.
      { sub: 's4', order: 'o3', status: '已关闭', submitted: '2026-09-02 12:00:00', payableFen: 9900 },
      // Not paid yet: no revenue either.
      { sub: 's5', order: 'o4', status: '待支付', submitted: '2026-09-02 13:00:00', paid: null, payableFen: 5000 },
    ]);
    const at = '2026-09-05T00:00:00.000Z';
    const purchase = async (amountFen: number) => {
      await db.deleteFrom('purchase_lines' as never).execute();
      await db.deleteFrom('purchases' as never).execute();
      await db.insertInto('purchases' as never).values({ id: 1, order_id: 'o1', amount_fen: amountFen, status: 'paid', created_at: at, updated_at: new Date().toISOString() } as never).execute();
      await db.insertInto('purchase_lines' as never).values([{ sub_order_id: 's1', purchase_id: 1 }, { sub_order_id: 's2', purchase_id: 1 }] as never).execute();
    };
    await purchase(4501);
    await session.close();

    const core = await createCore({ dataDir, log: silentLogger, clock: new ManualClock(at), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
    try {
      const byDay = await core.call('reports.profitByDay', { from: '2026-09-01', to: '2026-09-03' });
      // 45.01 split by payable 2:1, largest remainder first: 30.01 + 15.00.
      expect(byDay.days.map((d) => [d.date, d.revenueFen, d.purchaseCostFen, d.orders, d.ordersWithCost])).toEqual([
        ['2026-09-01', 9000, 4501, 1, 1],
        ['2026-09-02', 2000, 0, 1, 0],
        ['2026-09-03', 0, 0, 0, 0],
      ]);
      expect(byDay.total).toMatchObject({ orders: 2, ordersWithCost: 1, revenueFen: 11000, purchaseCostFen: 4501, profitFen: 11000 - 4501 });
      const byProduct = await core.call('reports.profitByProduct', { from: '2026-09-01', to: '2026-09-03' });
      expect(byProduct.total).toEqual(byDay.total);
      // A changed purchase amount is seen at once (the kept lines depend on the purchases too).
      const direct = await openRoutineDb(dataDir);
      await direct.db.updateTable('purchases' as never).set({ amount_fen: 3000, updated_at: '2026-09-06T00:00:00.000Z' } as never).execute();
      await direct.session.close();
      expect((await core.call('reports.profitByDay', { from: '2026-09-01', to: '2026-09-03' })).total.purchaseCostFen).toBe(3000);
      const csv = await core.call('reports.profitCsv', { from: '2026-09-01', to: '2026-09-03', by: 'day', locale: 'en-US' });
      expect(csv.rows).toBe(3);
      expect(csv.csv.split('\r\n')[1]).toBe('2026-09-01,90,30,0,0,0,0,60,1,1,missing');
      await expect(core.call('reports.profitByDay', { from: '2026-09-03', to: '2026-09-01' })).rejects.toMatchObject({ code: 'VALIDATION' });
    } finally {
      await core.close();
    }
  });
});
