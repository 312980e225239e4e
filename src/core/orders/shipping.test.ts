import { describe, expect, it } from 'vitest';
import { classifyShipping, countLines, groupByOrder, shipByOf } from './shipping';

const line = (promisedShipAt: string | null, paidAt: string | null = null, submittedAt: string | null = null) => ({ promisedShipAt, paidAt, submittedAt });

describe('shipByOf', () => {
  it.each([
    ['承诺发货时间 when present', line('2026-09-11 20:00:00', '2026-09-10 08:00:00'), '2026-09-11T12:00:00.000Z'],
    ['paid + 48 h when absent', line(null, '2026-09-10 08:00:00'), '2026-09-12T00:00:00.000Z'],
    ['submitted + 48 h without a payment time', line(null, null, '2026-09-10 08:00:00'), '2026-09-12T00:00:00.000Z'],
    ['a placeholder is no time', line('-', '2026-09-10 08:00:00'), '2026-09-12T00:00:00.000Z'],
  ])('%s', (_name, input, expected) => {
    expect(shipByOf(input)?.toISOString()).toBe(expected);
  });

  it('is null when the export gave no time at all', () => {
    expect(shipByOf(line(null))).toBeNull();
  });
});

describe('classifyShipping (the `shopdesk today` windows)', () => {
  const now = new Date('2026-09-10T04:00:00.000Z');
  const lines = [
    { id: 'a', shipBy: new Date('2026-09-10T03:59:59.000Z') },
    { id: 'b', shipBy: new Date('2026-09-10T04:00:00.000Z') },
    { id: 'c', shipBy: new Date('2026-09-10T04:00:01.000Z') },
    { id: 'd', shipBy: new Date('2026-09-11T04:00:00.000Z') },
    { id: 'e', shipBy: new Date('2026-09-11T04:00:01.000Z') },
    { id: 'f', shipBy: null },
  ];
  it('overdue: at or before now; within: after now and at most 24 h later', () => {
    const { within, overdue } = classifyShipping(lines, now, 24);
    expect(overdue.map((l) => l.id)).toEqual(['a', 'b']);
    expect(within.map((l) => l.id)).toEqual(['c', 'd']);
  });
});

describe('grouping', () => {
  it('counts orders and lines, and groups lines by order with the earliest ship-by first', () => {
    const lines = [
      { orderId: 'o2', shipBy: new Date('2026-09-11T00:00:00Z'), productTitle: 'B' },
      { orderId: 'o1', shipBy: new Date('2026-09-12T00:00:00Z'), productTitle: 'A' },
      { orderId: 'o1', shipBy: new Date('2026-09-10T00:00:00Z'), productTitle: null },
      { orderId: 'o3', shipBy: null, productTitle: 'C' },
    ];
    expect(countLines(lines)).toEqual({ orders: 3, lines: 4 });
    expect(groupByOrder(lines).map((o) => [o.orderId, o.lines, o.shipBy?.toISOString() ?? null, o.productTitle])).toEqual([
      ['o1', 2, '2026-09-10T00:00:00.000Z', 'A'],
      ['o2', 1, '2026-09-11T00:00:00.000Z', 'B'],
      ['o3', 1, null, 'C'],
    ]);
  });
});
