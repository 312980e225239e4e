/** Business days are China days (UTC+8, no daylight saving) whatever the computer's zone. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DD` of the instant in Asia/Shanghai. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Monday (`YYYY-MM-DD`) of the China week holding the instant. */
export function chinaWeekStart(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const weekday = (shifted.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(shifted.getTime() - weekday * 86400_000).toISOString().slice(0, 10);
}

export const chinaMonth = (instant: Date): string => chinaDate(instant).slice(0, 7);

const DAY_MS = 86400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isChinaDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The instant a China day begins (00:00 Asia/Shanghai). */
export function chinaDayStart(date: string): Date {
  if (!isChinaDate(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(new Date(`${date}T00:00:00.000Z`).getTime() - CHINA_OFFSET_MS);
}

/** `[start, end)` of a China day as instants; every China day is exactly 24 hours long. */
export const chinaDayRange = (date: string): { from: Date; to: Date } => {
  const from = chinaDayStart(date);
  return { from, to: new Date(from.getTime() + DAY_MS) };
};

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00.000Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
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
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m || !isChinaDate(m[1] ?? '')) return null;
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(chinaDayStart(m[1] ?? '').getTime() + ((h * 60 + mi) * 60 + s) * 1000);
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
