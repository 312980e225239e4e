import { sql, type Kysely } from 'kysely';

/*
 * The orders desk's totals at 1,000,000 lines (issue 11: every filter ≤ 150 ms). A count reads
 * every match; through an index that lacks a column the filter tests, each match is a row read,
 * and a row here is large (the raw columns in extra_json): 待采购 took 1.0 s, 精选联盟 1.2 s. Two
 * indexes let SQLite count from the index alone. Frozen in time like every migration.
 *
 * - The unshipped lines' index of 0007 keeps its name and its leading (ship_by_key, sub_order_id),
 *   so pages walk it as before, and now also holds what the unshipped queues test (order_id for the
 *   distinct orders, status, shipped_at, aftersale_status): 待采购, overdue, refund before shipping,
 *   an unshipped status and 待采购 purchases are counted in it.
 * - 精选联盟 / self-sold by the very expression the filter uses (src/core/orders/order-list.ts), with
 *   order_id: `= 1` / `= 0` is then a range of this index.
 */
const UNSHIPPED = `status IN ('待发货', '备货中', '已支付', '部分发货')`;
const AFFILIATE = `(ifnull(traffic_source, '') LIKE '%精选联盟%' AND ifnull(influencer_id, '') != '')`;

const STATEMENTS = [
  `DROP INDEX order_lines_unshipped_by_ship`,
  `CREATE INDEX order_lines_unshipped_by_ship ON order_lines (ship_by_key, sub_order_id, order_id, status, shipped_at, aftersale_status) WHERE ${UNSHIPPED}`,
  `CREATE INDEX order_lines_by_source ON order_lines (${AFFILIATE}, order_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
