import type { Kysely } from 'kysely';
import { classifyAftersale, currentAftersaleStatus, lineStage, UNSHIPPED_STATUSES, type AftersaleRequest } from '../../shared/domain/order-line-state';
import type { SqliteDb } from '../db/open-database';
import { chunks, runPlan, runPlanAsync, type PlanStep, type StatementPlan } from '../db/statement-plan';
import type { Database } from '../db/schema';
import { NO_DAY, reportDayOf } from '../reports/order-report-days';
import { shipByMs, type UnshippedLine } from './shipping';

/*
 * The shipping queue's summary (migration 0017): what Today, the reminder centre and the 30-second
 * check need from the paid, unshipped lines, kept in two small tables instead of reading and
 * classifying 100k+ lines at the first call.
 * - `ship_queue_lines`: one row per paid unshipped line, `to_ship` 1 for `lineStage` toShip (the
 *   after-sales export's latest request first, as `currentAftersaleStatus`), 0 for refundBeforeShip,
 *   with its ship-by in ms (`shipByMs`; NULL without any time) — the line windows (overdue lines,
 *   within N h: lines and distinct orders).
 * - `ship_queue_orders`: one row per order with an unshipped line: its earliest ship-by among the
 *   lines to ship, how many lines are to ship and how many wait on a refund (refundBeforeShip),
 *   and the first product title of its lines to ship in the order the old full read met them
 *   (订单状态, then import order) — the order counts, lists and the overdue reminder.
 * - `ship_queue_days`: per day, the lines whose current 售后状态 is open (Today's 售后处理中).
 * Rows carry `day`, the China day of 订单提交时间 (of the line; for an order, of its first line), and
 * are rebuilt for the days an import or an undo touched — widened to every day of the orders on
 * them, so an order whose lines span days is summed whole — in the same transaction and beside
 * order_report_days and order_analytics_days: the summary never disagrees with order_lines.
 */

type UnshippedRow = UnshippedLine & {
  /** order_lines' rowid: with 订单状态, the order the first full read met the lines in (the title rule). */
  seq: number;
  status: string | null;
  shippedAt: string | null;
  aftersaleStatus: string | null;
  /** The line's after-sales requests in table order, as JSON (`[]` when none). */
  requests: string;
};

export type ShipQueueOrderRow = { orderId: string; day: string; shipByMs: number | null; toShipLines: number; refundLines: number; productTitle: string | null };

const UNSHIPPED_LIST = UNSHIPPED_STATUSES.map((s) => `'${s}'`).join(', ');

const LINE_COLUMNS = `l.rowid AS seq, l.order_id AS orderId, l.sub_order_id AS subOrderId, l.product_title AS productTitle, l.promised_ship_at AS promisedShipAt,
  l.paid_at AS paidAt, l.submitted_at AS submittedAt, l.status, l.shipped_at AS shippedAt, l.aftersale_status AS aftersaleStatus,
  (SELECT json_group_array(json_object('status', a.status, 'appliedAt', a.applied_at)) FROM (SELECT status, applied_at FROM aftersales a
     WHERE a.sub_order_id = l.sub_order_id ORDER BY a.rowid) a) AS requests`;

/** The day after a `YYYY-MM-DD` day, or null for a text that is not one (an odd 订单提交时间: its first ten characters). */
export function nextDayOf(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms + 86400_000).toISOString().slice(0, 10);
}

/**
 * The lines of one day: those whose 订单提交时间 starts with it (`reportDayOf`), through the
 * submitted_at index when the day is a date (every such text sorts between the day and the next).
 */
function dayWhere(day: string): { where: string; params: string[]; indexed: boolean } {
  if (day === NO_DAY) return { where: 'l.submitted_at IS NULL', params: [], indexed: false };
  const next = nextDayOf(day);
  if (next === null) return { where: 'substr(l.submitted_at, 1, 10) = ?', params: [day], indexed: false };
  return { where: 'l.submitted_at >= ? AND l.submitted_at < ? AND substr(l.submitted_at, 1, 10) = ?', params: [day, next, day], indexed: true };
}

