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
