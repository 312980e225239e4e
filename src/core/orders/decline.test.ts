import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/china-time';
import { detectDecline } from './decline';

const series = (...orders: number[]) => orders.map((n, i) => ({ date: addDays('2026-09-01', i), orders: n, amountFen: n * 1000 }));

describe('detectDecline: three or more days down in a row', () => {
  it.each([
    ['three falls in a row', series(10, 8, 6, 5), { days: 3, from: '2026-09-01', to: '2026-09-04', firstOrders: 10, lastOrders: 5 }],
    ['four falls', series(12, 10, 8, 6, 5), { days: 4, from: '2026-09-01', to: '2026-09-05', firstOrders: 12, lastOrders: 5 }],
    ['two falls are noise', series(10, 8, 6), null],
    ['a flat day breaks the run', series(10, 8, 8, 6, 5), null],
    ['a rise at the end means no alert', series(10, 8, 6, 5, 7), null],
    ['down to zero counts', series(3, 2, 1, 0), { days: 3, from: '2026-09-01', to: '2026-09-04', firstOrders: 3, lastOrders: 0 }],
    ['empty', series(), null],
  ])('%s', (_name, input, expected) => {
    expect(detectDecline(input)).toEqual(expected);
  });
});
