import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { AdjustableClock } from '../../src/shared/clock';
import { FUNDS_39, LAYOUT_A, cellsFor, fundsRows, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * DOUYIN_EXPORTS.md §1.3: "Fund-flow and settlement files link to orders as follows: Their 子订单号
 * joins to 子订单编号. Their 订单号 joins to 主订单编号, used only when 子订单号 is blank." §4.1:
 * "订单号 can be a parent order number that returns several sub-order rows." A row with a blank
 * 子订单号 takes its order's line when the order has one; otherwise it is listed as "未能对应到订单行"
 * with its amount, never dropped.
 */
const tempDir = useTempDirs();
const [a, b1, c] = take(orderLines({ seed: 41 }), 60).filter((l) => l.subOrderId === l.orderId);
const done = (l: OrderLine): OrderLine => ({ ...l, status: '已完成', shippedAt: '2026-08-20 10:00:00', completedAt: '2026-08-25 10:00:00', aftersaleStatus: null, payableFen: 10000 });
const single = done(a!);
const twoLines = [done(b1!), { ...done(b1!), subOrderId: (BigInt(b1!.orderId) + 1n).toString() }];
const notImported = done(c!);

describe('funds-flow rows with a blank 子订单号', () => {
  it('link by 订单号 when the order has one line; the others are listed with their amount', async () => {
    const dir = tempDir();
    const orders = join(dir, '1788000000_orders.csv');
    writeFileSync(orders, toCsv([LAYOUT_A, ...[single, ...twoLines].map((l) => cellsFor(LAYOUT_A, orderCells(l)))]));
    const sub = FUNDS_39.indexOf('子订单号');
    const rows = fundsRows([single, twoLines[0]!, notImported], FUNDS_39, 7).map((r, i) => (i < 3 ? r.map((cell, j) => (j === sub ? '-' : cell)) : r));
    const funds = join(dir, 'funds.csv');
    writeFileSync(funds, toCsv([FUNDS_39, ...rows]));
    const clock = new AdjustableClock();
    clock.set(new Date('2026-09-20T10:00:00+08:00'));
    const core = await createCore({ dataDir: tempDir(), log: silentLogger, clock });
    for (const [i, path] of [orders, funds].entries()) {
      const [outcome] = await core.call('imports.run', { jobId: `link-by-order-${i}`, sources: [{ type: 'path', path }] });
      expect(outcome).toMatchObject({ refused: false });
    }
    const summary = await core.call('money.reconciliation', {});
    // The single-line order's row settled its line (10000 less a 5 % fee = 9500 fen).
    const page = await core.call('money.reconciliationLines', { list: 'all', offset: 0, limit: 10 });
    expect(page.lines.find((l) => l.subOrderId === single.subOrderId)).toMatchObject({ status: 'settled', actualFen: 9500 });
    expect(page.lines.filter((l) => l.orderId === twoLines[0]!.orderId).map((l) => l.actualFen)).toEqual([0, 0]);
    expect(summary.unmatched).toEqual({
      rows: 2,
      amountFen: 19000,
      items: [
        expect.objectContaining({ source: 'funds', orderId: twoLines[0]!.orderId, kind: 'settlement', amountFen: 9500, reason: 'severalLines' }),
        expect.objectContaining({ source: 'funds', orderId: notImported.orderId, kind: 'settlement', amountFen: 9500, reason: 'noLine' }),
      ],
    });
    await core.close();
  });
});
