import { chinaDateTimeMs } from '../../shared/domain/china-time';
import type { LineCount } from '../../shared/rpc/domains/routine';

/** 订单状态 texts of a paid line that has not shipped: one definition, in shared/domain/order-line-state.ts. */
export { UNSHIPPED_STATUSES } from '../../shared/domain/order-line-state';

/** Spot goods must ship within 48 hours of payment (DOMAIN.md) when the export has no 承诺发货时间. */
export const DEFAULT_SHIP_HOURS = 48;

export type UnshippedLine = {
  orderId: string;
  subOrderId: string;
  productTitle: string | null;
  promisedShipAt: string | null;
  paidAt: string | null;
  submittedAt: string | null;
};

/**
 * The ship-by instant of a line: its 承诺发货时间, else paid + 48 h (submitted + 48 h when even the
 * payment time is missing); null when the export gave no time at all.
 */
export function shipByOf(line: Pick<UnshippedLine, 'promisedShipAt' | 'paidAt' | 'submittedAt'>): Date | null {
  const ms = shipByMs(line);
  return ms === null ? null : new Date(ms);
}

/** `shipByOf` in epoch milliseconds: each time text is read once, no Date built on the way. */
export function shipByMs(line: Pick<UnshippedLine, 'promisedShipAt' | 'paidAt' | 'submittedAt'>): number | null {
  const promised = line.promisedShipAt === null ? null : chinaDateTimeMs(line.promisedShipAt);
  if (promised !== null) return promised;
  const base = (line.paidAt === null ? null : chinaDateTimeMs(line.paidAt)) ?? (line.submittedAt === null ? null : chinaDateTimeMs(line.submittedAt));
  return base === null ? null : base + DEFAULT_SHIP_HOURS * 3600_000;
}

export const countLines = (lines: readonly { orderId: string }[]): LineCount => ({
  orders: new Set(lines.map((l) => l.orderId)).size,
  lines: lines.length,
});

/**
 * `within`: ship-by after `now` and at most `hours` later; `overdue`: ship-by at or before `now`
 * (the definitions of `shopdesk today`).
 */
export function classifyShipping<T extends { shipBy: Date | null }>(lines: readonly T[], now: Date, hours: number): { within: T[]; overdue: T[] } {
  const limit = now.getTime() + hours * 3600_000;
  const within: T[] = [];
  const overdue: T[] = [];
  for (const line of lines) {
    if (line.shipBy === null) continue;
    const t = line.shipBy.getTime();
    if (t <= now.getTime()) overdue.push(line);
    else if (t <= limit) within.push(line);
  }
  return { within, overdue };
}

/** One entry per order: its earliest ship-by, its line count and first product title. */
export function groupByOrder<T extends { orderId: string; shipBy: Date | null; productTitle: string | null }>(
  lines: readonly T[],
): { orderId: string; shipBy: Date | null; lines: number; productTitle: string | null }[] {
  const orders = new Map<string, { entry: { orderId: string; shipBy: Date | null; lines: number; productTitle: string | null }; t: number }>();
  for (const line of lines) {
    let kept = orders.get(line.orderId);
    if (!kept) {
      kept = { entry: { orderId: line.orderId, shipBy: null, lines: 0, productTitle: line.productTitle }, t: Infinity };
      orders.set(line.orderId, kept);
    }
    const { entry } = kept;
    entry.lines += 1;
    if (line.shipBy && (entry.shipBy === null || line.shipBy < entry.shipBy)) {
      entry.shipBy = line.shipBy;
      kept.t = line.shipBy.getTime();
    }
    entry.productTitle ??= line.productTitle;
  }
  // Sort keys kept beside each order; the collator is what localeCompare uses, built once.
  const keyed = [...orders.values()];
  keyed.sort((a, b) => a.t - b.t || collate(a.entry.orderId, b.entry.orderId));
  return keyed.map((k) => k.entry);
}

/** `a.localeCompare(b)` without building a collator per call (same locale, same options, same order). */
export const collate = new Intl.Collator().compare;
