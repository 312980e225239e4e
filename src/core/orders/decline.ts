import { addDays } from '../../shared/domain/china-time';
import type { DeclineRule, DeclineWindows, FellFigures, FellGroup } from '../../shared/rpc/domains/decline';

type Day = { date: string; orders: number; amountFen: number };

/** Seed 000: "如果是持续3天及以上的连续下滑，那么你就需要进行原因排查了" — a short dip is noise. */
export const DECLINE_DAYS = 3;
/** How many earlier weeks make a weekday's usual level. */
export const WEEKDAY_WEEKS = 4;
/**
 * A day is clearly below its weekday when it is under the usual level by more than this share:
 * one quiet day in a shop of 20 orders a day is not a trend, a tenth less three days running is.
 */
export const WEEKDAY_SLACK = 0.1;
/** The series the watch reads: six weeks of complete days (four weeks of history before a week's run). */
export const WATCH_DAYS = 42;
/** The longest recent window the groups that fell are compared over. */
export const MAX_COMPARE_DAYS = 7;
/** How many groups of each kind are named. */
export const FELL_TOP = 5;

/** How many days in a row, ending at the last day of `series`, each had fewer orders than the day before. */
export function dropRun(series: readonly Day[]): number {
  let days = 0;
  for (let i = series.length - 1; i > 0; i--) {
    if (series[i]!.orders >= series[i - 1]!.orders) break;
    days += 1;
  }
  return days;
}

/**
 * The usual orders of the day at `index` for its weekday: the mean of the same weekday in up to
 * WEEKDAY_WEEKS earlier weeks inside the series (complete days, no gaps), null without any.
 */
export function usualOrders(series: readonly Day[], index: number): number | null {
  const earlier: number[] = [];
  for (let w = 1; w <= WEEKDAY_WEEKS && index - 7 * w >= 0; w++) earlier.push(series[index - 7 * w]!.orders);
  return earlier.length === 0 ? null : earlier.reduce((s, n) => s + n, 0) / earlier.length;
}

/** Below its weekday's usual level by more than WEEKDAY_SLACK; null without history. */
export function belowUsual(series: readonly Day[], index: number): boolean | null {
  const usual = usualOrders(series, index);
  return usual === null ? null : series[index]!.orders < usual * (1 - WEEKDAY_SLACK);
}

export type DeclineJudgement = {
  declining: boolean;
  /** The day-over-day run ending on the last day, whatever fired. */
  days: number;
  rule: DeclineRule | null;
  /** The days the rule saw (peak excluded for dayOverDay), oldest first; empty when nothing fired. */
  runFrom: string | null;
  runDays: number;
  from: string | null;
  to: string | null;
  firstOrders: number;
  lastOrders: number;
  usualOrders: number | null;
};

/**
 * The decline ending on the last day of `series` (complete China days, oldest first, no gaps).
 * Day over day first: a run of `minDays` drops is an alert unless every day of it has history and
 * none is clearly below its weekday (the shop's usual weekend dip). Otherwise the same weekday:
 * `minDays` days in a row each clearly below their weekday's usual level.
 */
export function judgeDecline(series: readonly Day[], minDays = DECLINE_DAYS): DeclineJudgement {
  const last = series.length - 1;
  const days = dropRun(series);
  const none: DeclineJudgement = { declining: false, days, rule: null, runFrom: null, runDays: 0, from: null, to: null, firstOrders: 0, lastOrders: 0, usualOrders: null };
  if (last < 0) return none;
  const usual = usualOrders(series, last);
  if (days >= minDays) {
    const runIdx = Array.from({ length: days }, (_, k) => last - k);
    const usualShape = runIdx.every((i) => belowUsual(series, i) === false);
    if (!usualShape) {
      const peak = series[last - days]!;
      return { declining: true, days, rule: 'dayOverDay', runFrom: series[last - days + 1]!.date, runDays: days, from: peak.date, to: series[last]!.date, firstOrders: peak.orders, lastOrders: series[last]!.orders, usualOrders: usual };
    }
  }
  let low = 0;
  while (last - low >= 0 && belowUsual(series, last - low) === true) low += 1;
  if (low >= minDays) {
    const first = series[last - low + 1]!;
    return { declining: true, days, rule: 'sameWeekday', runFrom: first.date, runDays: low, from: first.date, to: series[last]!.date, firstOrders: first.orders, lastOrders: series[last]!.orders, usualOrders: usual };
  }
  return none;
}

/**
 * The windows the groups are compared over: the days the rule saw (at most MAX_COMPARE_DAYS), or
 * the last DECLINE_DAYS days when nothing fired, against the same weekdays a week earlier.
 */
export function compareWindows(through: string, judgement: Pick<DeclineJudgement, 'runDays'>): DeclineWindows {
  const length = Math.min(MAX_COMPARE_DAYS, Math.max(DECLINE_DAYS, judgement.runDays));
  const from = addDays(through, 1 - length);
  return { now: { from, to: through }, before: { from: addDays(from, -7), to: addDays(through, -7) } };
}

/** Percentage change rounded to 0.1; null when there was nothing before. */
export const changePct = (now: number, before: number): number | null => (before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10);

/**
 * The groups whose orders fell, most first (then by key), at most `top`: only groups with fewer
 * orders now than before. A group missing on one side had none there.
 */
export function topFell(
  before: ReadonlyMap<string, FellFigures>,
  now: ReadonlyMap<string, FellFigures>,
  names: ReadonlyMap<string, string | null> = new Map(),
  top = FELL_TOP,
): FellGroup[] {
  const zero: FellFigures = { orders: 0, amountFen: 0 };
  const out: FellGroup[] = [];
  for (const [key, b] of before) {
    const n = now.get(key) ?? zero;
    if (n.orders >= b.orders) continue;
    out.push({ key, name: names.get(key) ?? null, before: b, now: n, change: n.orders - b.orders, changePct: changePct(n.orders, b.orders) });
  }
  return out.sort((a, b) => a.change - b.change || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, top);
}
