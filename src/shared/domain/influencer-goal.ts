import { addDays } from './china-time';

/*
 * The daily goal of 联系达人 (DOMAIN.md block 5: "add at least 10 new influencers a day"), over China
 * days. Pure: counts per China date in, progress and streak out.
 */

/** The default goal; the seller can change it (influencers.updateSettings). */
export const DEFAULT_DAILY_GOAL = 10;

export type GoalProgress = {
  today: string;
  addedToday: number;
  goal: number;
  isMet: boolean;
  /** Days in a row, up to today, that met the goal; today counts once met and never breaks it while open. */
  streak: number;
  /** Longest run of days that met the goal. */
  best: number;
};

/**
 * `added` maps a China date to the influencers added that day. A day breaks the streak when it fell
 * short; today only adds once it is met (it is still open), so an unfinished today keeps
 * yesterday's run.
 */
export function goalProgress(added: ReadonlyMap<string, number>, today: string, goal: number): GoalProgress {
  const addedToday = added.get(today) ?? 0;
  const met = (day: string) => (added.get(day) ?? 0) >= goal;
  let streak = 0;
  let day = met(today) ? today : addDays(today, -1);
  while (met(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  let best = 0;
  let run = 0;
  let previous: string | null = null;
  for (const d of [...added.keys()].filter((k) => k <= today).sort()) {
    if (!met(d)) {
      run = 0;
      previous = d;
      continue;
    }
    run = previous !== null && addDays(previous, 1) === d && met(previous) ? run + 1 : 1;
    best = Math.max(best, run);
    previous = d;
  }
  return { today, addedToday, goal, isMet: addedToday >= goal, streak, best: Math.max(best, streak) };
}
