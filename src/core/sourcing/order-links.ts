import { sql } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import type { OrderFigures } from '../../shared/rpc/domains/sourcing';
import type { SourcingExecutor } from './sourcing-schema';

/*
 * Products meet imported orders through the 抖店's own keys: 商品ID (order_lines.product_id) or,
 * when the product has one, 商家编码 (order_lines.sku_code). A line is counted once even when both
 * match. Closed/cancelled lines (status containing 关闭 or 取消) are left out. Days are China days
 * of the payment time (or the submission time when unpaid), the form the exports use.
 */
export type ProductKeys = { douyinProductId: string; merchantCode: string };

const matches = (keys: ProductKeys) => {
  const parts = [];
  if (keys.douyinProductId !== '') parts.push(sql`product_id = ${keys.douyinProductId}`);
  if (keys.merchantCode !== '') parts.push(sql`sku_code = ${keys.merchantCode}`);
  return parts.length === 0 ? null : sql.join(parts, sql` OR `);
};

const EMPTY: OrderFigures = { orders7: 0, amount7Fen: 0, orders30: 0, amount30Fen: 0, ordersAll: 0 };

export async function orderFigures(db: SourcingExecutor, keys: ProductKeys, now: Date): Promise<OrderFigures> {
  const where = matches(keys);
  if (where === null) return EMPTY;
  const today = chinaDate(now);
  const from7 = `${addDays(today, -6)} 00:00:00`;
  const from30 = `${addDays(today, -29)} 00:00:00`;
  const row = await sql<{ orders7: number; amount7: number; orders30: number; amount30: number; total: number }>`
    SELECT
      COALESCE(SUM(CASE WHEN t >= ${from7} THEN 1 ELSE 0 END), 0) AS orders7,
      COALESCE(SUM(CASE WHEN t >= ${from7} THEN amount ELSE 0 END), 0) AS amount7,
      COALESCE(SUM(CASE WHEN t >= ${from30} THEN 1 ELSE 0 END), 0) AS orders30,
      COALESCE(SUM(CASE WHEN t >= ${from30} THEN amount ELSE 0 END), 0) AS amount30,
      COUNT(*) AS total
    FROM (
      SELECT COALESCE(paid_at, submitted_at, '') AS t, COALESCE(payable_fen, 0) AS amount
      FROM order_lines
      WHERE (${where}) AND (status IS NULL OR (status NOT LIKE '%关闭%' AND status NOT LIKE '%取消%'))
    )`.execute(db);
  const r = row.rows[0];
  return r
    ? { orders7: Number(r.orders7), amount7Fen: Number(r.amount7), orders30: Number(r.orders30), amount30Fen: Number(r.amount30), ordersAll: Number(r.total) }
    : EMPTY;
}

/** The earliest matching order line's time (China `YYYY-MM-DD HH:MM:SS`), or null. */
export async function firstOrderTime(db: SourcingExecutor, keys: ProductKeys): Promise<string | null> {
  const where = matches(keys);
  if (where === null) return null;
  const row = await sql<{ first: string | null }>`
    SELECT MIN(COALESCE(paid_at, submitted_at)) AS first FROM order_lines
    WHERE (${where}) AND (status IS NULL OR (status NOT LIKE '%关闭%' AND status NOT LIKE '%取消%'))`.execute(db);
  return row.rows[0]?.first ?? null;
}
