import calendar from 'chinese-days/dist/chinese-days.json';
import { addDays, isoWeekday } from './china-time';
import { estimateHolidays } from './holiday-estimate';

/*
 * The Chinese working-day calendar: public holidays move work to make-up days (调休), so a
 * weekend can be a working day and a weekday a holiday. Three sources, the first that knows a
 * year wins:
 * 1. a notice the user typed or pasted for that year (the State Council's 放假安排通知, kept in
 *    SQLite by the core and passed in here);
 * 2. the `chinese-days` package (MIT; State Council notices, 2004 to the last year it ships),
 *    read as plain data so this stays pure and time-zone free;
 * 3. past the package's last year, an estimate (holiday-estimate.ts), marked as such.
 * Every date here is a China date `YYYY-MM-DD`.
 */
type CalendarData = { holidays: Record<string, string>; workdays: Record<string, string> };
const DATA = calendar as CalendarData;

const years = Object.keys(DATA.holidays).map((d) => Number(d.slice(0, 4)));
/** First and last year the package knows; after the last one the holidays are estimated. */
export const CALENDAR_YEARS = { first: Math.min(...years), last: Math.max(...years) } as const;

/** Where a year's holidays come from. `weekends`: before the package's first year, only weekends. */
export const CALENDAR_SOURCES = ['notice', 'official', 'estimated', 'weekends'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

export type NoticeDay = { date: string; kind: 'holiday' | 'workday'; name: string };
/** A year's notice: the holidays and make-up working days it lists (a day it does not list is an ordinary day). */
export type HolidayNotice = { year: number; days: NoticeDay[] };

export type CalendarDay = { date: string; kind: 'holiday' | 'workday'; name: string; source: CalendarSource };

export type WorkingCalendar = {
  isWorkingDay(date: string): boolean;
  /** The date `n` working days after `date` (n ≥ 0); `date` itself does not count. */
  addWorkingDays(date: string, n: number): string;
  /** Working days after `from` up to and including `to`. */
  workingDaysBetween(from: string, to: string): number;
  sourceOf(year: number): CalendarSource;
  /** True when a day in (from, to] lies in a year whose holidays are estimated. */
  usesEstimate(from: string, to: string): boolean;
  /** The holidays and make-up days of a year with their source, by date. */
  yearDays(year: number): CalendarDay[];
};

const yearOf = (date: string): number => Number(date.slice(0, 4));
/** chinese-days writes `English,中文,n`: the Chinese name. */
const officialName = (text: string): string => text.split(',')[1] ?? text;

function officialYear(year: number): CalendarDay[] {
  const prefix = String(year).padStart(4, '0');
  const workdays = Object.entries(DATA.workdays).filter(([d]) => d.startsWith(prefix));
  const made = new Set(workdays.map(([d]) => d));
  return [
    ...Object.entries(DATA.holidays)
      .filter(([d]) => d.startsWith(prefix) && !made.has(d))
      .map(([date, text]) => ({ date, kind: 'holiday' as const, name: officialName(text), source: 'official' as const })),
    ...workdays.map(([date, text]) => ({ date, kind: 'workday' as const, name: officialName(text), source: 'official' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

const estimates = new Map<number, CalendarDay[]>();
function estimatedYear(year: number): CalendarDay[] {
  let days = estimates.get(year);
  if (!days) {
    days = estimateHolidays(year).map((d) => ({ ...d, source: 'estimated' as const }));
    estimates.set(year, days);
  }
  return days;
}

/** The calendar with the user's notices (each wins for its whole year). */
export function createWorkingCalendar(notices: readonly HolidayNotice[] = []): WorkingCalendar {
  const noticeByYear = new Map(notices.map((n) => [n.year, n]));
  const byYear = new Map<number, Map<string, CalendarDay>>();
  const sourceOf = (year: number): CalendarSource =>
    noticeByYear.has(year) ? 'notice' : year < CALENDAR_YEARS.first ? 'weekends' : year <= CALENDAR_YEARS.last ? 'official' : 'estimated';
  /** What the source of `year` says, whatever year the dates fall in (元旦's break can start in December). */
  const ruleDays = (year: number): CalendarDay[] => {
    const notice = noticeByYear.get(year);
    if (notice) return notice.days.map((d) => ({ ...d, source: 'notice' as const }));
    const source = sourceOf(year);
    return source === 'official' ? officialYear(year) : source === 'estimated' ? estimatedYear(year) : [];
  };
  const yearDays = (year: number): CalendarDay[] => {
    const prefix = String(year).padStart(4, '0');
    const days = new Map<string, CalendarDay>();
    for (const d of ruleDays(year)) if (d.date.startsWith(prefix)) days.set(d.date, d);
    // The package's data is by date already; a notice or an estimate of the next year can reach back.
    if (sourceOf(year + 1) !== 'official') for (const d of ruleDays(year + 1)) if (d.date.startsWith(prefix)) days.set(d.date, d);
    return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  };
  const dayOf = (date: string): CalendarDay | undefined => {
    const year = yearOf(date);
    let map = byYear.get(year);
    if (!map) {
      map = new Map(yearDays(year).map((d) => [d.date, d]));
      byYear.set(year, map);
    }
    return map.get(date);
  };
  const isWorkingDay = (date: string): boolean => {
    const day = dayOf(date);
    if (day) return day.kind === 'workday';
    return isoWeekday(date) <= 5;
  };
  return {
    isWorkingDay,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
      let day = date;
      for (let left = n; left > 0; ) {
        day = addDays(day, 1);
        if (isWorkingDay(day)) left -= 1;
      }
      return day;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
      return count;
    },
    sourceOf,
    usesEstimate(from, to) {
      for (let year = yearOf(addDays(from, 1)); year <= yearOf(to); year += 1) if (sourceOf(year) === 'estimated') return true;
      return false;
    },
    yearDays,
  };
}

/** The calendar without notices: the package, then estimates. */
export const DEFAULT_CALENDAR = createWorkingCalendar();

/** True when the package ships the year's official holidays (not estimated). */
export const isCalendarKnown = (date: string): boolean => DEFAULT_CALENDAR.sourceOf(yearOf(date)) === 'official';

/** True for a make-up working day (a Saturday or Sunday worked in exchange for a holiday). */
export const isMakeUpWorkingDay = (date: string): boolean => isoWeekday(date) >= 6 && DEFAULT_CALENDAR.isWorkingDay(date);

/** True for a public holiday (including the weekends inside a holiday block). */
export const isPublicHoliday = (date: string): boolean =>
  DEFAULT_CALENDAR.yearDays(yearOf(date)).some((d) => d.date === date && d.kind === 'holiday');

/** A working day: a make-up day, or a Monday–Friday that is not a holiday. */
export const isWorkingDay = (date: string): boolean => DEFAULT_CALENDAR.isWorkingDay(date);

/**
 * The date `n` working days after `date` (n ≥ 0); `date` itself does not count, as in "returned
 * within 7 working days of the application". n = 0 gives `date` back.
 */
export const addWorkingDays = (date: string, n: number): string => DEFAULT_CALENDAR.addWorkingDays(date, n);

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export const workingDaysBetween = (from: string, to: string): number => DEFAULT_CALENDAR.workingDaysBetween(from, to);
