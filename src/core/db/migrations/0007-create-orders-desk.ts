import { sql, type Kysely } from 'kysely';

/*
 * The orders desk (issue 11): what the order list needs to page 1,000,000 lines on indexes, and
 * the seller's own notes per order. Frozen in time like every migration.
 *
 * `ship_by_key` is a VIRTUAL generated column, so the importer and undo (which name their columns)
 * write nothing new: SQLite computes it on read and keeps the indexes on it current. It is exactly
 * `shipByMs` of src/core/orders/shipping.ts (承诺发货时间, else 支付完成时间 + 48 h, else
 * 订单提交时间 + 48 h, each read only when it is a `YYYY-MM-DD HH:MM[:SS]` China time), in epoch
 * milliseconds; a line with no time at all gets 10^16, later than any instant a Date can hold, so
 * "ship-by ≤ now" and "ship-by ≤ now + 24 h" exclude it just as `classifyShipping` skips null. The
 * GLOB guard also keeps text such as 'now' away from unixepoch(), which must stay deterministic
 * here. tests/integration/orders-ship-by.int.test.ts checks the column against shipByMs.
 */
const timeMs = (column: string) =>
  `CASE WHEN length(${column}) IN (16, 19)
          AND ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9][ T][0-2][0-9]:[0-5][0-9]*'
          AND (length(${column}) = 16 OR substr(${column}, 17) GLOB ':[0-5][0-9]')
          AND date(substr(${column}, 1, 10)) = substr(${column}, 1, 10)
          AND CAST(substr(${column}, 12, 2) AS INTEGER) < 24
        THEN unixepoch(substr(${column}, 1, 10) || ' ' || substr(${column}, 12)) * 1000 - 28800000 END`;

const SHIP_BY = `ifnull(ifnull(${timeMs('promised_ship_at')}, ifnull(${timeMs('paid_at')}, ${timeMs('submitted_at')}) + 172800000), 10000000000000000)`;

const STATEMENTS = [
  `ALTER TABLE order_lines ADD COLUMN ship_by_key INTEGER GENERATED ALWAYS AS (${SHIP_BY}) VIRTUAL`,
  // A 主订单's lines (grouping a page, the drawer, "first matching line of its order").
  // order_lines_by_order (order_id) comes from 0006.
  // The three sorts, each with the row key as tie-break so keyset paging is total and stable.
  `CREATE INDEX order_lines_by_ship ON order_lines (ship_by_key, sub_order_id)`,
  `CREATE INDEX order_lines_by_paid ON order_lines (ifnull(paid_at, ''), sub_order_id)`,
  `CREATE INDEX order_lines_by_amount ON order_lines (ifnull(payable_fen, -1), sub_order_id)`,
  // The shipping queues (overdue, within N h, 待采购): old shipped lines never get scanned.
  `CREATE INDEX order_lines_unshipped_by_ship ON order_lines (ship_by_key, sub_order_id) WHERE status IN ('待发货', '备货中', '已支付', '部分发货')`,
  `CREATE INDEX order_lines_by_product ON order_lines (product_id)`,
  `CREATE INDEX order_lines_by_influencer ON order_lines (influencer_id)`,
  `CREATE INDEX order_lines_by_province ON order_lines (province)`,
  // A line's versions across imports (the drawer's timeline): row_history's key starts with the import.
  `CREATE INDEX row_history_by_row ON row_history (table_name, row_key)`,
  `CREATE TABLE order_notes (
    id INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX order_notes_by_order ON order_notes (order_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
