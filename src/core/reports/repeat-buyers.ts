import { sql, type Kysely } from 'kysely';
import { addDays } from '../../shared/domain/china-time';
import type { RepeatBuyersResult } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';
import { summariseRepeatBuyers, type RepeatLine } from './repeat-buyers-summary';

/*
 * analytics.repeatBuyers: read straight from order_lines (a distinct-buyer count over an arbitrary
 * range cannot be summed from per-day summaries: one buyer on two days would count twice), from the
 * partial covering index order_lines_by_buyer alone (migration 0015). Lines closed unpaid
 * (DOUYIN_EXPORTS.md §3.1: 已关闭 with 售后状态 "-") and 待支付 lines are no purchase and stay out, as in
 * the summaries. All net orders of the range, keyed or not, come from order_analytics_days: its
 * paid-basis total, partitioned by the 订单提交时间 day, leaves out exactly those lines too.
 */
export async function repeatBuyers(db: Kysely<Database>, p: { from: string; to: string; top: number }): Promise<RepeatBuyersResult> {
  const { rows } = await sql<RepeatLine>`
    SELECT DISTINCT order_id AS "orderId", buyer_key AS buyer, product_id AS "productId"
    FROM order_lines INDEXED BY order_lines_by_buyer
    WHERE buyer_key IS NOT NULL AND submitted_at >= ${p.from} AND submitted_at < ${addDays(p.to, 1)}
      AND coalesce(trim(status), '') <> '待支付'
      AND NOT (coalesce(trim(status), '') = '已关闭' AND coalesce(trim(aftersale_status), '') IN ('', '-', '无'))
    ORDER BY buyer, "orderId", "productId"`.execute(db);
  const all = await sql<{ orders: number | null }>`
    SELECT sum(orders) AS orders FROM order_analytics_days
    WHERE basis = 'paid' AND dimension = 'total' AND day >= ${p.from} AND day <= ${p.to}`.execute(db);
  const summary = summariseRepeatBuyers(rows, p.top);
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
