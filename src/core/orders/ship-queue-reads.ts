import { sql, type Kysely, type Transaction } from 'kysely';
import { classifyAftersale, currentAftersaleStatus, type AftersaleRequest } from '../../shared/domain/order-line-state';
import type { LineCount } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { collate } from './shipping';
import type { ShipOrder } from './ship-index';

type Executor = Kysely<Database> | Transaction<Database>;

/*
 * Reads of the shipping queue's summary (ship-queue.ts): each a range of a small index, so the
 * first call after opening a 500k-line shop costs milliseconds, not a pass over the lines. They
 * answer what the full read of the unshipped lines answered (`buildShipIndex`, `shipWindows`,
 * `groupByOrder`, `countOpenAftersales`): the integration tests compare both on generated shops.
 */

const HOUR = 3600_000;

/** The lines to ship and the refund-asked lines, every order of each (no time involved). */
export async function loadShipTotals(db: Executor): Promise<{ toShip: LineCount; refundBeforeShip: LineCount; afterSalesOpen: number }> {
  const { rows } = await sql<{ toShipOrders: number; toShipLines: number; refundOrders: number; refundLines: number; openDays: number }>`
    SELECT (SELECT count(*) FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0) AS toShipOrders,
           (SELECT total(to_ship_lines) FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0) AS toShipLines,
           (SELECT count(*) FROM ship_queue_orders INDEXED BY ship_queue_orders_refunds WHERE refund_lines > 0) AS refundOrders,
           (SELECT total(refund_lines) FROM ship_queue_orders INDEXED BY ship_queue_orders_refunds WHERE refund_lines > 0) AS refundLines,
           (SELECT total(aftersales_open) FROM ship_queue_days) AS openDays`.execute(db);
  const r = rows[0]!;
  return {
    toShip: { orders: Number(r.toShipOrders), lines: Number(r.toShipLines) },
    refundBeforeShip: { orders: Number(r.refundOrders), lines: Number(r.refundLines) },
    afterSalesOpen: Number(r.openDays) + (await openRequestsWithoutLine(db)),
  };
}

/** After-sales requests whose order line is not imported (yet), counted per sub-order when the latest is open. */
async function openRequestsWithoutLine(db: Executor): Promise<number> {
  const { rows } = await sql<{ requests: string }>`
    SELECT json_group_array(json_object('status', a.status, 'appliedAt', a.applied_at)) AS requests
    FROM (SELECT sub_order_id, status, applied_at FROM aftersales a
          WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.sub_order_id = a.sub_order_id) ORDER BY a.rowid) a
    GROUP BY a.sub_order_id`.execute(db);
  return rows.filter((r) => classifyAftersale(currentAftersaleStatus(null, JSON.parse(r.requests) as AftersaleRequest[])) === 'open').length;
}

/** `shipWindows` at `now`: overdue = ship-by ≤ now; within = now < ship-by ≤ now + `hours` (lines, and their distinct orders). */
export async function loadShipWindows(db: Executor, now: Date, hours: number): Promise<{ within: LineCount; overdue: LineCount }> {
  const nowMs = now.getTime();
  const limit = nowMs + hours * HOUR;
  const { rows } = await sql<{ overdueLines: number; overdueOrders: number; withinLines: number; withinOrders: number }>`
    SELECT (SELECT count(*) FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms <= ${nowMs}) AS overdueLines,
           (SELECT count(*) FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms <= ${nowMs}) AS overdueOrders,
           (SELECT count(*) FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms > ${nowMs} AND ship_by_ms <= ${limit}) AS withinLines,
           (SELECT count(DISTINCT order_id) FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms > ${nowMs} AND ship_by_ms <= ${limit}) AS withinOrders`.execute(db);
  const r = rows[0]!;
  return { overdue: { orders: Number(r.overdueOrders), lines: Number(r.overdueLines) }, within: { orders: Number(r.withinOrders), lines: Number(r.withinLines) } };
}

type OrderRow = { orderId: string; shipByMs: number | null; lines: number; productTitle: string | null };

const toShipOrder = (r: OrderRow): ShipOrder => ({ orderId: r.orderId, shipBy: r.shipByMs === null ? null : new Date(Number(r.shipByMs)), lines: Number(r.lines), productTitle: r.productTitle });

