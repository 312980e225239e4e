import { sql, type Kysely } from 'kysely';
import type { RepeatBuyersResult } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';
import { repeatFiguresOf, TOP_BUCKET, type RepeatAggregates } from './repeat-buyers-summary';

/*
 * analytics.repeatBuyers: counted from the chains kept by every import and undo
 * (repeat-chains.ts, migration 0020): a distinct-buyer count over an arbitrary range cannot be
 * summed from per-day rows, but "this order is a buyer's k-th in the range" can be counted, since
 * each order knows the days of its buyer's previous orders. Index ranges over the range's orders,
 * those whose previous order is in it, and their product rows; nothing is sorted by buyer. The
 * lines counted are the net keyed ones (repeat-chains.ts NET_KEYED). All net orders of the range,
 * keyed or not, come from
 * order_analytics_days: its paid-basis total, partitioned by the 订单提交时间 day, leaves out exactly
 * the lines the estimate leaves out too.
 */
export async function repeatAggregates(db: Kysely<Database>, p: { from: string; to: string }): Promise<RepeatAggregates> {
  const [f, t] = [p.from, p.to];
  const { rows: all } = await sql<{ k: number }>`SELECT count(*) AS k FROM repeat_buyer_orders INDEXED BY repeat_buyer_orders_by_day WHERE day >= ${f} AND day <= ${t}`.execute(db);
  // The orders whose previous order lies in the range (its day is never after the order's): each is a buyer's 2nd or later there.
  const { rows: counts } = await sql<{ later: number; ge2: number | null; ge3: number | null; ge4: number | null; ge5: number | null }>`
    SELECT count(*) AS later,
      sum(p2 IS NULL OR p2 < ${f}) AS ge2,
      sum(p2 >= ${f} AND (p3 IS NULL OR p3 < ${f})) AS ge3,
      sum(p3 >= ${f} AND (p4 IS NULL OR p4 < ${f})) AS ge4,
      sum(p4 >= ${f} AND (p5 IS NULL OR p5 < ${f})) AS ge5
    FROM repeat_buyer_orders INDEXED BY repeat_buyer_orders_by_prev WHERE p1 IS NOT NULL AND p1 >= ${f} AND p1 <= ${t} AND day <= ${t}`.execute(db);
  const k = all[0]?.k ?? 0;
  const c = counts[0];
  const later = c?.later ?? 0;
  // Buyers with at least 1 … 5 orders in the range; then exactly n (the last bucket: n or more) and their orders.
  const ge = [k - later, c?.ge2 ?? 0, c?.ge3 ?? 0, c?.ge4 ?? 0, c?.ge5 ?? 0];
  const exactly = ge.map((n, i) => (i === TOP_BUCKET - 1 ? n : n - (ge[i + 1] ?? 0)));
  const fewer = exactly.slice(0, TOP_BUCKET - 1).reduce((s, n, i) => s + n * (i + 1), 0);
  const buckets = exactly.map((buyers, i) => ({ bucket: i + 1, buyers, orders: i === TOP_BUCKET - 1 ? k - fewer : buyers * (i + 1) })).filter((b) => b.buyers > 0);
  // Per product: its (buyer, order) rows in the range, less those with a previous order of it in the range, are its buyers.
  const [{ rows: totals }, { rows: withPrevious }] = await Promise.all([
    sql<{ productId: string; orders: number }>`
      SELECT product_id AS "productId", sum(orders) AS orders FROM repeat_buyer_product_days WHERE day >= ${f} AND day <= ${t} GROUP BY product_id`.execute(db),
    sql<{ productId: string; later: number; repeatBuyers: number }>`
      SELECT product_id AS "productId", count(*) AS later, sum(q2 IS NULL OR q2 < ${f}) AS "repeatBuyers"
      FROM repeat_buyer_products INDEXED BY repeat_buyer_products_by_prev WHERE q1 IS NOT NULL AND q1 >= ${f} AND q1 <= ${t} AND day <= ${t} GROUP BY product_id`.execute(db),
  ]);
  const repeatOf = new Map(withPrevious.map((r) => [r.productId, r]));
  const products = totals.map((r) => ({ productId: r.productId, buyers: r.orders - (repeatOf.get(r.productId)?.later ?? 0), repeatBuyers: repeatOf.get(r.productId)?.repeatBuyers ?? 0 }));
  return { buckets, products };
}

export async function repeatBuyers(db: Kysely<Database>, p: { from: string; to: string; top: number }): Promise<RepeatBuyersResult> {
  const summary = repeatFiguresOf(await repeatAggregates(db, p), p.top);
  const all = await sql<{ orders: number | null }>`
    SELECT sum(orders) AS orders FROM order_analytics_days
    WHERE basis = 'paid' AND dimension = 'total' AND day >= ${p.from} AND day <= ${p.to}`.execute(db);
  const names = new Map<string, string | null>();
  for (const product of summary.products) {
    if (product.productId === '') continue;
    const { rows: found } = await sql<{ name: string | null }>`
      SELECT product_title AS name FROM order_lines WHERE product_id = ${product.productId} AND product_title IS NOT NULL LIMIT 1`.execute(db);
    names.set(product.productId, found[0]?.name ?? null);
  }
  const since = await sql<{ v: string }>`SELECT since_version AS v FROM buyer_key_secret WHERE id = 1`.execute(db);
  return {
    from: p.from,
    to: p.to,
    ...summary,
    orders: all.rows[0]?.orders ?? 0,
    products: summary.products.map((product) => ({ ...product, name: names.get(product.productId) ?? null })),
    sinceVersion: since.rows[0]?.v ?? null,
  };
}
