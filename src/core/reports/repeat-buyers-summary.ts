import { sharePct } from '../../shared/domain/periods';
import type { RepeatBuyersResult } from '../../shared/rpc/domains/analytics';

/** One distinct (order, buyer, product) of the range's net lines; `buyer` null for a line without a key. */
export type RepeatLine = { orderId: string; buyer: string | null; productId: string | null };

/** The highest bucket of the distribution stands for "this many orders or more". */
export const TOP_BUCKET = 5;

/**
 * What the query counts (repeat-buyers.ts), small whatever the range: buyers per bucket of
 * distinct orders (1 … TOP_BUCKET, the last meaning "or more") with those orders, and per product
 * ('' for lines without a 商品ID) its buyers and those who ordered it in two or more orders.
 */
export type RepeatAggregates = {
  buckets: readonly { bucket: number; buyers: number; orders: number }[];
  products: readonly { productId: string; buyers: number; repeatBuyers: number }[];
};

export type RepeatSummary = Omit<RepeatBuyersResult, 'from' | 'to' | 'sinceVersion' | 'products' | 'orders'> & {
  /** Per product: buyers, and those who ordered it in 2+ orders (ranked, top N). */
  products: { productId: string; buyers: number; repeatBuyers: number; repeatSharePct: number }[];
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pure: the repeat-buyer figures from the aggregates. A buyer is a key; a repeat buyer has two or
 * more distinct 主订单编号 (DOMAIN.md: "'Repeated order' = the same buyer ordered more than once").
 * Products are ranked by repeat buyers, then buyers, then ID; only those with a repeat buyer are
 * listed (top N).
 */
export function repeatFiguresOf(agg: RepeatAggregates, top: number): RepeatSummary {
  const distribution = Array.from({ length: TOP_BUCKET }, (_, i) => ({ orders: i + 1, buyers: 0 }));
  let buyers = 0;
  let keyedOrders = 0;
  let repeatBuyers = 0;
  let repeatOrders = 0;
  for (const b of agg.buckets) {
    distribution[b.bucket - 1]!.buyers += b.buyers;
    buyers += b.buyers;
    keyedOrders += b.orders;
    if (b.bucket >= 2) {
      repeatBuyers += b.buyers;
      repeatOrders += b.orders;
    }
  }
  const products = agg.products
    .filter((p) => p.repeatBuyers > 0)
    .map((p) => ({ productId: p.productId, buyers: p.buyers, repeatBuyers: p.repeatBuyers, repeatSharePct: sharePct(p.repeatBuyers, p.buyers) }))
    .sort((a, b) => b.repeatBuyers - a.repeatBuyers || b.buyers - a.buyers || compare(a.productId, b.productId))
    .slice(0, top);
  return {
    keyedOrders,
    buyers,
    repeatBuyers,
    repeatOrders,
    repeatBuyerSharePct: sharePct(repeatBuyers, buyers),
    repeatOrderSharePct: sharePct(repeatOrders, keyedOrders),
    distribution,
    products,
  };
}

/**
 * Pure, the definition the kept chains are held to (tests compare the two on generated shops):
 * the aggregates of a range's lines. Two lines of one order are one order; a product's second line
 * in one order is not a second order of it. Lines without a key are no buyer.
 */
export function aggregateRepeatLines(lines: readonly RepeatLine[]): RepeatAggregates {
  const ordersOf = new Map<string, Set<string>>();
  const pairOrders = new Map<string, Map<string, Set<string>>>();
  for (const l of lines) {
    if (l.buyer === null) continue;
    ordersOf.set(l.buyer, (ordersOf.get(l.buyer) ?? new Set<string>()).add(l.orderId));
    const product = l.productId ?? '';
    const byBuyer = pairOrders.get(product) ?? new Map<string, Set<string>>();
    pairOrders.set(product, byBuyer);
    byBuyer.set(l.buyer, (byBuyer.get(l.buyer) ?? new Set<string>()).add(l.orderId));
  }
  const buckets = new Map<number, { bucket: number; buyers: number; orders: number }>();
  for (const orders of ordersOf.values()) {
    const bucket = Math.min(orders.size, TOP_BUCKET);
    const b = buckets.get(bucket) ?? { bucket, buyers: 0, orders: 0 };
    buckets.set(bucket, { bucket, buyers: b.buyers + 1, orders: b.orders + orders.size });
  }
  const products = [...pairOrders].map(([productId, byBuyer]) => ({ productId, buyers: byBuyer.size, repeatBuyers: [...byBuyer.values()].filter((o) => o.size >= 2).length }));
  return { buckets: [...buckets.values()].sort((a, b) => a.bucket - b.bucket), products };
}

/** The figures of a range's lines; `orders` counts every distinct order, keyed or not. */
export function summariseRepeatBuyers(lines: readonly RepeatLine[], top: number): RepeatSummary & { orders: number } {
  return { ...repeatFiguresOf(aggregateRepeatLines(lines), top), orders: new Set(lines.map((l) => l.orderId)).size };
}
