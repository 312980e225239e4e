import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/china-time';
import type { DayState } from '../../shared/rpc/domains/routine';
import { computeStreak } from './streak';

const CODES: Record<string, DayState> = { D: 'done', P: 'partial', M: 'missed', O: 'off', T: 'open' };
/** Days from Monday 2026-09-07, one letter each: D done · P partial · M missed · O off · T today open. */
const days = (pattern: string) => [...pattern.replace(/ /g, '')].map((c, i) => ({ date: addDays('2026-09-07', i), state: CODES[c] ?? 'off' }));

describe('computeStreak', () => {
  it.each([
    ['DDD', 0, { current: 3, best: 3 }],
    ['DDDT', 0, { current: 3, best: 3 }],
    ['DDMDD', 0, { current: 2, best: 2 }],
    ['DDMDD', 1, { current: 4, best: 4 }],
    ['DMMDD', 1, { current: 2, best: 2 }],
    ['DDOOD', 0, { current: 3, best: 3 }],
    ['DDDDDMM DD', 1, { current: 2, best: 5 }],
    // one miss in each of two weeks is allowed with one per week
    ['DDDDDDM DDDDDDM D', 1, { current: 13, best: 13 }],
    ['DPD', 0, { current: 1, best: 1 }],
    ['', 2, { current: 0, best: 0 }],
  ])('%s with %i allowed misses a week', (pattern, allowed, expected) => {
    expect(computeStreak(days(pattern), allowed)).toEqual({ ...expected, allowedMissesPerWeek: allowed });
  });

  it('a run that restarts mid-week gets the week’s allowance afresh', () => {
    // Mon miss, Tue miss (breaks), Wed done, Thu miss (forgiven), Fri done, Sat done.
    expect(computeStreak(days('MMDMDD'), 1).current).toBe(3);
  });
});
