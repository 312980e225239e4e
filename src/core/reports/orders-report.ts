import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { OrderReport, OrderReportGroup, OrderReportRow } from '../../shared/rpc/domains/reports';
import type { Database } from '../db/schema';

/**
 * Group keys. `submitted_at` is 订单提交时间 as the export writes it (`YYYY-MM-DD HH:MM:SS`,
 * China time), so its first 10 characters are the China date; the week key is that date's Monday.
 * `source` folds every line sold by an influencer (达人ID present) into 精选联盟.
 */
const KEY: Record<OrderReportGroup, RawBuilder<string>> = {
  day: sql`substr(submitted_at, 1, 10)`,
  week: sql`date(submitted_at, '-6 days', 'weekday 1')`,
  month: sql`substr(submitted_at, 1, 7)`,
  product: sql`product_id`,
  province: sql`province`,
  status: sql`status`,
  source: sql`CASE WHEN influencer_id IS NOT NULL THEN '精选联盟' ELSE traffic_source END`,
};

const TIME_GROUPS: ReadonlySet<OrderReportGroup> = new Set(['day', 'week', 'month']);

/** The day after a `YYYY-MM-DD` date (the range's exclusive end). */
export const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

type Row = { key: string | null; orders: number; lines: number; amount: number | null };

/**
 * Order lines between two China dates (inclusive), in total and per group: `orders` counts distinct
 * 主订单编号, `lines` sub-order lines, `amountFen` the sum of 订单应付金额. Time groups come in date
 * order; the others by lines, most first. A missing key (no province …) is the empty string.
 */
export async function ordersReport(db: Kysely<Database>, params: { from?: string; to?: string; by?: OrderReportGroup }): Promise<OrderReport> {
  const by = params.by ?? 'day';
  const conditions: RawBuilder<unknown>[] = [];
  if (params.from) conditions.push(sql`submitted_at >= ${`${params.from} 00:00:00`}`);
  if (params.to) conditions.push(sql`submitted_at < ${`${nextDate(params.to)} 00:00:00`}`);
  const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;

  const total = await sql<Row>`
    SELECT NULL AS key, count(DISTINCT order_id) AS orders, count(*) AS lines, sum(payable_fen) AS amount
    FROM order_lines ${where}`.execute(db);
  const order = TIME_GROUPS.has(by) ? sql`ORDER BY key` : sql`ORDER BY lines DESC, key`;
  const grouped = await sql<Row>`
    SELECT ${KEY[by]} AS key, count(DISTINCT order_id) AS orders, count(*) AS lines, sum(payable_fen) AS amount
    FROM order_lines ${where} GROUP BY 1 ${order}`.execute(db);

  const toRow = (r: Row): OrderReportRow => ({ key: r.key ?? '', orders: r.orders, lines: r.lines, amountFen: r.amount ?? 0 });
  const t = total.rows[0];
  return {
    total: { orders: t?.orders ?? 0, lines: t?.lines ?? 0, amountFen: t?.amount ?? 0 },
    groups: grouped.rows.map(toRow),
  };
}
