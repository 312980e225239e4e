import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import { addDays, isoWeekday } from './china-time';

/*
 * An estimate of a year's public holidays before the State Council publishes its notice (it comes
 * out each November or December for the next year). The statutory days are fixed by the 全国年节
 * 及纪念日放假办法 as amended in 2024: 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1 (the solar term),
 * 劳动节 2 (May 1–2), 端午 1 (lunar 5/5), 中秋 1 (lunar 8/15), 国庆 3 (Oct 1–3). The lunar dates
 * and the solar term come from tyme4ts. How the notice arranges them follows the pattern of the
 * notices since 2025 (checked against 2025 and 2026 in holiday-estimate.test.ts):
 * - a one-day holiday joins the nearest weekend: on a Monday, Friday, Saturday or Sunday it makes
 *   a three-day break without make-up day; on a Tuesday the Sunday–Tuesday break is paid for by
 *   the Saturday before, on a Thursday the Thursday–Saturday break by the Sunday after; on a
 *   Wednesday only that day is off;
 * - 春节 is 8 days from 除夕; 劳动节 5 days from May 1, started earlier (up to 3 days) when that
 *   is needed to hold a whole weekend; 国庆 7 days from October 1 (8 when 中秋 falls inside or
 *   right before it, and then 中秋 is part of the block);
 * - a block's days beyond its statutory days and the weekends inside it are worked on make-up
 *   days (调休上班): weekend days closest to the block, taken alternately after and before it,
 *   never a day of another holiday; a Sunday right before a block joins the block instead.
 * It is an estimate: every date it gives is marked estimated, and a notice typed in wins.
 */
export type EstimatedDay = { date: string; kind: 'holiday' | 'workday'; name: HolidayName };

export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

const iso = (d: SolarDay): string => `${String(d.getYear()).padStart(4, '0')}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;
const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;
const range = (first: string, count: number): string[] => Array.from({ length: count }, (_, i) => addDays(first, i));

type Block = { name: HolidayName; days: string[]; statutory: number };

/** The break around a one-day holiday (see above), with its make-up day if any. */
function oneDayBreak(name: HolidayName, date: string): { block: Block; workdays: string[] } {
  const weekday = isoWeekday(date);
  const shape: Record<number, { from: number; count: number; workday?: number }> = {
    1: { from: -2, count: 3 },
    2: { from: -2, count: 3, workday: -3 },
    3: { from: 0, count: 1 },
    4: { from: 0, count: 3, workday: 3 },
    5: { from: 0, count: 3 },
    6: { from: 0, count: 3 },
    7: { from: -1, count: 3 },
  };
  const s = shape[weekday] ?? { from: 0, count: 1 };
  return {
    block: { name, days: range(addDays(date, s.from), s.count), statutory: 1 },
    workdays: s.workday === undefined ? [] : [addDays(date, s.workday)],
  };
}

/** Make-up days for a long block: weekend days nearest to it, alternately after and before. */
function makeUpDays(block: Block, taken: ReadonlySet<string>): string[] {
  const weekendsInside = block.days.filter(isWeekend).length;
  let needed = Math.max(0, block.days.length - block.statutory - weekendsInside);
  const first = block.days[0]!;
  const last = block.days.at(-1)!;
  const near = (from: string, step: 1 | -1): string[] => {
    const found: string[] = [];
    for (let d = addDays(from, step), i = 0; i < 21 && found.length < needed; d = addDays(d, step), i += 1) if (isWeekend(d) && !taken.has(d)) found.push(d);
    return found;
  };
  const before = near(first, -1);
  const after = near(last, 1);
  const picked: string[] = [];
  const gap = (d: string, edge: string) => Math.abs(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${edge}T00:00:00Z`));
  // The nearest first (a tie goes to the day before); then the other side, and so on.
  let side: 'before' | 'after' = after[0] && (!before[0] || gap(after[0], last) < gap(before[0], first)) ? 'after' : 'before';
  while (needed > 0 && (before.length > 0 || after.length > 0)) {
    const list = side === 'before' ? before : after;
    const day = list.shift() ?? (side === 'before' ? after : before).shift();
    if (day) picked.push(day);
    needed -= 1;
    side = side === 'before' ? 'after' : 'before';
  }
  return picked.sort();
}

/** A Sunday right before a long block joins it (the notices never work a Sunday to rest on Monday). */
function withSundayBefore(block: Block): Block {
  const before = addDays(block.days[0]!, -1);
  return isoWeekday(before) === 7 ? { ...block, days: [before, ...block.days] } : block;
}

/** Five days holding May 1–2 and a whole weekend, starting on May 1 when it can. */
function labourDayWindow(y: string): string[] {
  for (let back = 0; back <= 3; back += 1) {
    const days = range(addDays(`${y}-05-01`, -back), 5);
    const weekdays = new Set(days.map(isoWeekday));
    if (weekdays.has(6) && weekdays.has(7)) return days;
  }
  return range(`${y}-05-01`, 5);
}

const lunar = (year: number, month: number, day: number): string => iso(LunarDay.fromYmd(year, month, day).getSolarDay());

/** The estimated holidays and make-up working days of `year` (sorted by date). */
export function estimateHolidays(year: number): EstimatedDay[] {
  const springFestival = lunar(year, 1, 1);
  const eve = addDays(springFestival, -1);
  const midAutumn = lunar(year, 8, 15);
  const qingming = iso(SolarTerm.fromName(year, '清明').getSolarDay());
  const y = String(year).padStart(4, '0');
  const national = `${y}-10-01`;
  const midAutumnJoins = midAutumn >= addDays(national, -2) && midAutumn <= addDays(national, 7);

  const longBlocks: Block[] = [
    withSundayBefore({ name: '春节', days: range(eve, 8), statutory: 4 }),
    withSundayBefore({ name: '劳动节', days: labourDayWindow(y), statutory: 2 }),
    midAutumnJoins
      ? midAutumn < national
        ? { name: '国庆节', days: range(midAutumn, 8), statutory: 4 }
        : { name: '国庆节', days: range(national, 8), statutory: 4 }
      : { name: '国庆节', days: range(national, 7), statutory: 3 },
  ];
  const short = [
    oneDayBreak('元旦', `${y}-01-01`),
    oneDayBreak('清明节', qingming),
    oneDayBreak('端午节', lunar(year, 5, 5)),
    ...(midAutumnJoins ? [] : [oneDayBreak('中秋节', midAutumn)]),
  ];
  const blocks = [...short.map((s) => s.block), ...longBlocks];
  const off = new Set(blocks.flatMap((b) => b.days));
  const days: EstimatedDay[] = blocks.flatMap((b) => b.days.map((date) => ({ date, kind: 'holiday' as const, name: b.name })));
  const taken = new Set(off);
  for (const s of short) for (const date of s.workdays) {
    taken.add(date);
    days.push({ date, kind: 'workday', name: s.block.name });
  }
  for (const b of longBlocks) {
    // Make-up days are picked without borrowing another holiday's days or another block's make-up days.
    const picked = makeUpDays(b, taken);
    for (const date of picked) {
      taken.add(date);
      days.push({ date, kind: 'workday', name: b.name });
    }
  }
  // 元旦's break can reach into the year before (a Monday or Tuesday 1 January): those days stay
  // here, and the calendar reads them for the last days of the year before.
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
