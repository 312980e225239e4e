import { describe, expect, it } from 'vitest';
import { goalProgress } from './influencer-goal';

/*
 * seeds/000 (05联系达人): "所以每天还是要去添加至少10个以上的带货达人" — at least 10 new influencers a
 * day; the goal is editable (influencers.updateSettings), the days are China days.
 */
const days = (entries: [string, number][]) => new Map(entries);

describe('goalProgress', () => {
  it.each([
    ['nothing added yet', [], '2026-12-06', 10, { addedToday: 0, isMet: false, streak: 0, best: 0 }],
    ['today met, yesterday met, the day before short', [['2026-12-04', 9], ['2026-12-05', 10], ['2026-12-06', 12]], '2026-12-06', 10, { addedToday: 12, isMet: true, streak: 2, best: 2 }],
    ['today still open keeps yesterday’s run', [['2026-12-04', 10], ['2026-12-05', 11], ['2026-12-06', 3]], '2026-12-06', 10, { addedToday: 3, isMet: false, streak: 2, best: 2 }],
    ['a day with nothing breaks it', [['2026-12-03', 10], ['2026-12-05', 10], ['2026-12-06', 10]], '2026-12-06', 10, { streak: 2, best: 2 }],
    ['the best run is remembered after a break', [['2026-11-01', 10], ['2026-11-02', 10], ['2026-11-03', 10], ['2026-12-06', 10]], '2026-12-06', 10, { streak: 1, best: 3 }],
    ['an edited goal of 5', [['2026-12-05', 6], ['2026-12-06', 5]], '2026-12-06', 5, { streak: 2, isMet: true }],
    ['across a month end (China days)', [['2026-11-30', 10], ['2026-12-01', 10]], '2026-12-01', 10, { streak: 2 }],
  ] as const)('%s', (_label, entries, today, goal, expected) => {
    expect(goalProgress(days(entries as unknown as [string, number][]), today, goal)).toMatchObject(expected);
  });
});
