import { describe, expect, it } from 'vitest';
import { barOf, chinaDayOf, monthStarts } from './model';

describe('campaign timeline', () => {
  it.each([
    ['a whole year', '2026-01-01', '2026-12-31', { left: 0, width: 100 }],
    ['one day, the first', '2026-01-01', '2026-01-01', { left: 0, width: 100 / 365 }],
    ['clipped at the start of the year', '2025-12-20', '2026-01-10', { left: 0, width: (10 / 365) * 100 }],
    ['clipped at its end', '2026-12-30', '2027-01-05', { left: (363 / 365) * 100, width: (2 / 365) * 100 }],
  ])('%s', (_name, from, to, bar) => {
    const got = barOf(from, to, 2026);
    expect(got?.left).toBeCloseTo(bar.left, 10);
    expect(got?.width).toBeCloseTo(bar.width, 10);
  });

  it('misses another year', () => {
    expect(barOf('2025-05-01', '2025-06-18', 2026)).toBeNull();
  });

  it('months start where their first day does (a leap year has 366 days)', () => {
    expect(monthStarts(2028)[2]).toBeCloseTo((60 / 366) * 100, 10);
    expect(monthStarts(2026)).toHaveLength(12);
  });

  it('reads the day in China time', () => {
    expect(chinaDayOf('2026-05-14T16:00:00.000Z')).toBe('2026-05-15');
    expect(chinaDayOf('2026-05-14T15:59:59.000Z')).toBe('2026-05-14');
  });
});
