import { describe, expect, it } from 'vitest';
import { summariseRepeatBuyers, type RepeatLine } from './repeat-buyers-summary';

// DOMAIN.md: "'Repeated order' = the same buyer ordered more than once: a repurchase signal; such
// products are candidates to push and give to influencers."
const line = (orderId: string, buyer: string | null, productId: string | null = 'p1'): RepeatLine => ({ orderId, buyer, productId });

describe('summariseRepeatBuyers', () => {
  it('counts nothing over no lines', () => {
    expect(summariseRepeatBuyers([], 10)).toEqual({
      orders: 0,
      keyedOrders: 0,
      buyers: 0,
      repeatBuyers: 0,
      repeatOrders: 0,
      repeatBuyerSharePct: 0,
      repeatOrderSharePct: 0,
      distribution: [1, 2, 3, 4, 5].map((orders) => ({ orders, buyers: 0 })),
      products: [],
    });
  });

  it.each([
    // name, lines, buyers, repeat buyers, repeat orders, buyer share, order share
    ['one order each', [line('o1', 'a'), line('o2', 'b')], 2, 0, 0, 0, 0],
    ['two orders of one buyer', [line('o1', 'a'), line('o2', 'a'), line('o3', 'b')], 2, 1, 2, 50, 66.7],
    ['two lines of one order are one order', [line('o1', 'a', 'p1'), line('o1', 'a', 'p2'), line('o2', 'b')], 2, 0, 0, 0, 0],
    ['three buyers, one with three orders', [line('o1', 'a'), line('o2', 'a'), line('o3', 'a'), line('o4', 'b'), line('o5', 'c')], 3, 1, 3, 33.3, 60],
  ])('%s', (_name, lines, buyers, repeatBuyers, repeatOrders, buyerShare, orderShare) => {
    expect(summariseRepeatBuyers(lines, 10)).toMatchObject({ buyers, repeatBuyers, repeatOrders, repeatBuyerSharePct: buyerShare, repeatOrderSharePct: orderShare });
  });

  it('counts lines without a key in the orders only, so the screen can say how much is covered', () => {
    const result = summariseRepeatBuyers([line('o1', 'a'), line('o2', 'a'), line('o3', null), line('o4', null)], 10);
    expect(result).toMatchObject({ orders: 4, keyedOrders: 2, buyers: 1, repeatBuyers: 1, repeatOrderSharePct: 100 });
  });

  it('puts buyers of five or more orders in the last bucket', () => {
    const lines = [...['o1', 'o2', 'o3', 'o4', 'o5', 'o6'].map((o) => line(o, 'a')), line('o7', 'b'), line('o8', 'c'), line('o9', 'c')];
    expect(summariseRepeatBuyers(lines, 10).distribution).toEqual([
      { orders: 1, buyers: 1 },
      { orders: 2, buyers: 1 },
      { orders: 3, buyers: 0 },
      { orders: 4, buyers: 0 },
      { orders: 5, buyers: 1 },
    ]);
  });

  it('per product: a repeat buyer ordered that product twice; ranked by repeat buyers, then buyers, then ID; top N', () => {
    const lines = [
      // p1: a twice, b once → 1 of 2.
      line('o1', 'a', 'p1'), line('o2', 'a', 'p1'), line('o3', 'b', 'p1'),
      // p2: c twice, d twice → 2 of 2.
      line('o4', 'c', 'p2'), line('o5', 'c', 'p2'), line('o6', 'd', 'p2'), line('o7', 'd', 'p2'),
      // p3: a once and p1 once in other orders — a repeat buyer of the shop, not of p3.
      line('o8', 'e', 'p3'), line('o9', 'e', 'p4'),
      // p0: one repeat buyer of one buyer (fewer buyers than p1, so after it).
      line('o10', 'f', 'p0'), line('o11', 'f', 'p0'),
    ];
    const { products, repeatBuyers } = summariseRepeatBuyers(lines, 10);
    expect(repeatBuyers).toBe(5);
    expect(products).toEqual([
      { productId: 'p2', buyers: 2, repeatBuyers: 2, repeatSharePct: 100 },
      { productId: 'p1', buyers: 2, repeatBuyers: 1, repeatSharePct: 50 },
      { productId: 'p0', buyers: 1, repeatBuyers: 1, repeatSharePct: 100 },
    ]);
    expect(summariseRepeatBuyers(lines, 2).products.map((p) => p.productId)).toEqual(['p2', 'p1']);
  });

  it('keeps lines without a 商品ID under the empty product', () => {
    expect(summariseRepeatBuyers([line('o1', 'a', null), line('o2', 'a', null)], 10).products).toEqual([{ productId: '', buyers: 1, repeatBuyers: 1, repeatSharePct: 100 }]);
  });
});