/** The unshipped lines of one submitted day (or of NO_DAY), as SQL text and parameters. */
export function unshippedOfDayQuery(day: string): { text: string; params: string[] } {
  const { where, params, indexed } = dayWhere(day);
  const from = indexed ? 'order_lines l INDEXED BY order_lines_by_submitted' : 'order_lines l';
  return { text: `SELECT ${LINE_COLUMNS} FROM ${from} WHERE ${where} AND l.status IN (${UNSHIPPED_LIST}) AND l.shipped_at IS NULL`, params };
}

const AFTERSALE_COLUMNS = `l.aftersale_status AS aftersaleStatus,
  (SELECT json_group_array(json_object('status', a.status, 'appliedAt', a.applied_at)) FROM (SELECT status, applied_at FROM aftersales a
     WHERE a.sub_order_id = l.sub_order_id ORDER BY a.rowid) a) AS requests`;
const HAS_AFTERSALE = `(l.aftersale_status IS NOT NULL OR EXISTS (SELECT 1 FROM aftersales a WHERE a.sub_order_id = l.sub_order_id))`;

/** One day's lines with an after-sales state (their own, or rows in the after-sales export). */
export function aftersalesOfDayQuery(day: string): { text: string; params: string[] } {
  const { where, params, indexed } = dayWhere(day);
  const from = indexed ? 'order_lines l INDEXED BY order_lines_by_submitted' : 'order_lines l';
  return { text: `SELECT ${AFTERSALE_COLUMNS} FROM ${from} WHERE ${where} AND ${HAS_AFTERSALE}`, params };
}

/**
 * Lines whose current 售后状态 is open (`classifyAftersale`, DOUYIN_EXPORTS.md §3.2: "Still open: 待收退货,
 * 待退货, 售后待处理", and any wording not seen before), as `countOpenAftersales` counted them per line.
 */
export const openAftersales = (rows: readonly { aftersaleStatus: string | null; requests: string }[]): number =>
  rows.filter((r) => classifyAftersale(currentAftersaleStatus(r.aftersaleStatus, JSON.parse(r.requests) as AftersaleRequest[])) === 'open').length;

/** A paid unshipped line reduced, as soon as it is read, to what the summary keeps (the request JSON and texts go). */
type QueueLine = { seq: number; status: string; orderId: string; subOrderId: string; productTitle: string | null; day: string; shipByMs: number | null; toShip: boolean };

/** The line's stage (`lineStage`, the after-sales export's latest request first), or null when it is neither to ship nor waiting on a refund. */
function queueLineOf(r: UnshippedRow): QueueLine | null {
  const requests = JSON.parse(r.requests) as AftersaleRequest[];
  const stage = lineStage({ status: r.status, shippedAt: r.shippedAt, aftersaleStatus: currentAftersaleStatus(r.aftersaleStatus, requests) });
  if (stage === 'other') return null;
  return { seq: r.seq, status: r.status ?? '', orderId: r.orderId, subOrderId: r.subOrderId, productTitle: r.productTitle, day: reportDayOf(r.submittedAt), shipByMs: shipByMs(r), toShip: stage === 'toShip' };
}

/** The first full read's order: 订单状态 (as SQLite compares text), then rowid. */
const readOrder = (a: QueueLine, b: QueueLine): number => (a.status < b.status ? -1 : a.status > b.status ? 1 : a.seq - b.seq);

