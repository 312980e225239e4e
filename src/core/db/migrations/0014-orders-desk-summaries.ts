import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { refreshDeskSummariesAsync } from '../../orders/desk-summaries';

/*
 * The orders desk's counts at 1,000,000 lines, part two (issue 11: every filter's count ≤ 150 ms),
 * and the desk's after-sales state made Today's. Frozen in time like every migration; the
 * backfill runs the same maintenance every import and undo runs (src/core/orders/desk-summaries.ts).
 *
 * - `aftersale_latest`: the after-sales export's latest request for the line (by 售后申请时间, ties:
 *   the later row), its 售后状态 — null when the export has none. The line's current state is
 *   coalesce(aftersale_latest, aftersale_status), exactly `currentAftersaleStatus` (DOUYIN_EXPORTS §5).
 *   Kept on the line so the unshipped queues still count from one index.
 * - The unshipped index (same name and leading columns as 0009: pages unchanged) also holds it.
 * - Product, province and influencer indexes carry order_id (the distinct orders), and titles get
 *   one (product_title, order_id): a count is then a read of the index alone. The title index also
 *   lists the few distinct titles by skipping through it, so a title part matches titles, not lines.
 * - Lines with any after-sales state (a few %): a partial index, so "after-sales open" counts them
 *   without the other 95 %; lines with a request: a small one, so an undo finds stale states.
 * - `order_desk_totals`: the count of every line and order (no filter), with the key of the order
 *   data it was counted on.
 */
const UNSHIPPED = `status IN ('待发货', '备货中', '已支付', '部分发货')`;
const CURRENT = `coalesce(aftersale_latest, aftersale_status)`;

const STATEMENTS = [
  `ALTER TABLE order_lines ADD COLUMN aftersale_latest TEXT`,
  `DROP INDEX order_lines_unshipped_by_ship`,
  `CREATE INDEX order_lines_unshipped_by_ship ON order_lines (ship_by_key, sub_order_id, order_id, status, shipped_at, aftersale_status, aftersale_latest) WHERE ${UNSHIPPED}`,
  `DROP INDEX order_lines_by_product`,
  `CREATE INDEX order_lines_by_product ON order_lines (product_id, order_id)`,
  `DROP INDEX order_lines_by_province`,
  `CREATE INDEX order_lines_by_province ON order_lines (province, order_id)`,
  `DROP INDEX order_lines_by_influencer`,
  `CREATE INDEX order_lines_by_influencer ON order_lines (influencer_id, order_id)`,
  `CREATE INDEX order_lines_by_title ON order_lines (product_title, order_id)`,
  `CREATE INDEX order_lines_with_aftersale ON order_lines (order_id, aftersale_status, aftersale_latest) WHERE ${CURRENT} NOT IN ('-', '', '无')`,
  `CREATE INDEX order_lines_with_request ON order_lines (sub_order_id) WHERE aftersale_latest IS NOT NULL`,
  `CREATE TABLE order_desk_totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    lines INTEGER NOT NULL,
    orders INTEGER NOT NULL,
    data_key TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  await refreshDeskSummariesAsync(db as unknown as Kysely<Database>, { kind: 'orders' });
}
