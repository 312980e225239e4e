import { describe, expect, it } from 'vitest';
import { linkByOrder, ordersToLink, unmatchedMovements } from './link-by-order';
import type { Movement } from './money-facts';

/*
 * DOUYIN_EXPORTS.md §1.3: "Their 子订单号 joins to 子订单编号. Their 订单号 joins to 主订单编号, used
 * only when 子订单号 is blank." §4.1: "订单号 can be a parent order number that returns several
 * sub-order rows."
 */
const move = (key: string, subOrderId: string | null, orderId: string | null, kind: Movement['kind'] = 'settlement', amountFen = 1000): Movement => ({
  source: 'funds',
  key,
  subOrderId,
  orderId,
  on: '2026-08-30',
  kind,
  amountFen,
  grossFen: 0,
  platformFeeFen: 0,
  commissionFen: 0,
  otherFeesFen: 0,
  hasInfluencer: false,
});
const LINES = new Map([
  ['O1', ['S1']],
  ['O2', ['S2a', 'S2b']],
]);

describe('linkByOrder', () => {
  it.each([
    ['a 子订单号 is kept as it is', move('f1', 'S9', 'O1'), { subOrderId: 'S9' }],
    ['blank 子订单号, the order has one line: that line', move('f2', null, 'O1'), { subOrderId: 'S1' }],
    ['blank 子订单号, the order has two lines: unlinked', move('f3', null, 'O2'), { subOrderId: null, unlinked: 'severalLines' }],
    ['blank 子订单号, the order is not imported: unlinked', move('f4', null, 'O3'), { subOrderId: null, unlinked: 'noLine' }],
    ['no order at all (a withdrawal): left alone', move('f5', null, null, 'other'), { subOrderId: null }],
  ] as const)('%s', (_name, m, expected) => {
    const [linked] = linkByOrder([m], LINES);
    expect(linked).toMatchObject(expected);
    if (!('unlinked' in expected)) expect(linked?.unlinked).toBeUndefined();
  });

  it('asks only for the orders of rows with a blank 子订单号', () => {
    expect(ordersToLink([move('a', 'S1', 'O1'), move('b', null, 'O2'), move('c', null, 'O2'), move('d', null, null)])).toEqual(['O2']);
  });
});

describe('unmatchedMovements: listed with their amount, never dropped', () => {
  it('counts settlement and refund rows no line took, from the funds flow when there is one', () => {
    const funds = linkByOrder([move('f1', null, 'O1'), move('f2', null, 'O2', 'settlement', 2500), move('f3', null, 'O3', 'refund', -800), move('f4', null, 'O4', 'other', -50)], LINES);
    const bill = [{ ...move('b1', null, 'O2'), source: 'bill' as const, unlinked: 'severalLines' as const }];
    expect(unmatchedMovements(funds, bill)).toEqual({
      rows: 2,
      amountFen: 1700,
      items: [
        { source: 'funds', key: 'f2', orderId: 'O2', on: '2026-08-30', kind: 'settlement', amountFen: 2500, reason: 'severalLines' },
        { source: 'funds', key: 'f3', orderId: 'O3', on: '2026-08-30', kind: 'refund', amountFen: -800, reason: 'noLine' },
      ],
    });
    expect(unmatchedMovements([], bill)).toMatchObject({ rows: 1, amountFen: 1000 });
  });
});
