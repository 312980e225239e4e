import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { china, openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const AT = '2026-09-10T12:00:00+08:00';
const O1 = '6938412705519823461';
const O2 = '6938412705519823462';
const O3 = '6938412705519823463';

async function shop(): Promise<string> {
  const dataDir = tempDir();
  const { session, db } = await openRoutineDb(dataDir);
  await seedOrderLines(db, [
    // Overdue: promised 08:00 today.
    { sub: O1, order: O1, status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 08:00:00', title: '加厚保温杯 500ml' },
    { sub: '6938412705519823471', order: O1, status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 08:00:00', title: '赠品杯套', payableFen: 0 },
    // Due within 24 h, refund asked before shipping.
    { sub: O2, order: O2, status: '备货中', submitted: '2026-09-09 10:00:00', promised: '2026-09-11 08:00:00', aftersale: '售后待处理' },
    // Shipped: in no shipping queue.
    { sub: O3, order: O3, status: '已发货', submitted: '2026-09-01 10:00:00', promised: '2026-09-03 08:00:00' },
  ]);
  await session.close();
  return dataDir;
}

const json = async (dataDir: string, ...args: string[]) => {
  const r = await cli(dataDir, 'orders', ...args, '--at', AT, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { total: { orders: number; lines: number }; orders: { mainOrderId: string }[] };
};

describe('shopdesk orders', () => {
  it('keeps the documented JSON shape, in ship-by order', async () => {
    const dataDir = await shop();
    expect(await json(dataDir)).toEqual({
      total: { orders: 3, lines: 4 },
      orders: [
        {
          mainOrderId: O3,
          shipBy: china('2026-09-03 08:00').toISOString(),
          purchaseStatus: null,
          lines: [{ subOrderId: O3, product: '保温杯', quantity: null, amountFen: 2990, status: '已发货', afterSaleStatus: '-' }],
        },
        {
          mainOrderId: O1,
          shipBy: china('2026-09-10 08:00').toISOString(),
          purchaseStatus: 'pending',
          lines: [
            { subOrderId: O1, product: '加厚保温杯 500ml', quantity: null, amountFen: 2990, status: '待发货', afterSaleStatus: '-' },
            { subOrderId: '6938412705519823471', product: '赠品杯套', quantity: null, amountFen: 0, status: '待发货', afterSaleStatus: '-' },
          ],
        },
        {
          mainOrderId: O2,
          shipBy: china('2026-09-11 08:00').toISOString(),
          purchaseStatus: null,
          lines: [{ subOrderId: O2, product: '保温杯', quantity: null, amountFen: 2990, status: '备货中', afterSaleStatus: '售后待处理' }],
        },
      ],
    });
  });

  it("--overdue and --due-within 24 are Today's queues: every order in one is counted by the other", async () => {
    const dataDir = await shop();
    const today = JSON.parse((await cli(dataDir, 'today', '--at', AT, '--json')).stdout) as { queues: Record<string, { orders: number; lines: number }> };
    const overdue = await json(dataDir, '--overdue');
    const due = await json(dataDir, '--due-within', '24');
    expect(overdue.total).toEqual(today.queues.shipOverdue);
    expect(due.total).toEqual(today.queues.shipWithin24h);
    expect(overdue.orders.map((o) => o.mainOrderId)).toEqual([O1]);
    // O2 is due within 24 h but its buyer asked for a refund (售后待处理): its own queue, not due (issue 10).
    expect(due.orders.map((o) => o.mainOrderId)).toEqual([]);
    expect((await json(dataDir, '--refund-before-ship')).orders.map((o) => o.mainOrderId)).toEqual([O2]);
    expect((await json(dataDir, '--refund-before-ship')).total).toEqual(today.queues.refundBeforeShip);
  });

  it('filters by status and search (a pasted TAB is fine), limits but counts all', async () => {
    const dataDir = await shop();
    expect((await json(dataDir, '--status', '已发货')).orders.map((o) => o.mainOrderId)).toEqual([O3]);
    expect((await json(dataDir, '--search', `\t${O2}`)).orders.map((o) => o.mainOrderId)).toEqual([O2]);
    expect((await json(dataDir, '--search', '加厚')).orders.map((o) => o.mainOrderId)).toEqual([O1]);
    const limited = await json(dataDir, '--limit', '1');
    expect(limited.total).toEqual({ orders: 3, lines: 4 });
    expect(limited.orders).toHaveLength(1);
  });

  it('--supplier and --purchase-status: the purchase a line is in; pending takes the lines not bought yet', async () => {
    const dataDir = await shop();
    const core = await createCore({ dataDir, log: silentLogger });
    const supplier = await core.call('suppliers.create', { name: '义乌榨汁杯厂' });
    await core.call('purchases.assignSupplier', { orderIds: [O1], supplierId: supplier.id });
    await core.close();
    expect((await json(dataDir, '--purchase-status', 'pending')).orders.map((o) => o.mainOrderId)).toEqual([O1]);
    const again = await createCore({ dataDir, log: silentLogger });
    await again.call('purchases.move', { orderIds: [O1], to: 'ordered' });
    await again.close();
    const bySupplier = await json(dataDir, '--supplier', String(supplier.id));
    expect(bySupplier.total).toEqual({ orders: 1, lines: 2 });
    expect(bySupplier.orders).toMatchObject([{ mainOrderId: O1, purchaseStatus: 'ordered' }]);
    expect((await json(dataDir, '--purchase-status', 'ordered', '--overdue')).orders.map((o) => o.mainOrderId)).toEqual([O1]);
    // O2's buyer asked for a refund: not to buy, so not 待采购; nothing else is.
    expect((await json(dataDir, '--purchase-status', 'pending')).total).toEqual({ orders: 0, lines: 0 });
    expect((await json(dataDir, '--supplier', String(supplier.id + 1))).total).toEqual({ orders: 0, lines: 0 });
  });

  it('prints text in both languages', async () => {
    const dataDir = await shop();
    const zh = await cli(dataDir, 'orders', '--at', AT);
    expect(zh.stdout).toContain('共 3 单（4 行）符合条件');
    const en = await cli(dataDir, 'orders', '--lang', 'en', '--at', AT, '--overdue');
    expect(en.stdout).toContain('1 orders (2 lines) match');
  });

  it.each([
    [['--due-within', 'soon'], '--due-within'],
    [['--due-within', '0'], '--due-within'],
    [['--limit', '0'], '--limit'],
    [['--from', '2026/09/01'], '--from'],
    [['--from', '2026-09-02', '--to', '2026-09-01'], '--to'],
    [['--overdue', '--refund-before-ship'], '--overdue'],
    [['--influencer', 'abc'], '--influencer'],
    [['--province', '火星'], 'province'],
    [['--at', 'tomorrow'], '--at'],
    [['--supplier', 'abc'], '--supplier'],
    [['--supplier', '0'], '--supplier'],
    [['--purchase-status', 'bought'], '--purchase-status'],
  ])('refuses %j with exit 2 naming the flag', async (args, flag) => {
    const dataDir = await shop();
    const r = await cli(dataDir, 'orders', ...args);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(flag);
    const en = await cli(dataDir, '--lang', 'en', 'orders', ...args);
    expect(en.code).toBe(2);
    expect(en.stderr).not.toBe(r.stderr);
  });
});