/** The orders of classified lines (sorted in place: groupByOrder's title rule needs the first full read's order). */
function queueOrders(classified: QueueLine[]): ShipQueueOrderRow[] {
  const orders = new Map<string, ShipQueueOrderRow>();
  for (const q of classified.sort(readOrder)) {
    let order = orders.get(q.orderId);
    if (!order) {
      order = { orderId: q.orderId, day: q.day, shipByMs: null, toShipLines: 0, refundLines: 0, productTitle: null };
      orders.set(q.orderId, order);
    }
    if (q.day < order.day) order.day = q.day;
    if (!q.toShip) {
      order.refundLines += 1;
      continue;
    }
    // groupByOrder's rule: the first title met among the lines to ship.
    order.productTitle ??= q.productTitle;
    order.toShipLines += 1;
    if (q.shipByMs !== null && (order.shipByMs === null || q.shipByMs < order.shipByMs)) order.shipByMs = q.shipByMs;
  }
  return [...orders.values()];
}

/**
 * The days to rebuild with every day of the orders on them (and of the summary rows of those
 * orders); asked again until nothing is added: an order is summed from all its lines at once.
 * The ranges may take in more orders than the days hold (harmless: more days are rebuilt), never fewer.
 */
function closureQuery(days: ReadonlySet<string>): PlanStep {
  const dated = [...days].flatMap((d) => {
    const next = d === NO_DAY ? null : nextDayOf(d);
    return next === null ? [] : [[d, next]];
  });
  const odd = [...days].filter((d) => d !== NO_DAY && nextDayOf(d) === null);
  // Odd day texts (not a date) are read by their prefix, a pass over the table: only when there are any.
  const oddBranch = odd.length === 0 ? '' : `UNION SELECT l.order_id FROM order_lines l WHERE substr(l.submitted_at, 1, 10) IN (SELECT value FROM json_each(?))`;
  const text = `WITH s(day, next) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)),
  all_days(day) AS (SELECT value FROM json_each(?)),
  o(order_id) AS (
    SELECT l.order_id FROM s JOIN order_lines l INDEXED BY order_lines_by_submitted ON l.submitted_at >= s.day AND l.submitted_at < s.next
    UNION SELECT l.order_id FROM order_lines l WHERE l.submitted_at IS NULL AND EXISTS (SELECT 1 FROM all_days WHERE day = '')
    ${oddBranch}
    UNION SELECT q.order_id FROM ship_queue_lines q WHERE q.day IN (SELECT day FROM all_days)
    UNION SELECT q.order_id FROM ship_queue_orders q WHERE q.day IN (SELECT day FROM all_days))
  SELECT DISTINCT coalesce(substr(l.submitted_at, 1, 10), '') AS day FROM order_lines l INDEXED BY order_lines_by_order WHERE l.order_id IN o
  UNION SELECT q.day FROM ship_queue_lines q WHERE q.order_id IN o
  UNION SELECT q.day FROM ship_queue_orders q WHERE q.order_id IN o`;
  return { text, params: [JSON.stringify(dated), JSON.stringify([...days]), ...(odd.length === 0 ? [] : [JSON.stringify(odd)])] };
}

/**
 * Rows when some order line, or some summary row, lies on a day outside `days`; none means the
 * closure below cannot add a day (an order's lines are all among them), so it is not asked — a
 * first import touches every day, and the closure is then 500k index lookups (3–4.5 s at 500k
 * lines) to find nothing. The gaps between the days are probed through the submitted_at index
 * (each stops at its first line). Null when a day is not a date: then the closure is asked.
 */
function outsideQuery(days: ReadonlySet<string>): PlanStep | null {
  const dated = [...days].filter((d) => d !== NO_DAY).sort();
  const gaps: [string, string][] = [];
  let from = '';
  for (const day of dated) {
    const next = nextDayOf(day);
    if (next === null) return null;
    if (from < day) gaps.push([from, day]);
    from = next;
  }
  // Every submitted_at text that sorts after the last day (dates are digits, so '~' is above them all).
  gaps.push([from, '~']);
  const list = JSON.stringify([...days]);
  const text = `SELECT 1 AS outside FROM json_each(?) g JOIN order_lines l INDEXED BY order_lines_by_submitted
      ON l.submitted_at >= json_extract(g.value, '$[0]') AND l.submitted_at < json_extract(g.value, '$[1]')
    UNION ALL SELECT 1 FROM order_lines WHERE submitted_at IS NULL AND ? = 0
    UNION ALL SELECT 1 FROM order_lines WHERE submitted_at >= '~'
    UNION ALL SELECT 1 FROM ship_queue_lines WHERE day NOT IN (SELECT value FROM json_each(?))
    UNION ALL SELECT 1 FROM ship_queue_orders WHERE day NOT IN (SELECT value FROM json_each(?))
    LIMIT 1`;
  return { text, params: [JSON.stringify(gaps), days.has(NO_DAY) ? 1 : 0, list, list] };
}

