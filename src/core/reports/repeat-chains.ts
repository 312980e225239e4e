import type { Kysely } from 'kysely';
import { addDays } from '../../shared/domain/china-time';
import type { SqliteDb } from '../db/open-database';
import { chunks, runPlan, runPlanAsync, type StatementPlan } from '../db/statement-plan';
import type { Database } from '../db/schema';
import { NO_DAY } from './order-report-days';

/*
 * What the repeat-buyer estimate counts, kept by every import and undo (migration 0020), so a range
 * is answered by counting index entries instead of sorting every keyed line of it by buyer.
 *
 * Per (buyer, order): the China days of the buyer's previous 1 … 5 orders (p1 … p5, null when there
 * are fewer), in time order (订单提交时间, then 主订单编号). In a range [from, to] a buyer's orders are
 * consecutive in that order, so a buyer has k or more orders in it exactly when one of its orders
 * in the range has its (k−1)-th previous order in the range too and its k-th before it — one such
 * order per buyer (repeat-buyers.ts counts them). Per (buyer, product, order) the same with the
 * previous two orders of that buyer that hold the product (q1, q2).
 *
 * Only net keyed lines count, as in the estimate: a buyer key, not 待支付, not closed unpaid
 * (DOUYIN_EXPORTS.md §3.1: 已关闭 with 售后状态 "-"). All lines of an order share 订单提交时间, so an
 * order has one day.
 */

/** One distinct (buyer, order, product) of the net keyed lines, with the order's 订单提交时间. */
export type KeyedLine = { buyer: string; orderId: string; productId: string; at: string };
export type ChainOrder = { buyer: string; orderId: string; day: string; prev: (string | null)[] };
export type ChainProduct = { buyer: string; productId: string; orderId: string; at: string; day: string; prev: (string | null)[] };

/** How many previous orders a buyer row and a buyer–product row remember. */
export const ORDER_DEPTH = 5;
export const PRODUCT_DEPTH = 2;

const byTime = (a: { at: string; orderId: string }, b: { at: string; orderId: string }): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;

/** One buyer's (or buyer–product's) orders, each with its time, in time order with the days of the `depth` before it. */
function chainOf(held: ReadonlyMap<string, string>, depth: number): { orderId: string; at: string; day: string; prev: (string | null)[] }[] {
  const sorted = [...held].map(([orderId, at]) => ({ orderId, at, day: at.slice(0, 10) })).sort(byTime);
  return sorted.map((o, i) => ({ ...o, prev: Array.from({ length: depth }, (_, k) => sorted[i - k - 1]?.day ?? null) }));
}

/** Keeps the earliest time of each order (an order's time is its earliest line's). */
const keepEarliest = (held: Map<string, string>, orderId: string, at: string): void => {
  const known = held.get(orderId);
  if (known === undefined || at < known) held.set(orderId, at);
};

/** Pure: the chains of every buyer among `lines` (all of each buyer's lines must be there). */
export function repeatChains(lines: readonly KeyedLine[]): { orders: ChainOrder[]; products: ChainProduct[] } {
  const ordersOf = new Map<string, Map<string, string>>();
  const productOrders = new Map<string, { buyer: string; productId: string; held: Map<string, string> }>();
  for (const l of lines) {
    let own = ordersOf.get(l.buyer);
    if (!own) ordersOf.set(l.buyer, (own = new Map()));
    keepEarliest(own, l.orderId, l.at);
    const pair = `${l.buyer}\u001f${l.productId}`;
    let product = productOrders.get(pair);
    if (!product) productOrders.set(pair, (product = { buyer: l.buyer, productId: l.productId, held: new Map() }));
    keepEarliest(product.held, l.orderId, l.at);
  }
  const orders: ChainOrder[] = [];
  for (const [buyer, own] of ordersOf) for (const o of chainOf(own, ORDER_DEPTH)) orders.push({ buyer, orderId: o.orderId, day: o.day, prev: o.prev });
  const products: ChainProduct[] = [];
  for (const { buyer, productId, held } of productOrders.values()) for (const o of chainOf(held, PRODUCT_DEPTH)) products.push({ buyer, productId, ...o });
  return { orders, products };
}

