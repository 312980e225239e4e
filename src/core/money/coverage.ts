import type { DayRange } from '../../shared/rpc/domains/money';

/*
 * Which days the imported money files cover. A funds flow or settlement bill lists what was paid
 * between its first and last day, so a line expected on a day inside that span and absent from
 * it was not paid; a line expected on any other day may well have been — nobody imported the
 * file that would say. So "overdue" is only claimed inside the spans (issue 10: with no bill
 * imported the screen must not call every past-due line 超期未结算).
 */

/** Sorted, with touching or overlapping spans joined. */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = ranges.filter((r) => r.from <= r.to).sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const merged: DayRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.from <= nextDay(last.to)) {
      if (r.to > last.to) last.to = r.to;
    } else merged.push({ ...r });
  }
  return merged;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** True when `day` lies in one of the (merged) spans. */
export const covers = (ranges: readonly DayRange[], day: string): boolean => ranges.some((r) => r.from <= day && day <= r.to);
