import { sql, type Kysely } from 'kysely';
import { rebuildAnalyticsDaysAsync } from '../../reports/analytics-days';
import type { Database } from '../schema';

/*
 * Frozen in time: 看数据, order volume (issue 12).
 *
 * `order_analytics_days` is a second per-day summary beside order_report_days, for the two time
 * bases of the analytics screen. Its rows are partitioned by `day`, the China day of 订单提交时间 —
 * the unit every import and undo already rebuilds — and inside it by `at_day`, the day on the chosen
 * basis (paid: 支付完成时间; refund: the refund or close time). All lines of a parent order share
 * 订单提交时间 and 支付完成时间, so summing distinct-order counts over `day` for one `at_day` is exact.
 * The primary key starts with what every dashboard query filters on (basis, dimension, at_day range).
 *
 * `analytics_notes` holds the seller's note per period ("直播带货"); `analytics_settings` the
 * editable thresholds of the hit / drop flags, as JSON values.
 *
 * The one exception to "frozen": the summary of lines imported before this version is filled in
 * by the summariser itself (one submitted day at a time), the same code every import runs — a copy
 * in SQL here could drift from it unnoticed.
 */
const STATEMENTS = [
  `CREATE TABLE order_analytics_days (
    basis TEXT NOT NULL CHECK (basis IN ('paid', 'refund')),
    dimension TEXT NOT NULL,
    at_day TEXT NOT NULL,
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    orders INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (basis, dimension, at_day, key, day)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX order_analytics_days_by_day ON order_analytics_days (day)`,
  `CREATE TABLE analytics_notes (
    granularity TEXT NOT NULL CHECK (granularity IN ('day', 'week', 'month')),
    period TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (granularity, period)
  ) STRICT`,
  `CREATE TABLE analytics_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  const days = await sql<{ day: string }>`SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') AS day FROM order_lines`.execute(db);
  await rebuildAnalyticsDaysAsync(db as unknown as Kysely<Database>, days.rows.map((r) => r.day));
}
