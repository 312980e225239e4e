import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: the money screen's first page of lines without reconciling every line (issue 14,
 * screens at 500k lines). A page reads its lines' own movements: the funds-flow and bill rows naming
 * their sub-orders, and the rows with a blank 子订单号 naming their orders (DOUYIN_EXPORTS.md §1.3).
 * funds_flows had its sub-order index (0006); these are the other three ways in. No data changes.
 */
const STATEMENTS = [
  `CREATE INDEX IF NOT EXISTS funds_flows_by_order ON funds_flows (order_id) WHERE order_id IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS settlement_lines_by_sub_order ON settlement_lines (sub_order_id) WHERE sub_order_id IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS settlement_lines_by_order ON settlement_lines (order_id) WHERE order_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