/**
 * The rebuild as a plan of statements (each `yield` is one, answered with its rows), so the
 * import writer (better-sqlite3, synchronous, inside its transaction) and the undo and the
 * migration (kysely) run the very same logic.
 */
function* rebuildSteps(touched: Iterable<string>): StatementPlan {
  let days = new Set(touched);
  if (days.size === 0) return;
  // A database before migration 0017 (a test's older schema): the migration's backfill sums every line when it runs.
  if (((yield { text: `SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'ship_queue_orders'`, params: [] }) as unknown[]).length === 0) return;
  const outside = outsideQuery(days);
  const closed = outside !== null && ((yield outside) as unknown[]).length === 0;
  while (!closed) {
    const found = (yield closureQuery(days)) as { day: string }[];
    const wider = new Set([...days, ...found.map((r) => r.day)]);
    if (wider.size === days.size) break;
    days = wider;
  }
  const list = JSON.stringify([...days]);
  for (const table of ['ship_queue_lines', 'ship_queue_orders', 'ship_queue_days']) yield { text: `DELETE FROM ${table} WHERE day IN (SELECT value FROM json_each(?))`, params: [list] };
  // Classified day by day as read: a first import holds 160k+ unshipped lines here, not their raw rows.
  const classified: QueueLine[] = [];
  const open = new Map<string, number>();
  for (const day of days) {
    const unshipped = unshippedOfDayQuery(day);
    for (const r of (yield unshipped) as UnshippedRow[]) {
      const q = queueLineOf(r);
      if (q !== null) classified.push(q);
    }
    const aftersales = aftersalesOfDayQuery(day);
    const count = openAftersales((yield aftersales) as { aftersaleStatus: string | null; requests: string }[]);
    if (count > 0) open.set(day, count);
  }
  const orders = queueOrders(classified);
  // Multi-row inserts within SQLite's parameter limit.
  for (const chunk of chunks(classified, 150)) {
    yield { text: `INSERT INTO ship_queue_lines (sub_order_id, order_id, day, to_ship, ship_by_ms) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, params: chunk.flatMap((l) => [l.subOrderId, l.orderId, l.day, l.toShip ? 1 : 0, l.shipByMs]) };
  }
  for (const chunk of chunks(orders, 120)) {
    yield {
      text: `INSERT INTO ship_queue_orders (order_id, day, ship_by_ms, to_ship_lines, refund_lines, product_title) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      params: chunk.flatMap((o) => [o.orderId, o.day, o.shipByMs, o.toShipLines, o.refundLines, o.productTitle]),
    };
  }
  for (const chunk of chunks([...open], 300)) {
    yield { text: `INSERT INTO ship_queue_days (day, aftersales_open) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, params: chunk.flat() };
  }
}

/** Recomputes these submitted days on the import writer's connection (inside its transaction). */
export function rebuildShipQueue(db: SqliteDb, days: Iterable<string>): void {
  runPlan(db, rebuildSteps(days));
}

/** The same on the core's kysely connection (the undo's transaction, the migration's backfill). */
export async function rebuildShipQueueAsync(db: Kysely<Database>, days: Iterable<string>): Promise<void> {
  await runPlanAsync(db, rebuildSteps(days));
}

/** Every submitted day the order lines have (the migration's backfill rebuilds them all). */
export const ALL_ORDER_DAYS = `SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') AS day FROM order_lines`;
