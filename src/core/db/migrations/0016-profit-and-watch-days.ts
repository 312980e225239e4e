import { CompiledQuery, sql, type Kysely } from 'kysely';
import { rangeStatements, type ReportDimension } from '../../reports/order-report-days';
import { rebuildProfitDaysAsync } from '../../reports/profit-days';
import type { Database } from '../schema';

/*
 * Frozen in time: the 利润 view and the decline watch read summaries (issue 12, "every dashboard
 * query ≤ 100 ms at 1M lines").
 *
 * `order_profit_days` holds the order-derived parts of every paid line's profit (revenue, the funds
 * flow's commission and platform fee, after-sales refunds, units for the estimated cost, orders),
 * partitioned by `day`, the China day of 订单提交时间 — the unit every import and undo rebuilds —
 * and read by `paid_day`. The hand-entered parts (purchases, the cost stack, supplier refunds) are
 * combined at read time. Clustered by paid day (WITHOUT ROWID; `seq` numbers a submitted day's rows,
 * since product_title may be NULL and cannot be in a key): a range is one sequential read.
 *
 * order_report_days gains five dimensions: `watched` (the decline watch's daily series: unpaid
 * and closed-unpaid lines left out), `influencer` and `influencerName` (its "what fell" by 达人ID),
 * `spotPaid` and `spotLater` (the shop-health log's 60-day spot share).
 *
 * As in 0011, the rows of lines imported before this version are filled in by the summarisers
 * every import runs, one submitted day (profit) or one run of days (report) at a time.
 */
const STATEMENTS = [
  `CREATE TABLE order_profit_days (
    day TEXT NOT NULL,
    paid_day TEXT NOT NULL,
    seq INTEGER NOT NULL,
    product_id TEXT NOT NULL,
    sku_code TEXT NOT NULL,
    product_title TEXT,
    affiliate INTEGER NOT NULL CHECK (affiliate IN (0, 1)),
    payable_fen INTEGER NOT NULL,
    recorded_commission INTEGER NOT NULL CHECK (recorded_commission IN (0, 1)),
    recorded_fee INTEGER NOT NULL CHECK (recorded_fee IN (0, 1)),
    lines INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    cost_units INTEGER NOT NULL,
    revenue_fen INTEGER NOT NULL,
    commission_fen INTEGER NOT NULL,
    fee_fen INTEGER NOT NULL,
    refund_fen INTEGER NOT NULL,
    orders_in_day INTEGER NOT NULL,
    orders_in_product INTEGER NOT NULL,
    PRIMARY KEY (paid_day, day, seq)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX order_profit_days_by_day ON order_profit_days (day)`,
  // The dimension CHECK of 0002 cannot be altered in place: the table is copied (tens of thousands of rows at 1M lines).
  `CREATE TABLE order_report_days_0016 (
    dimension TEXT NOT NULL CHECK (dimension IN ('day', 'product', 'province', 'status', 'source', 'watched', 'influencer', 'influencerName', 'spotPaid', 'spotLater')),
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    orders INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (dimension, day, key)
  ) STRICT, WITHOUT ROWID`,
  `INSERT INTO order_report_days_0016 SELECT dimension, day, key, orders, lines, amount_fen FROM order_report_days`,
  `DROP TABLE order_report_days`,
  `ALTER TABLE order_report_days_0016 RENAME TO order_report_days`,
];

const NEW_DIMENSIONS: ReportDimension[] = ['watched', 'influencer', 'influencerName', 'spotPaid', 'spotLater'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  const days = (await sql<{ day: string }>`SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') AS day FROM order_lines`.execute(db)).rows.map((r) => r.day);
  await rebuildProfitDaysAsync(db as unknown as Kysely<Database>, days);
  // The new report dimensions only, over the whole span at once (the other dimensions' rows are already right).
  const dated = days.filter((d) => d !== '').sort();
  const ranges = [...(dated.length > 0 ? [{ from: dated[0]!, to: dated.at(-1)! }] : []), ...(days.includes('') ? (['' as const]) : [])];
  for (const range of ranges) {
    for (const statement of rangeStatements(range, NEW_DIMENSIONS)) await db.executeQuery(CompiledQuery.raw(statement.text, statement.params));
  }
}