/** groupByOrder's order: earliest ship-by first (none last), then order id as localeCompare. */
const byShipThenId = (a: OrderRow, b: OrderRow): number => {
  const ta = a.shipByMs === null ? Infinity : Number(a.shipByMs);
  const tb = b.shipByMs === null ? Infinity : Number(b.shipByMs);
  return ta === tb ? collate(a.orderId, b.orderId) : ta - tb;
};

const ORDER_COLUMNS = sql`order_id AS orderId, ship_by_ms AS shipByMs, to_ship_lines AS lines, product_title AS productTitle`;

/**
 * The first `n` orders to ship in groupByOrder's order, among those whose earliest ship-by is ≤
 * `atMost` (all orders, those without a time last, when it is null). SQL orders ids by bytes, the
 * collator may not: every order tied with the n-th on its ship-by is read and the cut made here.
 */
export async function loadFirstShipOrders(db: Executor, n: number, atMost: number | null): Promise<ShipOrder[]> {
  if (n <= 0) return [];
  const timed = atMost === null ? sql`ship_by_ms IS NOT NULL` : sql`ship_by_ms <= ${atMost}`;
  const first = (
    await sql<OrderRow>`SELECT ${ORDER_COLUMNS} FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship
      WHERE to_ship_lines > 0 AND ${timed} ORDER BY ship_by_ms, order_id LIMIT ${n}`.execute(db)
  ).rows;
  let rows = first;
  const last = first.at(-1);
  if (last && first.length === n) {
    rows = (
      await sql<OrderRow>`SELECT ${ORDER_COLUMNS} FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship
        WHERE to_ship_lines > 0 AND ship_by_ms IS NOT NULL AND ship_by_ms <= ${last.shipByMs}`.execute(db)
    ).rows;
  } else if (atMost === null && first.length < n) {
    const untimed = (await sql<OrderRow>`SELECT ${ORDER_COLUMNS} FROM ship_queue_orders WHERE to_ship_lines > 0 AND ship_by_ms IS NULL`.execute(db)).rows;
    rows = [...first, ...untimed];
  }
  return rows.sort(byShipThenId).slice(0, n).map(toShipOrder);
}

/** Orders to ship whose earliest ship-by is in (`after`, `atMost`], in groupByOrder's order. */
export async function loadShipOrdersBetween(db: Executor, after: number, atMost: number): Promise<ShipOrder[]> {
  if (atMost <= after) return [];
  const { rows } = await sql<OrderRow>`SELECT ${ORDER_COLUMNS} FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship
    WHERE to_ship_lines > 0 AND ship_by_ms > ${after} AND ship_by_ms <= ${atMost}`.execute(db);
  return rows.sort(byShipThenId).map(toShipOrder);
}

/** One order's entry (null when it has no line to ship). */
export async function loadShipOrder(db: Executor, orderId: string): Promise<ShipOrder | null> {
  const { rows } = await sql<OrderRow>`SELECT ${ORDER_COLUMNS} FROM ship_queue_orders WHERE order_id = ${orderId} AND to_ship_lines > 0`.execute(db);
  return rows[0] ? toShipOrder(rows[0]) : null;
}

/** The earliest ship-by (ms) of any order to ship, null when none has a time. */
export async function loadEarliestShipBy(db: Executor): Promise<number | null> {
  const { rows } = await sql<{ t: number | null }>`SELECT min(ship_by_ms) AS t FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms IS NOT NULL`.execute(db);
  const t = rows[0]?.t;
  return t === null || t === undefined ? null : Number(t);
}

/** Orders whose earliest ship-by is ≤ `t` and all their lines to ship (what `overdueAt` sums). */
export async function loadOverdueAt(db: Executor, t: number): Promise<{ orders: number; lines: number }> {
  const { rows } = await sql<{ orders: number; lines: number }>`SELECT count(*) AS orders, total(to_ship_lines) AS lines
    FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms <= ${t}`.execute(db);
  return { orders: Number(rows[0]?.orders ?? 0), lines: Number(rows[0]?.lines ?? 0) };
}
