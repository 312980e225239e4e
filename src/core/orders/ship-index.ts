import type { LineCount } from '../../shared/rpc/domains/routine';
import { countLines, groupByOrder } from './shipping';

type Line = { orderId: string; shipBy: Date | null; productTitle: string | null };
export type ShipOrder = { orderId: string; shipBy: Date | null; lines: number; productTitle: string | null };

/**
 * The unshipped lines arranged once per load so that the windows at any `now` cost a binary
 * search instead of a pass over every line (a seller with 100k+ open lines asks every 30 s).
 * Answers exactly what `classifyShipping` + `countLines` answer over the same lines.
 */
export type ShipIndex = {
  /** `groupByOrder` of the lines: earliest ship-by first, then order id. */
  orders: readonly ShipOrder[];
  /** Every line, for `toPurchase`. */
  all: LineCount;
  /** Ship-by (ms) of the lines that have one, ascending. */
  sortedLineTimes: Float64Array;
  /** The same lines in load order (ship-by and order id side by side), for the orders due within a window. */
  lineTimes: Float64Array;
  lineOrders: readonly string[];
  /** Each order's earliest ship-by (ms), ascending: an order has a line due by `t` iff this is ≤ t. */
  orderTimes: Float64Array;
};

export function buildShipIndex(lines: readonly Line[]): ShipIndex {
  const timed = lines.filter((l) => l.shipBy !== null);
  const lineTimes = Float64Array.from(timed, (l) => (l.shipBy as Date).getTime());
  const orders = groupByOrder(lines);
  return {
    orders,
    all: countLines(lines),
    // A typed array sorts numerically without a comparator.
    sortedLineTimes: lineTimes.slice().sort(),
    lineTimes,
    lineOrders: timed.map((l) => l.orderId),
    orderTimes: Float64Array.from(orders.flatMap((o) => (o.shipBy === null ? [] : [o.shipBy.getTime()]))),
  };
}

/** How many of the ascending `times` are ≤ `t`. */
export function countAtMost(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `overdue`: ship-by ≤ now; `within`: now < ship-by ≤ now + `hours` (as `classifyShipping`). */
export function shipWindows(index: ShipIndex, now: Date, hours: number): { within: LineCount; overdue: LineCount } {
  const nowMs = now.getTime();
  const limit = nowMs + hours * 3600_000;
  const overdueLines = countAtMost(index.sortedLineTimes, nowMs);
  const withinLines = countAtMost(index.sortedLineTimes, limit) - overdueLines;
  // Distinct orders within the window: one pass over numbers, only when the window holds lines.
  const withinOrders = new Set<string>();
  if (withinLines > 0) {
    const { lineTimes, lineOrders } = index;
    for (let i = 0; i < lineTimes.length; i++) {
      const t = lineTimes[i] ?? 0;
      if (t > nowMs && t <= limit) withinOrders.add(lineOrders[i] ?? '');
    }
  }
  return {
    overdue: { orders: countAtMost(index.orderTimes, nowMs), lines: overdueLines },
    within: { orders: withinOrders.size, lines: withinLines },
  };
}
