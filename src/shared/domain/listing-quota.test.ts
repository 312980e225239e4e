import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTA, listingHeatmap, listingStreak, nextSlot, quotaState, validateQuota } from './listing-quota';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('listing quota', () => {
  it('accepts the default and refuses bad ranges and slots', () => {
    expect(validateQuota(DEFAULT_QUOTA)).toEqual([]);
    expect(validateQuota({ ...DEFAULT_QUOTA, min: 31 })).toHaveLength(1);
    expect(validateQuota({ ...DEFAULT_QUOTA, slots: [{ time: '9:00', count: 3 }] })).toHaveLength(1);
    expect(validateQuota({ ...DEFAULT_QUOTA, slots: [{ time: '09:00', count: 6 }] })).toHaveLength(1);
    expect(validateQuota({ ...DEFAULT_QUOTA, slots: [{ time: '09:00', count: 3 }, { time: '09:00', count: 3 }] })).toHaveLength(1);
  });

  it.each([
    [0, 'below'],
    [9, 'below'],
    [10, 'met'],
    [30, 'met'],
    [31, 'over'],
  ] as const)('%i listed → %s', (n, state) => expect(quotaState(n, DEFAULT_QUOTA)).toBe(state));

  it.each([
    ['08:00', '09:00'],
    ['09:00', '09:00'],
    ['12:01', '20:00'],
    ['20:01', null],
  ])('next slot at %s is %s', (clock, time) => expect(nextSlot(DEFAULT_QUOTA.slots, clock)?.time ?? null).toBe(time));
});

describe('streak and heatmap over China days', () => {
  it('lists the days oldest first, across a month end', () => {
    const map = listingHeatmap(counts({ '2026-02-28': 12, '2026-03-01': 3 }), '2026-03-01', 3, 10);
    expect(map).toEqual([
      { date: '2026-02-27', count: 0, met: false },
      { date: '2026-02-28', count: 12, met: true },
      { date: '2026-03-01', count: 3, met: false },
    ]);
  });

  it.each([
    ['today not met yet keeps yesterday’s run', { '2026-05-01': 10, '2026-05-02': 11, '2026-05-03': 2 }, '2026-05-03', { current: 2, best: 2 }],
    ['today met extends it', { '2026-05-01': 10, '2026-05-02': 11, '2026-05-03': 10 }, '2026-05-03', { current: 3, best: 3 }],
    ['a missed day breaks it', { '2026-05-01': 10, '2026-05-02': 0, '2026-05-03': 10 }, '2026-05-03', { current: 1, best: 1 }],
    ['an old run is the best', { '2026-04-01': 10, '2026-04-02': 10, '2026-04-03': 10, '2026-05-03': 10 }, '2026-05-03', { current: 1, best: 3 }],
    ['nothing', {}, '2026-05-03', { current: 0, best: 0 }],
  ])('%s', (_name, entries, today, streak) => expect(listingStreak(counts(entries), today, 10)).toEqual(streak));
});
