import type { RoutineBlockView } from '../../../../shared/rpc/domains/routine';

/**
 * The Today screen's arithmetic, pure. Live time is always computed from the core's timestamps:
 * the block's booked seconds when the view was computed (`asOf`, core clock) plus the time since
 * on the core's clock (the harness may have moved it, so the browser's clock is only used for
 * the distance travelled since the answer arrived).
 */
export function liveSeconds(block: Pick<RoutineBlockView, 'spentSeconds' | 'runningSince'>, asOfMs: number, coreNowMs: number): number {
  if (block.runningSince === null) return block.spentSeconds;
  return block.spentSeconds + Math.max(0, Math.floor((coreNowMs - asOfMs) / 1000));
}

/** `1:05:09` or `05:09`. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** `3 h 30 min` / `3 小时 30 分钟` style from minutes, via the two unit words. */
export function formatHoursMinutes(totalMinutes: number, units: { h: string; min: string }): string {
  const m = Math.max(0, Math.floor(totalMinutes));
  const hours = Math.floor(m / 60);
  const minutes = m % 60;
  if (hours === 0) return `${minutes} ${units.min}`;
  return minutes === 0 ? `${hours} ${units.h}` : `${hours} ${units.h} ${minutes} ${units.min}`;
}

/** Share of the target booked, 0–100 (capped), for a progress bar. */
export const targetPercent = (seconds: number, targetMinutes: number): number =>
  targetMinutes <= 0 ? 0 : Math.min(100, Math.floor((seconds / (targetMinutes * 60)) * 100));

/** `+12%` / `−20%` / `0%`. */
export function formatChange(fraction: number): string {
  const percent = Math.round(fraction * 100);
  if (percent > 0) return `+${percent}%`;
  if (percent < 0) return `−${Math.abs(percent)}%`;
  return '0%';
}

/** Money in fen as yuan with two decimals and thousands separators: `¥1,234.50`. */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${negative ? '−' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** The weekdays as a short text: every day, none, or the list. */
export function weekdaysText(days: readonly number[], names: Record<number, string>, every: string, none: string, separator: string): string {
  if (days.length === 7) return every;
  if (days.length === 0) return none;
  return [...days].sort((a, b) => a - b).map((d) => names[d] ?? String(d)).join(separator);
}
