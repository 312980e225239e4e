import { describe, expect, it } from 'vitest';
import { changePct, periodEnd, periodsBetween, periodStart, sharePct, shiftPeriod, yearAgo } from './periods';

describe('periods over China dates', () => {
  it.each([
    // 2026-08-03 is a Monday, 2026-08-09 the Sunday of its week.
    ['2026-08-09', 'week', '2026-08-03'],
    ['2026-08-03', 'week', '2026-08-03'],
    ['2026-08-10', 'week', '2026-08-10'],
    // A week across a month and a year boundary starts in the old one.
    ['2027-01-01', 'week', '2026-12-28'],
    ['2026-08-31', 'month', '2026-08-01'],
    ['2026-08-31', 'day', '2026-08-31'],
  ] as const)('%s in its %s starts %s', (date, g, start) => expect(periodStart(date, g)).toBe(start));

  it.each([
    ['2026-08-03', 'week', -1, '2026-07-27'],
    ['2026-01-01', 'month', -1, '2025-12-01'],
    ['2026-12-01', 'month', 1, '2027-01-01'],
    ['2026-03-01', 'day', -1, '2026-02-28'],
  ] as const)('%s shifted by one %s (%i) is %s', (start, g, n, out) => expect(shiftPeriod(start, g, n)).toBe(out));

  it('ends, lists and goes back a year', () => {
    expect(periodEnd('2026-02-01', 'month')).toBe('2026-02-28');
    expect(periodEnd('2026-08-03', 'week')).toBe('2026-08-09');
    expect(periodsBetween('2026-08-05', '2026-08-18', 'week')).toEqual(['2026-08-03', '2026-08-10', '2026-08-17']);
    expect(yearAgo('2028-02-29', 'day')).toBe('2027-02-28');
    expect(yearAgo('2026-08-03', 'week')).toBe('2025-08-04');
    expect(yearAgo('2026-08-01', 'month')).toBe('2025-08-01');
  });
});

describe('环比 and shares', () => {
  // Seed 002's table: "7月1日-7月7日 | 5000 | +12% | 直播带货带动销量", "7月8日-7月15日 | 4800 | -4% | 活动结束,热度下降".
  it.each([
    [4800, 5000, -4],
    [5600, 5000, 12],
    [1, 3, -66.7],
    [2, 3, -33.3],
    [10, 0, null],
    [0, 0, null],
    [5, null, null],
    [5, 5, 0],
    // Half away from zero: +0.15 % → +0.2, −0.15 % → −0.2.
    [20030, 20000, 0.2],
    [19970, 20000, -0.2],
  ])('%i after %s → %s', (current, previous, pct) => expect(changePct(current, previous)).toBe(pct));

  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [0, 0, 0],
    [3000, 5000, 60],
  ])('%i of %i is %s %%', (part, whole, pct) => expect(sharePct(part, whole)).toBe(pct));
});
