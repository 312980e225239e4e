import { sql, type Kysely, type Transaction } from 'kysely';
import { classifyAftersale, currentAftersaleStatus, type AftersaleRequest } from '../../shared/domain/order-line-state';
import type { LineCount } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { createMomentCache, type Steady } from './picture-cache';
import { collate } from './shipping';

type Executor = Kysely<Database> | Transaction<Database>;

/** An order to ship: its earliest ship-by among its lines to ship (null: none has a time), how many lines, its first title. */
export type ShipOrder = { orderId: string; shipBy: Date | null; lines: number; productTitle: string | null };

/*
 * Reads of the shipping queue's summary (ship-queue.ts): each a range of a small index, so the
 * first call after opening a 500k-line shop costs milliseconds, not a pass over the lines. They
 * answer what the full read of the unshipped lines answered (`classifyShipping` + `countLines`,
 * `groupByOrder`, `countOpenAftersales`): the integration tests compare both on generated shops.
 * The counts at a moment (the windows, `overdueAt`) are kept per data version with the span of
 * moments they hold for (picture-cache.ts `createMomentCache`): with the whole backlog overdue each
 * is a pass over 125k+ index entries, and Today asks for several at every call.
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

type Windows = { within: LineCount; overdue: LineCount };

/** The latest ship-by of a line to ship that is ≤ `t`, and the earliest that is > `t` (where a line count at `t` can change). */
const lineAtMost = (t: number) =>
  sql`(SELECT ship_by_ms FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms <= ${t} ORDER BY ship_by_ms DESC LIMIT 1)`;
const lineAfter = (t: number) =>
  sql`(SELECT ship_by_ms FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms > ${t} ORDER BY ship_by_ms LIMIT 1)`;

const orNone = (v: number | null, none: number): number => (v === null ? none : Number(v));

async function readShipWindows(db: Executor, nowMs: number, hours: number): Promise<Steady<Windows>> {
  const span = hours * HOUR;
  const limit = nowMs + span;
  const { rows } = await sql<{ overdueLines: number; overdueOrders: number; withinLines: number; withinOrders: number; a1: number | null; b1: number | null; a2: number | null; b2: number | null }>`
    SELECT (SELECT count(*) FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms <= ${nowMs}) AS overdueLines,
           (SELECT count(*) FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms <= ${nowMs}) AS overdueOrders,
           (SELECT count(*) FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms > ${nowMs} AND ship_by_ms <= ${limit}) AS withinLines,
           (SELECT count(DISTINCT order_id) FROM ship_queue_lines INDEXED BY ship_queue_lines_by_ship WHERE to_ship = 1 AND ship_by_ms IS NOT NULL AND ship_by_ms > ${nowMs} AND ship_by_ms <= ${limit}) AS withinOrders,
           ${lineAtMost(nowMs)} AS a1, ${lineAfter(nowMs)} AS b1, ${lineAtMost(limit)} AS a2, ${lineAfter(limit)} AS b2`.execute(db);
  const r = rows[0]!;
  // Both windows hold the same lines while neither edge (now, now + hours) passes a line's ship-by;
  // an order's earliest ship-by is one of its lines', so the order counts hold too.
  return {
    value: { overdue: { orders: Number(r.overdueOrders), lines: Number(r.overdueLines) }, within: { orders: Number(r.withinOrders), lines: Number(r.withinLines) } },
    from: Math.max(orNone(r.a1, -Infinity), orNone(r.a2, -Infinity) - span),
    until: Math.min(orNone(r.b1, Infinity), orNone(r.b2, Infinity) - span),
  };
}

const keptWindows = createMomentCache<Windows>();

/** Overdue = ship-by ≤ now; within = now < ship-by ≤ now + `hours` (lines, and their distinct orders), as `classifyShipping` + `countLines`. */
export async function loadShipWindows(db: Executor, now: Date, hours: number): Promise<Windows> {
  const nowMs = now.getTime();
  const { within, overdue } = await keptWindows(db, `${hours}`, nowMs, () => readShipWindows(db, nowMs, hours));
  return { within: { ...within }, overdue: { ...overdue } };
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

type Overdue = { orders: number; lines: number };

async function readOverdueAt(db: Executor, t: number): Promise<Steady<Overdue>> {
  const { rows } = await sql<{ orders: number; lines: number; before: number | null; after: number | null }>`
    SELECT (SELECT count(*) FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms <= ${t}) AS orders,
           (SELECT total(to_ship_lines) FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms <= ${t}) AS lines,
           (SELECT ship_by_ms FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms <= ${t} ORDER BY ship_by_ms DESC LIMIT 1) AS before,
           (SELECT ship_by_ms FROM ship_queue_orders INDEXED BY ship_queue_orders_by_ship WHERE to_ship_lines > 0 AND ship_by_ms > ${t} ORDER BY ship_by_ms LIMIT 1) AS after`.execute(db);
  const r = rows[0]!;
  // The sums change only when `t` passes an order's earliest ship-by.
  return { value: { orders: Number(r.orders ?? 0), lines: Number(r.lines ?? 0) }, from: orNone(r.before, -Infinity), until: orNone(r.after, Infinity) };
}

const keptOverdue = createMomentCache<Overdue>();

/** Orders whose earliest ship-by is ≤ `t` and all their lines to ship (what `overdueAt` sums). */
export async function loadOverdueAt(db: Executor, t: number): Promise<Overdue> {
  return { ...(await keptOverdue(db, '', t, () => readOverdueAt(db, t))) };
}
