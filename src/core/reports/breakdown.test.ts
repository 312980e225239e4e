import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYTICS_SETTINGS } from './analytics-notes';
import { flagOf } from './breakdown';

// Seed 002: "某款T恤一周内产生3000笔订单,占总量60%——可加大推广力度;" and
// "某款收纳盒仅产生200笔订单,占4%——考虑下架或重新包装。" — a large, rising share is the likely hit, a
// falling one the likely drop; the thresholds are the seller's (defaults 20 % share, +10 %, −30 %, ≥ 10 orders).
describe('hit and drop flags', () => {
  it.each([
    ['the T-shirt: 60 %, up from 2,500', { share: 60, orders: 3000, previousOrders: 2500 }, 'hit'],
    ['a large share that did not rise enough', { share: 60, orders: 3000, previousOrders: 2900 }, null],
    ['a large share from nothing', { share: 25, orders: 50, previousOrders: 0 }, 'hit'],
    ['a small share that rose', { share: 4, orders: 200, previousOrders: 100 }, null],
    ['the storage box: 4 %, down from 400', { share: 4, orders: 200, previousOrders: 400 }, 'drop'],
    ['a fall of exactly 30 %', { share: 4, orders: 70, previousOrders: 100 }, 'drop'],
    ['a fall of 29 %', { share: 4, orders: 71, previousOrders: 100 }, null],
    ['too few orders before to call it', { share: 1, orders: 0, previousOrders: 9 }, null],
    ['nothing sold since', { share: 0, orders: 0, previousOrders: 10 }, 'drop'],
  ] as const)('%s', (_name, row, flag) => expect(flagOf(row, DEFAULT_ANALYTICS_SETTINGS)).toBe(flag));

  it('follows edited thresholds', () => {
    const strict = { ...DEFAULT_ANALYTICS_SETTINGS, hitSharePercent: 70 };
    expect(flagOf({ share: 60, orders: 3000, previousOrders: 2500 }, strict)).toBeNull();
  });
});
