import type { DailyOrders, DeclineAlert } from '../../shared/rpc/domains/routine';

/** A one-day dip is noise; a decline three or more days in a row needs a look (DOMAIN.md). */
export const DECLINE_DAYS = 3;

/**
 * The decline that ends on the last day of `series` (complete days, oldest first, no gaps): how
 * many days in a row each was lower than the day before. Null below `minDays`.
 */
export function detectDecline(series: readonly DailyOrders[], minDays = DECLINE_DAYS): DeclineAlert | null {
  let days = 0;
  for (let i = series.length - 1; i > 0; i--) {
    const today = series[i];
    const before = series[i - 1];
    if (!today || !before || today.orders >= before.orders) break;
    days += 1;
  }
  if (days < minDays) return null;
  const first = series[series.length - 1 - days];
  const last = series[series.length - 1];
  if (!first || !last) return null;
  return { days, from: first.date, to: last.date, firstOrders: first.orders, lastOrders: last.orders };
}
