import { weekStartOf } from '../../shared/domain/china-time';
import type { DayState, Streak } from '../../shared/rpc/domains/routine';

export type StreakDay = { date: string; state: DayState };

/**
 * Current and best streak over consecutive days (oldest first, no gaps). A done day adds one;
 * an `off` day (nothing planned) and today while still `open` neither add nor break; a missed or
 * partial day is forgiven while the current run has at most `allowedMissesPerWeek` of them in
 * that China week (Mon–Sun), and otherwise ends the run. Misses only count inside the run they
 * fall in, so a run that restarts mid-week gets the week's allowance afresh.
 */
export function computeStreak(days: readonly StreakDay[], allowedMissesPerWeek: number): Streak {
  let run = 0;
  let best = 0;
  let missesByWeek = new Map<string, number>();
  for (const { date, state } of days) {
    if (state === 'done') {
      run += 1;
      best = Math.max(best, run);
    } else if (state === 'missed' || state === 'partial') {
      const week = weekStartOf(date);
      const misses = (missesByWeek.get(week) ?? 0) + 1;
      if (misses > allowedMissesPerWeek) {
        run = 0;
        missesByWeek = new Map();
      } else {
        missesByWeek.set(week, misses);
      }
    }
  }
  return { current: run, best, allowedMissesPerWeek };
}
