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

/**
 * Pure: the repeat-buyer figures of a range's lines. A buyer is a key; a repeat buyer has two or
 * more distinct 主订单编号 (DOMAIN.md: "'Repeated order' = the same buyer ordered more than once").
 * Per product, a repeat buyer ordered that product in two or more orders. Products are ranked by
 * repeat buyers, then buyers, then ID, and only those with a repeat buyer are listed (top N).
 */
export function summariseRepeatBuyers(lines: readonly RepeatLine[], top: number): RepeatSummary {
  const orders = new Set<string>();
  const keyedOrders = new Set<string>();
  const ordersOf = new Map<string, Set<string>>();
  const productOrders = new Map<string, Map<string, Set<string>>>();
  for (const l of lines) {
    orders.add(l.orderId);
    if (l.buyer === null) continue;
    keyedOrders.add(l.orderId);
    let own = ordersOf.get(l.buyer);
    if (!own) ordersOf.set(l.buyer, (own = new Set()));
    own.add(l.orderId);
    const product = l.productId ?? '';
    let buyers = productOrders.get(product);
    if (!buyers) productOrders.set(product, (buyers = new Map()));
    let bought = buyers.get(l.buyer);
    if (!bought) buyers.set(l.buyer, (bought = new Set()));
    bought.add(l.orderId);
  }

  const buckets = new Array<number>(TOP_BUCKET).fill(0);
  let repeatBuyers = 0;
  let repeatOrders = 0;
  for (const own of ordersOf.values()) {
    buckets[Math.min(own.size, TOP_BUCKET) - 1]! += 1;
    if (own.size >= 2) {
      repeatBuyers += 1;
      repeatOrders += own.size;
    }
  }

  const products = [...productOrders.entries()]
    .map(([productId, buyers]) => {
      let repeat = 0;
      for (const bought of buyers.values()) if (bought.size >= 2) repeat += 1;
      return { productId, buyers: buyers.size, repeatBuyers: repeat, repeatSharePct: sharePct(repeat, buyers.size) };
    })
    .filter((p) => p.repeatBuyers > 0)
    .sort((a, b) => b.repeatBuyers - a.repeatBuyers || b.buyers - a.buyers || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0))
    .slice(0, top);

  return {
    orders: orders.size,
    keyedOrders: keyedOrders.size,
    buyers: ordersOf.size,
    repeatBuyers,
    repeatOrders,
    repeatBuyerSharePct: sharePct(repeatBuyers, ordersOf.size),
    repeatOrderSharePct: sharePct(repeatOrders, keyedOrders.size),
    distribution: buckets.map((buyers, i) => ({ orders: i + 1, buyers })),
    products,
  };
}
