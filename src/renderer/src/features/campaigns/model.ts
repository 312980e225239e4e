import { daysBetween } from '../../../../shared/domain/china-time';

/** Where a day range sits on a year's timeline, in percent of the year; null when it misses the year. */
export function barOf(from: string, to: string, year: number): { left: number; width: number } | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (to < first || from > last) return null;
  const days = daysBetween(first, last) + 1;
  const start = daysBetween(first, from < first ? first : from);
  const end = daysBetween(first, to > last ? last : to) + 1;
  return { left: (start / days) * 100, width: ((end - start) / days) * 100 };
}

/** Each month's start on the timeline, in percent of the year. */
export const monthStarts = (year: number): number[] =>
  Array.from({ length: 12 }, (_, i) => (barOf(`${year}-${String(i + 1).padStart(2, '0')}-01`, `${year}-12-31`, year)?.left ?? 0));

/** The China day of an ISO instant (`YYYY-MM-DD`, UTC+8). */
export const chinaDayOf = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
