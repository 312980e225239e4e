import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  chinaClock,
  chinaDate,
  chinaDateTimeText,
  chinaDayRange,
  chinaInstant,
  daysBetween,
  isChinaDate,
  isoWeekday,
  parseChinaDateTime,
  weekStartOf,
} from './china-time';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('China time helpers, whatever the computer zone', () => {
  it.each(ZONES)('gives the same China days and clocks in %s', (zone) => {
    process.env.TZ = zone;
    expect(chinaDate(new Date('2026-09-09T15:59:59.999Z'))).toBe('2026-09-09');
    expect(chinaDate(new Date('2026-09-09T16:00:00.000Z'))).toBe('2026-09-10');
    expect(chinaDayRange('2026-09-10')).toEqual({ from: new Date('2026-09-09T16:00:00.000Z'), to: new Date('2026-09-10T16:00:00.000Z') });
    expect(chinaInstant('2026-09-10', '09:00').toISOString()).toBe('2026-09-10T01:00:00.000Z');
    expect(chinaClock(new Date('2026-09-10T12:30:00Z'))).toBe('20:30');
    expect(chinaDateTimeText(new Date('2026-09-10T12:30:05Z'))).toBe('2026-09-10 20:30:05');
    expect(parseChinaDateTime('2026-09-10 20:30:05')?.toISOString()).toBe('2026-09-10T12:30:05.000Z');
    // Across the US daylight-saving change the China day is still 24 hours.
    expect(chinaDayRange('2026-11-01').to.getTime() - chinaDayRange('2026-11-01').from.getTime()).toBe(86400_000);
  });

  it.each([
    ['2026-09-10', 4],
    ['2026-09-13', 7],
    ['2026-09-14', 1],
  ])('weekday of %s is %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('reads only real dates and times', () => {
    expect(isChinaDate('2026-02-30')).toBe(false);
    expect(isChinaDate('2026-2-3')).toBe(false);
    expect(parseChinaDateTime('2026-09-10 24:00:00')).toBeNull();
    expect(parseChinaDateTime('2026-09-10 08:00')?.toISOString()).toBe('2026-09-10T00:00:00.000Z');
    expect(parseChinaDateTime('-')).toBeNull();
    expect(weekStartOf('2026-09-13')).toBe('2026-09-07');
    expect(daysBetween('2026-09-07', '2026-09-13')).toBe(6);
  });
});
