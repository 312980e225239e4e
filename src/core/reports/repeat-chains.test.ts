import { describe, expect, it } from 'vitest';
import { repeatChains, type KeyedLine } from './repeat-chains';

// DOMAIN.md: "'Repeated order' = the same buyer ordered more than once". Each order remembers the
// days of its buyer's previous orders; the estimate counts from them.
const line = (buyer: string, orderId: string, at: string, productId = 'p1'): KeyedLine => ({ buyer, orderId, productId, at });

describe('repeatChains', () => {
  it.each([
    ['one order', [line('a', 'o1', '2026-08-01 10:00:00')], [['a', 'o1', '2026-08-01', [null, null, null, null, null]]]],
    [
      'orders in time order, not in the order given',
      [line('a', 'o3', '2026-08-03 09:00:00'), line('a', 'o1', '2026-08-01 10:00:00'), line('a', 'o2', '2026-08-01 23:59:59')],
      [
        ['a', 'o1', '2026-08-01', [null, null, null, null, null]],
        ['a', 'o2', '2026-08-01', ['2026-08-01', null, null, null, null]],
        ['a', 'o3', '2026-08-03', ['2026-08-01', '2026-08-01', null, null, null]],
      ],
    ],
    [
      'the same time: by order number',
      [line('a', 'o9', '2026-08-01 10:00:00'), line('a', 'o2', '2026-08-01 10:00:00')],
      [
        ['a', 'o2', '2026-08-01', [null, null, null, null, null]],
        ['a', 'o9', '2026-08-01', ['2026-08-01', null, null, null, null]],
      ],
    ],
    [
      'two lines of one order are one order; buyers apart',
      [line('a', 'o1', '2026-08-01 10:00:00', 'p1'), line('a', 'o1', '2026-08-01 10:00:00', 'p2'), line('b', 'o2', '2026-08-02 10:00:00')],
      [
        ['a', 'o1', '2026-08-01', [null, null, null, null, null]],
        ['b', 'o2', '2026-08-02', [null, null, null, null, null]],
      ],
    ],
    [
      'only five previous orders are remembered',
      ['01', '02', '03', '04', '05', '06', '07'].map((d, i) => line('a', `o${i}`, `2026-08-${d} 08:00:00`)),
      [
        ['a', 'o0', '2026-08-01', [null, null, null, null, null]],
        ['a', 'o1', '2026-08-02', ['2026-08-01', null, null, null, null]],
        ['a', 'o2', '2026-08-03', ['2026-08-02', '2026-08-01', null, null, null]],
        ['a', 'o3', '2026-08-04', ['2026-08-03', '2026-08-02', '2026-08-01', null, null]],
        ['a', 'o4', '2026-08-05', ['2026-08-04', '2026-08-03', '2026-08-02', '2026-08-01', null]],
        ['a', 'o5', '2026-08-06', ['2026-08-05', '2026-08-04', '2026-08-03', '2026-08-02', '2026-08-01']],
        ['a', 'o6', '2026-08-07', ['2026-08-06', '2026-08-05', '2026-08-04', '2026-08-03', '2026-08-02']],
      ],
    ],
  ] as const)('%s', (_name, lines, want) => {
    const { orders } = repeatChains(lines);
    expect(orders.map((o) => [o.buyer, o.orderId, o.day, o.prev])).toEqual(want);
  });

  it('per product: the previous orders of that buyer that hold the product', () => {
    const { products } = repeatChains([
      line('a', 'o1', '2026-08-01 10:00:00', 'p1'),
      line('a', 'o2', '2026-08-02 10:00:00', 'p2'),
      line('a', 'o3', '2026-08-03 10:00:00', 'p1'),
      line('a', 'o4', '2026-08-04 10:00:00', 'p1'),
      line('a', 'o4', '2026-08-04 10:00:00', 'p2'),
    ]);
    expect(products.map((p) => [p.productId, p.orderId, p.prev])).toEqual([
      ['p1', 'o1', [null, null]],
      ['p1', 'o3', ['2026-08-01', null]],
      ['p1', 'o4', ['2026-08-03', '2026-08-01']],
      ['p2', 'o2', [null, null]],
      ['p2', 'o4', ['2026-08-02', null]],
    ]);
  });
});
