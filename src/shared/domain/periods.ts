import { addDays, weekStartOf } from './china-time';

/*
 * 看数据's periods over China dates (YYYY-MM-DD): a day, a week starting on Monday, a calendar
 * month. A period is named by its first day. Pure.
 */
export type Granularity = 'day' | 'week' | 'month';

export function periodStart(date: string, g: Granularity): string {
  if (g === 'day') return date;
  if (g === 'week') return weekStartOf(date);
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the period `n` periods after (n < 0: before) the one starting at `start`. */
export function shiftPeriod(start: string, g: Granularity, n: number): string {
  if (g === 'day') return addDays(start, n);
  if (g === 'week') return addDays(start, 7 * n);
  const [y, m] = start.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export const periodEnd = (start: string, g: Granularity): string => addDays(shiftPeriod(start, g, 1), -1);

/**
 * The same period a year earlier: the same date (29 February → 28 February), the week 52 weeks
 * earlier (so Monday stays Monday), the same month.
 */
export function yearAgo(start: string, g: Granularity): string {
  if (g === 'week') return addDays(start, -364);
  if (g === 'month') return shiftPeriod(start, 'month', -12);
  const [y, md] = [Number(start.slice(0, 4)) - 1, start.slice(5)];
  const date = `${String(y).padStart(4, '0')}-${md}`;
  return md === '02-29' ? `${String(y).padStart(4, '0')}-02-28` : date;
}

/** Every period touching [from, to], by first day. */
export function periodsBetween(from: string, to: string, g: Granularity): string[] {
  const out: string[] = [];
  for (let p = periodStart(from, g); p <= to; p = shiftPeriod(p, g, 1)) out.push(p);
  return out;
}

/**
 * Change from `previous` to `current` in percent, rounded half away from zero to 0.1 (+12.3,
 * −4.0); null when there is no earlier figure or it was 0 (a rise from nothing has no percent).
 */
export function changePct(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous === 0) return null;
  const diff = current - previous;
  // Tenths of a percent from integers first: (diff / previous) * 100 in floats turns 0.15 into 0.1499….
  const tenths = Math.round((Math.abs(diff) * 1000) / Math.abs(previous));
  const signed = Math.sign(diff) * Math.sign(previous) * tenths;
  return signed === 0 ? 0 : signed / 10;
}

/** `part` of `whole` in percent, rounded to 0.1; 0 when the whole is 0. */
export function sharePct(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part * 1000) / whole) / 10;
}
