/** Business days are China days (UTC+8, no daylight saving) whatever the computer's zone. */
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/*
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian) instead of
 * building a Date and formatting it: these helpers run once per imported line (500k lines), so
 * every allocation counts. Anything outside years 0000–9999 (or not a finite time) takes the
 * original Date path, which also keeps its errors.
 */

/** Day number of a civil date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const FOUR_DIGITS = (y: number): string => (y >= 1000 ? String(y) : y >= 100 ? `0${y}` : y >= 10 ? `00${y}` : `000${y}`);

/** `YYYY-MM-DD` of a day number, or null outside years 0000–9999 (H. Hinnant's civil_from_days). */
function dateOfDayNumber(n: number): string | null {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return null;
  return `${FOUR_DIGITS(y)}-${TWO_DIGITS[m] ?? ''}-${TWO_DIGITS[d] ?? ''}`;
}

const digit = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** `[y, m, d]` of `YYYY-MM-DD` starting at `at` when it is a real calendar date, else null. */
function readDate(text: string, at: number): [number, number, number] | null {
  const d0 = digit(text, at), d1 = digit(text, at + 1), d2 = digit(text, at + 2), d3 = digit(text, at + 3);
  const m0 = digit(text, at + 5), m1 = digit(text, at + 6), a0 = digit(text, at + 8), a1 = digit(text, at + 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return null;
  const y = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const m = m0 * 10 + m1;
  const d = a0 * 10 + a1;
  if (m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const last = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d > last ? null : [y, m, d];
}

/** `YYYY-MM-DD` of the instant in Asia/Shanghai. */
export function chinaDate(instant: Date): string {
  const ms = instant.getTime() + CHINA_OFFSET_MS;
  const fast = Number.isFinite(ms) ? dateOfDayNumber(Math.floor(ms / DAY_MS)) : null;
  return fast ?? new Date(ms).toISOString().slice(0, 10);
}

/** The Monday (`YYYY-MM-DD`) of the China week holding the instant. */
export function chinaWeekStart(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const weekday = (shifted.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(shifted.getTime() - weekday * 86400_000).toISOString().slice(0, 10);
}

export const chinaMonth = (instant: Date): string => chinaDate(instant).slice(0, 7);
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isChinaDate(text: string): boolean {
  return text.length === 10 && readDate(text, 0) !== null;
}

/** The instant a China day begins (00:00 Asia/Shanghai). */
export function chinaDayStart(date: string): Date {
  const ymd = date.length === 10 ? readDate(date, 0) : null;
  if (!ymd) throw new RangeError(`not a date: ${date}`);
  return new Date(dayNumber(ymd[0], ymd[1], ymd[2]) * DAY_MS - CHINA_OFFSET_MS);
}

/** `[start, end)` of a China day as instants; every China day is exactly 24 hours long. */
export const chinaDayRange = (date: string): { from: Date; to: Date } => {
  const from = chinaDayStart(date);
  return { from, to: new Date(from.getTime() + DAY_MS) };
};

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const ymd = date.length === 10 && Number.isInteger(days) ? readDate(date, 0) : null;
  const fast = ymd ? dateOfDayNumber(dayNumber(ymd[0], ymd[1], ymd[2]) + days) : null;
  return fast ?? new Date(new Date(`${date}T00:00:00.000Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((new Date(`${to}T00:00:00.000Z`).getTime() - new Date(`${from}T00:00:00.000Z`).getTime()) / DAY_MS);

/** ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week holding `date`. */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** `YYYY-MM-DD HH:MM:SS` in China time: the form the 抖店 exports (and so the imported tables) use. */
export const chinaDateTimeText = (instant: Date): string =>
  new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** Reads `YYYY-MM-DD HH:MM[:SS]` as China time; null when it is not that form. */
export function parseChinaDateTime(text: string): Date | null {
  const ms = chinaDateTimeMs(text);
  return ms === null ? null : new Date(ms);
}

/** `parseChinaDateTime` as epoch milliseconds, without allocating a Date (for bulk reads). */
export function chinaDateTimeMs(text: string): number | null {
  const n = text.length;
  if (n !== 16 && n !== 19) return null;
  const sep = text.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || text.charCodeAt(13) !== 58) return null;
  const ymd = readDate(text, 0);
  if (!ymd) return null;
  const h0 = digit(text, 11), h1 = digit(text, 12), i0 = digit(text, 14), i1 = digit(text, 15);
  let s0 = 0, s1 = 0;
  if (n === 19) {
    if (text.charCodeAt(16) !== 58) return null;
    s0 = digit(text, 17);
    s1 = digit(text, 18);
  }
  if ((h0 | h1 | i0 | i1 | s0 | s1) < 0) return null;
  const h = h0 * 10 + h1, mi = i0 * 10 + i1, s = s0 * 10 + s1;
  if (h > 23 || mi > 59 || s > 59) return null;
  return dayNumber(ymd[0], ymd[1], ymd[2]) * DAY_MS - CHINA_OFFSET_MS + ((h * 60 + mi) * 60 + s) * 1000;
}

/** `HH:MM` in China time. */
export const chinaClock = (instant: Date): string => chinaDateTimeText(instant).slice(11, 16);

/** True for a clock time written `HH:MM` (00:00–23:59). */
export const isClockTime = (text: string): boolean => CLOCK_RE.test(text);

/** Minutes after China midnight of a `HH:MM` clock time. */
export function clockMinutes(clock: string): number {
  const m = CLOCK_RE.exec(clock);
  if (!m) throw new RangeError(`not a clock time: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant of `HH:MM` China time on a China day. */
export const chinaInstant = (date: string, clock: string): Date => new Date(chinaDayStart(date).getTime() + clockMinutes(clock) * 60_000);
