import { addDays, clockMinutes, isClockTime } from './china-time';

/*
 * The daily listing quota: 10–30 new listings a day (editable), listed in two or three peak
 * slots of 2–5 products each. A day counts by China date: a product listed at 23:30 Beijing time
 * belongs to that day whatever the computer's time zone.
 */
export type ListingSlot = { time: string; count: number };
export type ListingQuota = { min: number; max: number; slots: ListingSlot[] };

export const DEFAULT_QUOTA: ListingQuota = {
  min: 10,
  max: 30,
  slots: [
    { time: '09:00', count: 3 },
    { time: '12:00', count: 3 },
    { time: '20:00', count: 4 },
  ],
};

export const SLOT_MIN = 2;
export const SLOT_MAX = 5;

export function validateQuota(q: ListingQuota): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < 1 || q.max > 200 || q.min > q.max) problems.push('min and max must be whole numbers with 1 ≤ min ≤ max ≤ 200');
  if (q.slots.length < 1 || q.slots.length > 6) problems.push('between 1 and 6 slots');
  const times = q.slots.map((s) => s.time);
  if (times.some((t) => !isClockTime(t))) problems.push('slot times are HH:MM');
  else if (new Set(times).size !== times.length) problems.push('slot times must differ');
  if (q.slots.some((s) => !Number.isInteger(s.count) || s.count < SLOT_MIN || s.count > SLOT_MAX)) problems.push(`each slot lists ${SLOT_MIN}–${SLOT_MAX} products`);
  return problems;
}

export const sortSlots = (slots: readonly ListingSlot[]): ListingSlot[] => [...slots].sort((a, b) => clockMinutes(a.time) - clockMinutes(b.time));

export type QuotaState = 'below' | 'met' | 'over';

export const quotaState = (count: number, q: Pick<ListingQuota, 'min' | 'max'>): QuotaState => (count < q.min ? 'below' : count > q.max ? 'over' : 'met');

/** The slot due next at a China clock time (`HH:MM`), or null after the last one. */
export function nextSlot(slots: readonly ListingSlot[], clock: string): ListingSlot | null {
  const now = clockMinutes(clock);
  return sortSlots(slots).find((s) => clockMinutes(s.time) >= now) ?? null;
}

export type HeatDay = { date: string; count: number; met: boolean };

/** `days` China days ending today, oldest first, with whether the minimum was met. */
export function listingHeatmap(counts: ReadonlyMap<string, number>, today: string, days: number, min: number): HeatDay[] {
  const result: HeatDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    const count = counts.get(date) ?? 0;
    result.push({ date, count, met: count >= min });
  }
  return result;
}

export type ListingStreak = { current: number; best: number };

/**
 * Consecutive China days on which at least `min` products were listed. Today, while the minimum
 * is not met yet, neither adds nor breaks the current run (the day is not over).
 */
export function listingStreak(counts: ReadonlyMap<string, number>, today: string, min: number, lookbackDays = 366): ListingStreak {
  const days = listingHeatmap(counts, today, lookbackDays, min);
  let run = 0;
  let best = 0;
  for (const day of days) {
    if (day.met) {
      run += 1;
      best = Math.max(best, run);
    } else if (day.date !== today) {
      run = 0;
    }
  }
  return { current: run, best };
}