/** The estimate's line filter (repeat-buyers.ts reads nothing else). */
export const NET_KEYED = `buyer_key IS NOT NULL AND coalesce(trim(status), '') <> '待支付'
  AND NOT (coalesce(trim(status), '') = '已关闭' AND coalesce(trim(aftersale_status), '') IN ('', '-', '无'))`;

/** Past this many keyed lines on the touched days, the chains are rebuilt whole in SQL instead of per buyer. */
export const FULL_REBUILD_LINES = 20_000;

const DAY_OF = (col: string) => `substr(${col}, 1, 10)`;

/**
 * Every chain from every line, in SQLite (window functions over the lines grouped by buyer and
 * order, and by buyer, product and order): the same rows as repeatChains (order within a buyer by
 * 订单提交时间, then 主订单编号; an order's time its earliest line's), without the lines in memory.
 */
const FULL_REBUILD = [
  `DELETE FROM repeat_buyer_orders`,
  `DELETE FROM repeat_buyer_products`,
  `DELETE FROM repeat_buyer_product_days`,
  `INSERT INTO repeat_buyer_orders (buyer_key, order_id, day, p1, p2, p3, p4, p5)
    SELECT b, o, d, lag(d, 1) OVER w, lag(d, 2) OVER w, lag(d, 3) OVER w, lag(d, 4) OVER w, lag(d, 5) OVER w
    FROM (SELECT buyer_key AS b, order_id AS o, min(submitted_at) AS at, ${DAY_OF('min(submitted_at)')} AS d
      FROM order_lines INDEXED BY order_lines_by_buyer WHERE submitted_at IS NOT NULL AND ${NET_KEYED} GROUP BY buyer_key, order_id)
    WINDOW w AS (PARTITION BY b ORDER BY at, o)`,
  `INSERT INTO repeat_buyer_products (buyer_key, product_id, order_id, at, day, q1, q2)
    SELECT b, pr, o, at, d, lag(d, 1) OVER w, lag(d, 2) OVER w
    FROM (SELECT buyer_key AS b, coalesce(product_id, '') AS pr, order_id AS o, min(submitted_at) AS at, ${DAY_OF('min(submitted_at)')} AS d
      FROM order_lines INDEXED BY order_lines_by_buyer WHERE submitted_at IS NOT NULL AND ${NET_KEYED} GROUP BY buyer_key, coalesce(product_id, ''), order_id)
    WINDOW w AS (PARTITION BY b, pr ORDER BY at, o)`,
  `INSERT INTO repeat_buyer_product_days (day, product_id, orders) SELECT day, product_id, count(*) FROM repeat_buyer_products GROUP BY day, product_id`,
];

/**
 * The rebuild as a plan of statements (each `yield` one, answered with its rows), so the import
 * writer (better-sqlite3, in its transaction), the undo and the migration (kysely) run the same
 * logic. For the submitted days an import or undo touched: every buyer with a line on them, now or
 * before, gets its chains again, from its lines on those days (read from order_lines) and its
 * orders on every other day (kept here: those did not change).
 */
