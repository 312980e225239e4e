import { describe, expect, it } from 'vitest';
import { CALENDAR_YEARS, addWorkingDays, isCalendarKnown, isPublicHoliday, isWorkingDay, workingDaysBetween } from './working-days';

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true, 'Friday before 春节'],
    ['2026-02-14', true, 'Saturday made a working day for 春节'],
    ['2026-02-16', false, '春节 Monday'],
    ['2026-02-23', false, 'last day of the 春节 block (a Monday)'],
    ['2026-02-24', true, 'first day back'],
    ['2026-02-28', true, 'Saturday made a working day after 春节'],
    ['2026-09-20', true, 'Sunday made a working day for 国庆'],
    ['2026-10-01', false, '国庆'],
    ['2026-10-07', false, 'last day of 国庆'],
    ['2026-10-08', true, 'Thursday after 国庆'],
    ['2026-09-25', false, '中秋 (a Friday)'],
    ['2026-10-10', true, 'Saturday made a working day for 国庆'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2025-01-26', true, 'Sunday made a working day for 春节 2025'],
    ['2025-10-01', false, '国庆 2025'],
    ['2025-10-11', true, 'Saturday made a working day for 国庆 2025'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('a make-up day is not a holiday', () => {
    expect(isPublicHoliday('2026-02-14')).toBe(false);
    expect(isPublicHoliday('2026-02-17')).toBe(true);
  });

  it('knows which years it covers, and outside them falls back to weekends', () => {
    expect(CALENDAR_YEARS.first).toBeLessThanOrEqual(2024);
    expect(CALENDAR_YEARS.last).toBeGreaterThanOrEqual(2026);
    expect(isCalendarKnown('2026-12-31')).toBe(true);
    expect(isCalendarKnown('2099-01-05')).toBe(false);
    expect(isWorkingDay('2099-01-05')).toBe(true); // a Monday
    expect(isWorkingDay('2099-01-04')).toBe(false); // a Sunday
  });
});

describe('addWorkingDays', () => {
  it.each([
    // An ordinary week: Monday + 7 → the Wednesday after next.
    ['2026-11-02', 7, '2026-11-11'],
    // Friday + 1 skips the weekend.
    ['2026-11-06', 1, '2026-11-09'],
    // Applied the Friday before 春节: the make-up Saturday counts, the holiday does not.
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 6, '2026-02-28'],
    ['2026-02-13', 7, '2026-03-02'],
    // Applied during 春节: counting starts after the holiday.
    ['2026-02-17', 7, '2026-03-03'],
    // Applied before 国庆 2026: the make-up Sunday 09-20 counts, 10-01..10-07 do not, 10-10 does.
    ['2026-09-18', 1, '2026-09-20'],
    // 中秋 2026 falls on Friday 09-25, so 09-25..09-27 are off.
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-29', 3, '2026-10-09'],
    ['2026-09-30', 7, '2026-10-15'],
    ['2026-11-02', 0, '2026-11-02'],
  ])('%s + %i working days → %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('refuses negative and fractional counts', () => {
    expect(() => addWorkingDays('2026-11-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-02', 1.5)).toThrow(RangeError);
  });

  it('inverts workingDaysBetween', () => {
    for (const [from, n] of [['2026-02-10', 7], ['2026-09-25', 9], ['2026-12-28', 3]] as const) {
      expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
    }
  });
});
