import { describe, expect, it } from 'vitest';
import { CALENDAR_YEARS, DEFAULT_CALENDAR, addWorkingDays, createWorkingCalendar, isCalendarKnown, isPublicHoliday, isWorkingDay, workingDaysBetween } from './working-days';

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

  it('knows which years the package covers, and estimates the years after it', () => {
    expect(CALENDAR_YEARS.first).toBeLessThanOrEqual(2024);
    expect(CALENDAR_YEARS.last).toBeGreaterThanOrEqual(2026);
    expect(isCalendarKnown('2026-12-31')).toBe(true);
    expect(isCalendarKnown('2099-01-05')).toBe(false);
    expect(DEFAULT_CALENDAR.sourceOf(2099)).toBe('estimated');
    expect(isWorkingDay('2099-03-09')).toBe(true); // an ordinary Monday
    expect(isWorkingDay('2099-03-08')).toBe(false); // an ordinary Sunday
  });
});

describe('after the package: estimated holidays (issue 10, "chinese-days 1.5.7 … ends in 2026")', () => {
  // The package's last year is 2026 today; these years are estimated until a notice is saved.
  it.each([
    ['2027-01-01', false, '元旦 2027 (a Friday): 01-01..01-03'],
    ['2027-01-04', true, 'Monday after 元旦'],
    ['2027-02-05', false, '除夕 2027'],
    ['2027-02-12', false, 'last day of 春节 2027 (8 days from 除夕)'],
    ['2027-02-13', true, 'Saturday made a working day after 春节 2027'],
    ['2027-01-31', true, 'Sunday made a working day before 春节 2027'],
    ['2027-04-05', false, '清明 2027 (a Monday)'],
    ['2027-05-05', false, '劳动节 2027: 05-01..05-05'],
    ['2027-06-09', false, '端午 2027 (a Wednesday): only that day'],
    ['2027-06-10', true, 'Thursday after 端午'],
    ['2027-09-15', false, '中秋 2027 (a Wednesday)'],
    ['2027-10-07', false, '国庆 2027'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
    expect(DEFAULT_CALENDAR.sourceOf(2027)).toBe('estimated');
  });

  it('counts 7 working days across 元旦 2027 from late December 2026, and says it used an estimate', () => {
    expect(addWorkingDays('2026-12-28', 7)).toBe('2027-01-07');
    expect(DEFAULT_CALENDAR.usesEstimate('2026-12-28', '2027-01-07')).toBe(true);
    expect(DEFAULT_CALENDAR.usesEstimate('2026-11-02', '2026-11-11')).toBe(false);
  });
});

describe('a notice the user saved wins for its whole year', () => {
  const notice = createWorkingCalendar([
    {
      year: 2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
        { date: '2027-02-07', kind: 'workday', name: '春节' },
      ],
    },
  ]);
  it.each([
    ['2027-01-01', false],
    ['2027-01-02', false], // an ordinary Saturday: the notice does not list it
    ['2027-01-04', true],
    ['2027-02-05', true], // the estimate's 除夕 holiday: the notice does not list it
    ['2027-02-07', true], // a Sunday the notice makes a working day
    ['2027-02-13', false], // the estimate's make-up Saturday: gone
  ])('%s → %s', (date, expected) => {
    expect(notice.isWorkingDay(date)).toBe(expected);
  });

  it('reports its source, and leaves the other years alone', () => {
    expect(notice.sourceOf(2027)).toBe('notice');
    expect(notice.usesEstimate('2026-12-28', '2027-01-07')).toBe(false);
    expect(notice.sourceOf(2026)).toBe('official');
    expect(notice.isWorkingDay('2026-10-01')).toBe(false);
    expect(notice.sourceOf(2028)).toBe('estimated');
    expect(notice.yearDays(2027).map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2027-01-01', 'holiday', 'notice'],
      ['2027-02-06', 'holiday', 'notice'],
      ['2027-02-07', 'workday', 'notice'],
    ]);
  });

  it('can also override a year the package knows', () => {
    const fixed = createWorkingCalendar([{ year: 2026, days: [{ date: '2026-10-08', kind: 'holiday', name: '国庆节' }] }]);
    expect(fixed.isWorkingDay('2026-10-08')).toBe(false);
    expect(fixed.isWorkingDay('2026-10-01')).toBe(true);
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
