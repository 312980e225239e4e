import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

/** The original Date-based implementations: the fast arithmetic must give exactly their answers. */
const reference = {
  isChinaDate(text: string): boolean {
    if (!/^(\d{4})-(\d{2})-(\d{2})$/.exec(text)) return false;
    const d = new Date(`${text}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
  },
  chinaDate: (instant: Date): string => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
  addDays: (date: string, days: number): string => new Date(new Date(`${date}T00:00:00.000Z`).getTime() + days * 86400_000).toISOString().slice(0, 10),
  parseChinaDateTime(text: string): Date | null {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
    if (!m || !reference.isChinaDate(m[1] ?? '')) return null;
    const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
    if (h > 23 || mi > 59 || s > 59) return null;
    return new Date(new Date(`${m[1] ?? ''}T00:00:00.000Z`).getTime() - 8 * 3600_000 + ((h * 60 + mi) * 60 + s) * 1000);
  },
};

const outcome = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

describe('the arithmetic fast paths answer exactly as the Date-based originals', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  // Near-valid texts: any year, months 00–13, days 00–32, both separators, odd lengths.
  const dateText = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  const anyText = fc.oneof(dateText, fc.string({ maxLength: 20 }), fc.constantFrom('2026-9-01', '2026-09-1 ', '０２６-09-01', '2026/09/01', ''));
  const clock = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })), fc.constantFrom(' ', 'T', '_'));
  const dateTimeText = fc.oneof(
    fc.tuple(dateText, clock).map(([d, [h, m, s, sep]]) => `${d}${sep}${pad(h, 2)}:${pad(m, 2)}${s === null ? '' : `:${pad(s, 2)}`}`),
    anyText,
    fc.constantFrom('2026-09-10 08:00:00Z', '2026-09-10 8:00', '2026-09-10 08:00:0', '-', '2026-09-10 08-00-00'),
  );

  it('isChinaDate', () => {
    fc.assert(fc.property(anyText, (t) => void expect(isChinaDate(t)).toBe(reference.isChinaDate(t))), { numRuns: 5000 });
  });
  it('parseChinaDateTime', () => {
    fc.assert(fc.property(dateTimeText, (t) => void expect(parseChinaDateTime(t)?.getTime() ?? null).toBe(reference.parseChinaDateTime(t)?.getTime() ?? null)), { numRuns: 5000 });
  });
  it('chinaDate, also far from now and for invalid instants', () => {
    const instant = fc.oneof(fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constant(Number.NaN));
    fc.assert(fc.property(instant, (ms) => void expect(outcome(() => chinaDate(new Date(ms)))).toBe(outcome(() => reference.chinaDate(new Date(ms))))), { numRuns: 5000 });
  });
  it('addDays, also across years, for invalid dates and odd day counts', () => {
    const days = fc.oneof(fc.integer({ min: -800_000, max: 800_000 }), fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constant(Number.NaN));
    fc.assert(fc.property(anyText, days, (d, n) => void expect(outcome(() => addDays(d, n))).toBe(outcome(() => reference.addDays(d, n)))), { numRuns: 5000 });
    expect(addDays('0000-01-01', -1)).toBe(reference.addDays('0000-01-01', -1));
    expect(addDays('9999-12-31', 1)).toBe(reference.addDays('9999-12-31', 1));
  });
  it('chinaDayStart', () => {
    fc.assert(
      fc.property(anyText, (t) =>
        void expect(outcome(() => chinaDayRange(t).from.getTime())).toBe(outcome(() => (reference.isChinaDate(t) ? new Date(`${t}T00:00:00.000Z`).getTime() - 8 * 3600_000 : (() => { throw new RangeError(t); })()))),
      ),
      { numRuns: 5000 },
    );
  });
});
