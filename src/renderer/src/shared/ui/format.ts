const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * `YYYY-MM-DD HH:mm` in China time (UTC+8, no daylight saving) whatever the computer's zone:
 * shop owners read times as the platform shows them.
 */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '—';
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A file size for people: KB below one megabyte, then MB, then GB; at most one decimal. */
export function formatSize(bytes: number): string {
  let value = bytes / 1024;
  for (const unit of ['KB', 'MB']) {
    if (round(value) < 1024) return `${round(value)} ${unit}`;
    value /= 1024;
  }
  return `${round(value)} GB`;
}

const round = (value: number): number => (value >= 100 ? Math.round(value) : Math.round(value * 10) / 10);
