import { sql, type Kysely } from 'kysely';
import { ALL_ORDER_DAYS, rebuildShipQueueAsync } from '../../orders/ship-queue';
import type { Database } from '../schema';

/*
 * Frozen in time: the shipping queue's summary (issue 14, src/core/orders/ship-queue.ts). Today,
 * the reminder centre and the reminder check read these instead of every unshipped line at their
 * first call. `ship_queue_lines`: the paid unshipped lines (to ship, or waiting on a refund) with
 * their ship-by (ms, NULL without any time);
 * `ship_queue_orders`: per order with an unshipped line, the earliest ship-by of its lines to ship,
 * how many are to ship and how many wait on a refund, its first product title. Both partitioned by
 * `day` (China day of 订单提交时间, '' without one), rebuilt per day by every import and undo;
 * `ship_queue_days`: per day, the lines whose current 售后状态 is open.
 * The backfill fills them from the lines already imported.
 */
const STATEMENTS = [
  `CREATE TABLE ship_queue_lines (
    sub_order_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    day TEXT NOT NULL,
    to_ship INTEGER NOT NULL CHECK (to_ship IN (0, 1)),
    ship_by_ms INTEGER
  ) WITHOUT ROWID, STRICT`,
  `CREATE INDEX ship_queue_lines_by_ship ON ship_queue_lines (ship_by_ms, order_id) WHERE to_ship = 1 AND ship_by_ms IS NOT NULL`,
  `CREATE INDEX ship_queue_lines_by_day ON ship_queue_lines (day)`,
  `CREATE INDEX ship_queue_lines_by_order ON ship_queue_lines (order_id)`,
  `CREATE TABLE ship_queue_orders (
    order_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    ship_by_ms INTEGER,
    to_ship_lines INTEGER NOT NULL CHECK (to_ship_lines >= 0),
    refund_lines INTEGER NOT NULL CHECK (refund_lines >= 0),
    product_title TEXT
  ) WITHOUT ROWID, STRICT`,
  // Orders to ship by earliest ship-by (the overdue count, the lists); the line counts ride along for the overdue reminder's sum.
  `CREATE INDEX ship_queue_orders_by_ship ON ship_queue_orders (ship_by_ms, order_id, to_ship_lines) WHERE to_ship_lines > 0`,
  `CREATE INDEX ship_queue_orders_refunds ON ship_queue_orders (refund_lines) WHERE refund_lines > 0`,
  `CREATE INDEX ship_queue_orders_by_day ON ship_queue_orders (day)`,
  // Per submitted day: the lines whose current 售后状态 is open (Today's 售后处理中, any 订单状态).
  `CREATE TABLE ship_queue_days (
    day TEXT PRIMARY KEY,
    aftersales_open INTEGER NOT NULL CHECK (aftersales_open >= 0)
  ) WITHOUT ROWID, STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  const days = await sql<{ day: string }>`${sql.raw(ALL_ORDER_DAYS)}`.execute(db);
  await rebuildShipQueueAsync(db as unknown as Kysely<Database>, days.rows.map((r) => r.day));
}
