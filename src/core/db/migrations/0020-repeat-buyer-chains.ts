import { sql, type Kysely } from 'kysely';
import { rebuildRepeatChainsAsync } from '../../reports/repeat-chains';
import type { Database } from '../schema';

/*
 * Frozen in time: the repeat-buyer estimate's chains (issue 12, every dashboard query ≤ 100 ms at
 * 1M lines; src/core/reports/repeat-chains.ts). Per (buyer, order) the days of the buyer's five
 * previous orders, per (buyer, product, order) the two previous orders holding that product; the
 * range indexes hold what the estimate counts. Filled here from the lines already imported.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS repeat_buyer_orders (
    buyer_key TEXT NOT NULL,
    order_id TEXT NOT NULL,
    day TEXT NOT NULL,
    p1 TEXT, p2 TEXT, p3 TEXT, p4 TEXT, p5 TEXT,
    PRIMARY KEY (buyer_key, order_id)
  ) WITHOUT ROWID, STRICT`,
  // A range's orders (counted), and the orders whose previous order lies in a range (a buyer's 2nd, 3rd … there).
  `CREATE INDEX IF NOT EXISTS repeat_buyer_orders_by_day ON repeat_buyer_orders (day)`,
  `CREATE INDEX IF NOT EXISTS repeat_buyer_orders_by_prev ON repeat_buyer_orders (p1, day, p2, p3, p4, p5) WHERE p1 IS NOT NULL`,
  `CREATE TABLE IF NOT EXISTS repeat_buyer_products (
    buyer_key TEXT NOT NULL,
    product_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    q1 TEXT, q2 TEXT,
    PRIMARY KEY (buyer_key, product_id, order_id)
  ) WITHOUT ROWID, STRICT`,
  `CREATE INDEX IF NOT EXISTS repeat_buyer_products_by_prev ON repeat_buyer_products (q1, day, product_id, q2) WHERE q1 IS NOT NULL`,
  // Per day and product, its (buyer, order) rows: a product's buyers in a range are these less the rows with a previous order in it.
  `CREATE TABLE IF NOT EXISTS repeat_buyer_product_days (
    day TEXT NOT NULL,
    product_id TEXT NOT NULL,
    orders INTEGER NOT NULL CHECK (orders > 0),
    PRIMARY KEY (day, product_id)
  ) WITHOUT ROWID, STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  await rebuildRepeatChainsAsync(db as unknown as Kysely<Database>, 'all');
}
