import { sharePct } from '../../shared/domain/periods';
import type { RepeatBuyersResult } from '../../shared/rpc/domains/analytics';

/** One distinct (order, buyer, product) of the range's net lines; `buyer` null for a line without a key. */
export type RepeatLine = { orderId: string; buyer: string | null; productId: string | null };

/** The highest bucket of the distribution stands for "this many orders or more". */
export const TOP_BUCKET = 5;

export type RepeatSummary = Omit<RepeatBuyersResult, 'from' | 'to' | 'sinceVersion' | 'products'> & {
  /** Per product ('' for lines without a 商品ID): buyers, and those who ordered it in 2+ orders. */
  products: { productId: string; buyers: number; repeatBuyers: number; repeatSharePct: number }[];
};

/** Orders rows by buyer, then order, then product (the order the query returns them in). */
const byBuyerOrder = (a: RepeatLine, b: RepeatLine): number =>
  compare(a.buyer ?? '', b.buyer ?? '') || compare(a.orderId, b.orderId) || compare(a.productId ?? '', b.productId ?? '');
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pure: the repeat-buyer figures of a range's lines. A buyer is a key; a repeat buyer has two or
 * more distinct 主订单编号 (DOMAIN.md: "'Repeated order' = the same buyer ordered more than once").
 * Per product, a repeat buyer ordered that product in two or more orders. Products are ranked by
 * repeat buyers, then buyers, then ID, and only those with a repeat buyer are listed (top N).
 *
 * One pass over the lines sorted by buyer and order (as the query returns them; other input is
 * sorted first), with one small per-buyer map reused: at 90,000 lines a set per buyer and per
 * product-buyer pair cost over a second, this a few milliseconds.
 */
export function summariseRepeatBuyers(input: readonly RepeatLine[], top: number): RepeatSummary {
  const sorted = input.every((l, i) => i === 0 || byBuyerOrder(input[i - 1]!, l) <= 0);
  const lines = sorted ? input : [...input].sort(byBuyerOrder);
  // Orders of lines without a key (all lines of an order share its recipient, so keyed-ness).
  const unkeyed = new Set<string>();
  const buckets = new Array<number>(TOP_BUCKET).fill(0);
  const products = new Map<string, { buyers: number; repeatBuyers: number }>();
  let keyedOrders = 0;
  let buyers = 0;
  let repeatBuyers = 0;
  let repeatOrders = 0;
  // The current buyer's distinct orders and, per product, in how many of them they bought it.
  let buyer: string | null = null;
  let orders = 0;
  let lastOrder = '';
  const perProduct = new Map<string, number>();
  const closeBuyer = () => {
    if (buyer === null) return;
    buyers += 1;
    keyedOrders += orders;
    buckets[Math.min(orders, TOP_BUCKET) - 1]! += 1;
    if (orders >= 2) {
      repeatBuyers += 1;
      repeatOrders += orders;
    }
    for (const [product, count] of perProduct) {
      let p = products.get(product);
      if (!p) products.set(product, (p = { buyers: 0, repeatBuyers: 0 }));
      p.buyers += 1;
      if (count >= 2) p.repeatBuyers += 1;
    }
    perProduct.clear();
  };
  let lastProductOrder = '';
  for (const l of lines) {
    if (l.buyer === null) {
      unkeyed.add(l.orderId);
      continue;
    }
    if (l.buyer !== buyer) {
      closeBuyer();
      buyer = l.buyer;
      orders = 0;
      lastOrder = '';
    }
    if (l.orderId !== lastOrder || orders === 0) {
      orders += 1;
      lastOrder = l.orderId;
    }
    // The same (order, product) twice would be one purchase: lines arrive distinct, but a product's
    // second line in one order must not count as a second order.
    const product = l.productId ?? '';
    const key = `${l.orderId}\u001f${product}`;
    if (key !== lastProductOrder) perProduct.set(product, (perProduct.get(product) ?? 0) + 1);
    lastProductOrder = key;
  }
  closeBuyer();

  const ranked = [...products.entries()]
    .filter(([, p]) => p.repeatBuyers > 0)
    .map(([productId, p]) => ({ productId, buyers: p.buyers, repeatBuyers: p.repeatBuyers, repeatSharePct: sharePct(p.repeatBuyers, p.buyers) }))
    .sort((a, b) => b.repeatBuyers - a.repeatBuyers || b.buyers - a.buyers || compare(a.productId, b.productId))
    .slice(0, top);

  return {
    orders: keyedOrders + unkeyed.size,
    keyedOrders,
    buyers,
    repeatBuyers,
    repeatOrders,
    repeatBuyerSharePct: sharePct(repeatBuyers, buyers),
    repeatOrderSharePct: sharePct(repeatOrders, keyedOrders),
    distribution: buckets.map((count, i) => ({ orders: i + 1, buyers: count })),
    products: ranked,
  };
}
