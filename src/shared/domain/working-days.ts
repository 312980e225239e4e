import calendar from 'chinese-days/dist/chinese-days.json';
import { addDays, isoWeekday } from './china-time';

/*
 * The Chinese working-day calendar: public holidays move work to make-up days (调休), so a
 * weekend can be a working day and a weekday a holiday. The dates come from the `chinese-days`
 * package (MIT; State Council notices, 2004 to the last year it ships), read as plain data so
 * this stays pure and time-zone free: every date here is a China date `YYYY-MM-DD`.
 */
type CalendarData = { holidays: Record<string, string>; workdays: Record<string, string> };
const DATA = calendar as CalendarData;

const years = Object.keys(DATA.holidays).map((d) => Number(d.slice(0, 4)));
/** First and last year the calendar knows; outside them only weekends count as days off. */
export const CALENDAR_YEARS = { first: Math.min(...years), last: Math.max(...years) } as const;

/** True when the year's holidays are known (published and shipped in the package). */
export const isCalendarKnown = (date: string): boolean => {
  const year = Number(date.slice(0, 4));
  return year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
};

/** True for a make-up working day (a Saturday or Sunday worked in exchange for a holiday). */
export const isMakeUpWorkingDay = (date: string): boolean => Object.hasOwn(DATA.workdays, date);

/** True for a public holiday (including the weekends inside a holiday block). */
export const isPublicHoliday = (date: string): boolean => Object.hasOwn(DATA.holidays, date) && !isMakeUpWorkingDay(date);

/** A working day: a make-up day, or a Monday–Friday that is not a holiday. */
export function isWorkingDay(date: string): boolean {
  if (isMakeUpWorkingDay(date)) return true;
  if (isPublicHoliday(date)) return false;
  return isoWeekday(date) <= 5;
}

/**
 * The date `n` working days after `date` (n ≥ 0); `date` itself does not count, as in "returned
 * within 7 working days of the application". n = 0 gives `date` back.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}
