import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { AdjustableClock } from '../../src/shared/clock';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * DOUYIN_EXPORTS.md §3.2 (售后状态) "Classification (S2): Done, money kept: 售后关闭, 售后已拒绝,
 * 换货成功, 补寄成功. Still open: 待收退货, 待退货, 售后待处理. Money returned: 退款成功." A paid,
 * unshipped line whose request is open or refunded is not to be bought or shipped: its own queue
 * "买家已申请退款：先别采购". §3.1: "Expect these: 待支付, 已支付, 备货中 or 待发货, 部分发货, 已发货 …" —
 * a 部分发货 order's line without its own 发货时间 (§1.4 "发货时间 | Shipped | datetime or `-`") still
 * has to ship. Today, the reminders and money's "售后处理中或未发货" read one definition.
 */
const tempDir = useTempDirs();
const base = take(orderLines({ seed: 303 }), 1)[0]!;
let n = 0;
const line = (over: Partial<OrderLine>): OrderLine => {
  n += 1;
  const id = (6938412705519823000n + BigInt(n * 10)).toString();
  return { ...base, orderId: id, subOrderId: id, payableFen: 5900, unitPriceFen: 5900, promisedAt: '2026-08-05 10:00:00', paidAt: '2026-08-03 10:00:00', submittedAt: '2026-08-03 09:59:00', completedAt: null, shippedAt: null, aftersaleStatus: null, cancelReason: null, status: '待发货', ...over };
};

const LINES = {
  toShip: line({}),
  pending: line({ aftersaleStatus: '售后待处理' }),
  refunding: line({ aftersaleStatus: '退款中' }),
  refunded: line({ status: '备货中', aftersaleStatus: '退款成功' }),
  closedRequest: line({ aftersaleStatus: '售后关闭' }),
  refundFailed: line({ aftersaleStatus: '同意退款，退款失败' }),
  shippedOpen: line({ status: '已发货', shippedAt: '2026-08-04 09:00:00', aftersaleStatus: '售后待处理' }),
};
// One 部分发货 order: its first line shipped, its second not.
const partialShipped = line({ status: '部分发货', shippedAt: '2026-08-04 09:00:00' });
const partialUnshipped = { ...partialShipped, subOrderId: (BigInt(partialShipped.orderId) + 1n).toString(), shippedAt: null };
const ALL = [...Object.values(LINES), partialShipped, partialUnshipped];

async function imported(at: string) {
  const dataDir = tempDir();
  const file = join(tempDir(), '1786100000_refunds.csv');
  writeFileSync(file, toCsv([LAYOUT_A, ...ALL.map((l) => cellsFor(LAYOUT_A, orderCells(l)))]));
  const clock = new AdjustableClock();
  clock.set(new Date(at));
  const core = await createCore({ dataDir, log: silentLogger, clock });
  const [outcome] = await core.call('imports.run', { jobId: 'refund-before-ship', sources: [{ type: 'path', path: file }] });
  expect(outcome).toMatchObject({ refused: false, inserted: ALL.length });
  return { core, dataDir };
}

describe('a paid line whose buyer asked for a refund is not to be bought', () => {
  it('is its own queue, out of 24 h / overdue / to purchase; the partly shipped order’s unshipped line is in them', async () => {
    const { core, dataDir } = await imported('2026-08-05T09:00:00+08:00');
    const { queues, blocks } = await core.call('routine.today', {});
    // To ship: toShip, closedRequest, refundFailed (money kept) and the 部分发货 order's unshipped line.
    const toShip = { orders: 4, lines: 4 };
    expect(queues.toPurchase).toEqual(toShip);
    expect(queues.shipWithin24h).toEqual(toShip);
    expect(queues.shipOverdue).toEqual({ orders: 0, lines: 0 });
    expect(queues.refundBeforeShip).toEqual({ orders: 3, lines: 3 });
    // Open: pending, refunding, shippedOpen (同意退款，退款失败 ended with the money kept).
    expect(queues.afterSalesOpen).toBe(3);
    const ordersBlock = blocks.find((b) => b.queue?.source === 'orders');
    expect(ordersBlock?.queue?.items.find((i) => i.id === 'refundBeforeShip')).toMatchObject({ count: 3, lines: 3 });
    expect(ordersBlock?.queue?.rows.map((r) => r.key).sort()).toEqual([LINES.toShip, LINES.closedRequest, LINES.refundFailed, partialUnshipped].map((l) => l.orderId).sort());

    // Money's "售后处理中或未发货": the lines to ship plus the open requests; the refunded one is dropped.
    const forecast = await core.call('money.forecast', {});
    expect(forecast.waiting.lines).toBe(queues.toPurchase.lines + queues.afterSalesOpen);
    await core.close();

    const json = JSON.parse((await cli(dataDir, 'today', '--json', '--at', '2026-08-05T09:00:00+08:00')).stdout) as { queues: Record<string, unknown> };
    expect(json.queues.refundBeforeShip).toEqual({ orders: 3, lines: 3 });
    expect(json.queues.toPurchase).toEqual(toShip);
    const text = await cli(dataDir, 'today', '--lang', 'en', '--at', '2026-08-05T09:00:00+08:00');
    expect(text.stdout).toContain('Refund requested: do not purchase');
    expect(text.stdout).toContain('3 orders (3 lines)');
  });
});
