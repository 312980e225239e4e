import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { OrderReport, OrderReportGroup, OrderReportRow } from '../../shared/rpc/domains/reports';
import type { Database } from '../db/schema';
import type { ReportDimension } from './order-report-days';

/**
 * How each grouping reads the per-day summary: the dimension it sums and the key it groups by.
 * Day and week keys are China dates of 订单提交时间 (the week's Monday); every line with a 达人ID is
 * 精选联盟 in `source`; `product` is 商品ID.
 */
const GROUPING: Record<OrderReportGroup, { dimension: ReportDimension; key: RawBuilder<string> }> = {
  day: { dimension: 'day', key: sql`day` },
  week: { dimension: 'day', key: sql`coalesce(date(day, '-6 days', 'weekday 1'), '')` },
  month: { dimension: 'day', key: sql`substr(day, 1, 7)` },
  product: { dimension: 'product', key: sql`key` },
  province: { dimension: 'province', key: sql`key` },
  status: { dimension: 'status', key: sql`key` },
  source: { dimension: 'source', key: sql`key` },
};

const TIME_GROUPS: ReadonlySet<OrderReportGroup> = new Set(['day', 'week', 'month']);

type Row = { key: string | null; orders: number | null; lines: number | null; amount: number | null };

/**
 * Order lines between two China dates (inclusive; either may be left open), in total and per group:
 * `orders` counts distinct 主订单编号, `lines` sub-order lines, `amountFen` the sum of 订单应付金额.
 * Time groups come in date order; the others by lines, most first, then key. A missing key (no
 * province …) is the empty string. Reads order_report_days, so it answers in milliseconds at any size.
 */
export async function ordersReport(db: Kysely<Database>, params: { from?: string; to?: string; by?: OrderReportGroup }): Promise<OrderReport> {
  const by = params.by ?? 'day';
  const { dimension, key } = GROUPING[by];
  const conditions: RawBuilder<unknown>[] = [];
  if (params.from) conditions.push(sql`day >= ${params.from}`);
  if (params.to) conditions.push(sql`day <= ${params.to}`);
  // A from/to range leaves out lines without a date ('' sorts before every date).
  if (params.from || params.to) conditions.push(sql`day <> ''`);
  const range = conditions.length > 0 ? sql` AND ${sql.join(conditions, sql` AND `)}` : sql``;

  const total = await sql<Row>`
    SELECT NULL AS key, sum(orders) AS orders, sum(lines) AS lines, sum(amount_fen) AS amount
    FROM order_report_days WHERE dimension = 'day'${range}`.execute(db);
  const order = TIME_GROUPS.has(by) ? sql`ORDER BY key` : sql`ORDER BY lines DESC, key`;
  const grouped = await sql<Row>`
    SELECT ${key} AS key, sum(orders) AS orders, sum(lines) AS lines, sum(amount_fen) AS amount
    FROM order_report_days WHERE dimension = ${dimension}${range} GROUP BY 1 ${order}`.execute(db);

  const toRow = (r: Row): OrderReportRow => ({ key: r.key ?? '', orders: r.orders ?? 0, lines: r.lines ?? 0, amountFen: r.amount ?? 0 });
  const t = total.rows[0];
  return { total: { orders: t?.orders ?? 0, lines: t?.lines ?? 0, amountFen: t?.amount ?? 0 }, groups: grouped.rows.map(toRow) };
}