function* rebuildSteps(touched: Iterable<string> | 'all'): StatementPlan {
  // A database before migration 0020 (a test's older schema): the migration's backfill reads every line when it runs.
  if (((yield { text: `SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'repeat_buyer_orders'`, params: [] }) as unknown[]).length === 0) return;
  if (touched === 'all') {
    yield* FULL_REBUILD.map((text) => ({ text, params: [] }));
    return;
  }
  const days = [...new Set(touched)].filter((d) => d !== NO_DAY && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  if (days.length === 0) return;
  // A big load (a first import of the shop's history) is rebuilt whole inside SQLite: the per-buyer
  // path below holds every line of the touched days in memory (8.4 s and 1.1 GB more at 500k lines).
  let lines = 0;
  for (const day of days) {
    const [n] = (yield { text: `SELECT count(*) AS n FROM order_lines INDEXED BY order_lines_by_buyer WHERE buyer_key IS NOT NULL AND submitted_at >= ? AND submitted_at < ?`, params: [day, addDays(day, 1)] }) as { n: number }[];
    lines += n?.n ?? 0;
  }
  if (lines > FULL_REBUILD_LINES) {
    yield* FULL_REBUILD.map((text) => ({ text, params: [] }));
    return;
  }
  const onDays: KeyedLine[] = [];
  for (const day of days) {
    const rows = (yield {
      text: `SELECT DISTINCT buyer_key AS buyer, order_id AS orderId, coalesce(product_id, '') AS productId, submitted_at AS at
        FROM order_lines INDEXED BY order_lines_by_buyer WHERE submitted_at >= ? AND submitted_at < ? AND ${NET_KEYED}`,
      params: [day, addDays(day, 1)],
    }) as KeyedLine[];
    for (const r of rows) onDays.push(r);
  }
  const dayList = JSON.stringify(days);
  const before = (yield { text: `SELECT DISTINCT buyer_key AS buyer FROM repeat_buyer_orders WHERE day IN (SELECT value FROM json_each(?))`, params: [dayList] }) as { buyer: string }[];
  const buyers = JSON.stringify([...new Set([...onDays.map((l) => l.buyer), ...before.map((r) => r.buyer)])]);
  const elsewhere = (yield {
    text: `SELECT buyer_key AS buyer, order_id AS orderId, product_id AS productId, at FROM repeat_buyer_products
      WHERE buyer_key IN (SELECT value FROM json_each(?)) AND day NOT IN (SELECT value FROM json_each(?))`,
    params: [buyers, dayList],
  }) as KeyedLine[];
  yield { text: `DELETE FROM repeat_buyer_orders WHERE buyer_key IN (SELECT value FROM json_each(?))`, params: [buyers] };
  yield { text: `DELETE FROM repeat_buyer_products WHERE buyer_key IN (SELECT value FROM json_each(?))`, params: [buyers] };
  const { orders, products } = repeatChains([...elsewhere, ...onDays]);
  // Multi-row inserts within SQLite's parameter limit.
  for (const chunk of chunks(orders, 100)) {
    yield {
      text: `INSERT INTO repeat_buyer_orders (buyer_key, order_id, day, p1, p2, p3, p4, p5) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params: chunk.flatMap((o) => [o.buyer, o.orderId, o.day, ...o.prev]),
    };
  }
  for (const chunk of chunks(products, 100)) {
    yield {
      text: `INSERT INTO repeat_buyer_products (buyer_key, product_id, order_id, at, day, q1, q2) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params: chunk.flatMap((p) => [p.buyer, p.productId, p.orderId, p.at, p.day, ...p.prev]),
    };
  }
  // The rows of a day change only with that day's lines: the touched days' counts, from those lines' rows.
  yield { text: `DELETE FROM repeat_buyer_product_days WHERE day IN (SELECT value FROM json_each(?))`, params: [dayList] };
  const touchedDays = new Set(days);
  const perDay = new Map<string, { day: string; productId: string; orders: number }>();
  for (const p of products) {
    if (!touchedDays.has(p.day)) continue;
    const key = `${p.day}\u001f${p.productId}`;
    const row = perDay.get(key);
    if (row) row.orders += 1;
    else perDay.set(key, { day: p.day, productId: p.productId, orders: 1 });
  }
  for (const chunk of chunks([...perDay.values()], 300)) {
    yield { text: `INSERT INTO repeat_buyer_product_days (day, product_id, orders) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, params: chunk.flatMap((r) => [r.day, r.productId, r.orders]) };
  }
}

/** Recomputes the chains of the buyers of these submitted days on the import writer's connection (inside its transaction). */
export function rebuildRepeatChains(db: SqliteDb, days: Iterable<string> | 'all'): void {
  runPlan(db, rebuildSteps(days));
}

/** The same on the core's kysely connection (the undo's transaction, the migration's backfill). */
export async function rebuildRepeatChainsAsync(db: Kysely<Database>, days: Iterable<string> | 'all'): Promise<void> {
  await runPlanAsync(db, rebuildSteps(days));
}
