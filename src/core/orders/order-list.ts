import { sql, type Kysely, type RawBuilder } from 'kysely';
import { addDays } from '../../shared/domain/china-time';
import { AppError } from '../../shared/errors';
import type { OrderCount, OrderFilter, OrderLineSummary, OrderListResult, OrderSort, OrderSummary } from '../../shared/rpc/domains/orders';
import type { Database } from '../db/schema';
import { aftersaleOpenSql, currentAftersaleSql, isUnshipped, purchaseStatusSql, refundBeforeShipSql, supplierSql, toPurchaseSql, unshippedStatusSql } from './line-state-adapter';
import { keptDeskTotals } from './desk-summaries';
import { loadLinePurchases, orderPurchase } from './order-purchases';
import { UNSHIPPED_STATUSES } from './shipping';
import { createVersionedCache } from './picture-cache';
import { PROVINCE_NAMES, provinceSpellings } from './province-names';

/*
 * The order list over every imported line (issue 11). An order is listed when any of its lines
 * matches; it sits where its first matching line sits in the sort (sort key, then 子订单编号, so
 * the order is total). A page walks the sort's index from the cursor and keeps the lines that
 * are the first matching line of their order (a NOT EXISTS on the order's few other lines, on
 * the order_id index): no OFFSET, no grouping of the whole result, the same cost on page 1 and
 * page 10,000. The order's other lines are read by order_id, always (INDEXED BY): left to itself
 * SQLite may read them through an equality filter's index (a product's 100k lines) once per line.
 * Totals count every match once per data version and filter (kept: "load more" asks again with the
 * same filter).
 */

type Direction = 'asc' | 'desc';
export type ListQuery = { filter: OrderFilter; sort: OrderSort; direction: Direction; now: Date; cursor?: string; limit: number; withTotal?: boolean };

/** Lines without any time have 10^16 here (migration 0010): later than any instant. */
export const NO_SHIP_BY = 10_000_000_000_000_000;

/** Each sort's key: the very expressions the indexes of migration 0010 are built on. */
const SORT_KEY: Record<OrderSort, (alias: string) => string> = {
  shipBy: (a) => `${a}.ship_by_key`,
  paidAt: (a) => `ifnull(${a}.paid_at, '')`,
  amount: (a) => `ifnull(${a}.payable_fen, -1)`,
};

const invalid = (path: string, message: string, extra: Record<string, unknown> = {}) => new AppError('VALIDATION', message, { issues: [{ path, message }], ...extra });

/** A pasted order number: Excel's leading TAB, a quote, spaces around it are not part of it. */
export const cleanOrderNumber = (text: string): string => text.replace(/^[\s'`"]+|[\s'`"]+$/g, '');
export const isOrderNumber = (text: string): boolean => /^\d{19}$/.test(text);

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const titleSql = (column: RawBuilder<unknown>, part: string, titles: ReadonlyMap<string, readonly string[]> | undefined): RawBuilder<unknown> => {
  const matched = titles?.get(part);
  return matched === undefined ? sql`${column} LIKE ${likeText(part)} ESCAPE '\\'` : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(matched)}))`;
};

/** The title parts a filter searches for (product that is not a 商品ID, a search that is not an order number). */
const titleParts = (f: OrderFilter): string[] => {
  const parts: string[] = [];
  if (f.product !== undefined && !/^\d+$/.test(f.product)) parts.push(f.product);
  if (f.search !== undefined) {
    const cleaned = cleanOrderNumber(f.search);
    if (!isOrderNumber(cleaned) && cleaned !== '') parts.push(cleaned);
  }
  return parts;
};

/**
 * The distinct product titles containing each part. A shop sells a few hundred products, so its
 * titles are listed by skipping through the title index (one seek per distinct title, migration
 * 0014) and matched with the filter's own LIKE; the lines are then counted by title on that index.
 */
async function matchingTitles(db: Kysely<Database>, parts: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of parts) {
    const { rows } = await sql<{ title: string }>`
      WITH RECURSIVE t(title) AS (
        SELECT (SELECT min(product_title) FROM order_lines INDEXED BY order_lines_by_title)
        UNION ALL SELECT (SELECT min(product_title) FROM order_lines INDEXED BY order_lines_by_title WHERE product_title > t.title) FROM t WHERE t.title IS NOT NULL)
      SELECT title FROM t WHERE title LIKE ${likeText(part)} ESCAPE '\\'`.execute(db);
    out.set(part, rows.map((r) => r.title));
  }
  return out;
}

/**
 * The filter as SQL over the `order_lines` row `alias` (rendered twice per page query: the line and
 * its order's other lines). `titles`: for a title part, the distinct titles that contain it
 * (`matchingTitles`), tested instead of the LIKE — the same lines, read from the title index.
 */
export function filterSql(filter: OrderFilter, alias: string, now: Date, titles?: ReadonlyMap<string, readonly string[]>): RawBuilder<unknown> {
  const a = (column: string) => sql.raw(`${alias}.${column}`);
  const parts: RawBuilder<unknown>[] = [];
  const nowMs = now.getTime();
  if (filter.status !== undefined) {
    parts.push(sql`${a('status')} = ${filter.status}`);
    // Implied, but spelled out so the partial index on unshipped lines applies.
    if ((UNSHIPPED_STATUSES as readonly string[]).includes(filter.status)) parts.push(sql.raw(unshippedStatusSql(alias)));
  }
  switch (filter.queue) {
    case 'toPurchase':
      parts.push(sql.raw(toPurchaseSql(alias)));
      break;
    case 'due24h':
      // Today's queues: lines to ship (a refund asked is its own queue, never due or overdue).
      parts.push(sql.raw(toPurchaseSql(alias)), sql`${a('ship_by_key')} > ${nowMs} AND ${a('ship_by_key')} <= ${nowMs + (filter.dueWithinHours ?? 24) * 3600_000}`);
      break;
    case 'overdue':
      parts.push(sql.raw(toPurchaseSql(alias)), sql`${a('ship_by_key')} <= ${nowMs}`);
      break;
    case 'refundBeforeShip':
      parts.push(sql.raw(refundBeforeShipSql(alias)));
      break;
    case 'afterSalesOpen':
      parts.push(sql.raw(aftersaleOpenSql(alias)));
      break;
    case undefined:
      break;
  }
  if (filter.dueWithinHours !== undefined && filter.queue !== 'due24h') {
    parts.push(sql.raw(toPurchaseSql(alias)), sql`${a('ship_by_key')} > ${nowMs} AND ${a('ship_by_key')} <= ${nowMs + filter.dueWithinHours * 3600_000}`);
  }
  // The expression of index order_lines_by_source (migration 0009), compared to 1 / 0 so a count is a range of it.
  const affiliate = sql`(ifnull(${a('traffic_source')}, '') LIKE '%精选联盟%' AND ifnull(${a('influencer_id')}, '') != '')`;
  if (filter.source === 'affiliate') parts.push(sql`${affiliate} = 1`);
  if (filter.source === 'self') parts.push(sql`${affiliate} = 0`);
  // Paid-time days use the paid sort's expression, so the range runs on its index too.
  if (filter.paidFrom !== undefined) parts.push(sql`ifnull(${a('paid_at')}, '') >= ${`${filter.paidFrom} 00:00:00`}`);
  if (filter.paidTo !== undefined) parts.push(sql`ifnull(${a('paid_at')}, '') < ${`${addDays(filter.paidTo, 1)} 00:00:00`}`);
  if (filter.product !== undefined) {
    parts.push(/^\d+$/.test(filter.product) ? sql`${a('product_id')} = ${filter.product}` : titleSql(a('product_title'), filter.product, titles));
  }
  if (filter.province !== undefined) {
    const spellings = provinceSpellings(filter.province);
    if (spellings === null) throw invalid('province', `not a province: ${filter.province}`, { allowed: PROVINCE_NAMES });
    parts.push(sql`${a('province')} IN (${sql.join(spellings)})`);
  }
  if (filter.influencer !== undefined) parts.push(sql`${a('influencer_id')} = ${filter.influencer}`);
  if (filter.search !== undefined) {
    const cleaned = cleanOrderNumber(filter.search);
    if (isOrderNumber(cleaned)) parts.push(sql`(${a('order_id')} = ${cleaned} OR ${a('sub_order_id')} = ${cleaned})`);
    else if (cleaned !== '') parts.push(titleSql(a('product_title'), cleaned, titles));
  }
  if (filter.supplierId !== undefined) parts.push(sql.raw(supplierSql(alias, filter.supplierId)));
  if (filter.purchaseStatus !== undefined) parts.push(sql.raw(purchaseStatusSql(alias, filter.purchaseStatus)));
  return parts.length === 0 ? sql`1` : sql.join(parts, sql` AND `);
}

type Cursor = { k: string | number; s: string; sort: OrderSort; d: Direction };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function decodeCursor(text: string, sort: OrderSort, direction: Direction): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'not a cursor from orders.list');
  }
  const c = parsed as Partial<Cursor> | null;
  if (!c || (typeof c.k !== 'string' && typeof c.k !== 'number') || typeof c.s !== 'string') throw invalid('cursor', 'not a cursor from orders.list');
  if (c.sort !== sort || c.d !== direction) throw invalid('cursor', 'the cursor belongs to another sort; start from the first page');
  return c as Cursor;
}

type LineRow = {
  sub_order_id: string;
  order_id: string;
  product_id: string | null;
  product_title: string | null;
  product_spec: string | null;
  sku_code: string | null;
  quantity: number | null;
  payable_fen: number | null;
  status: string | null;
  aftersale_status: string | null;
  submitted_at: string | null;
  paid_at: string | null;
  shipped_at: string | null;
  promised_ship_at: string | null;
  ship_by_key: number;
  province: string | null;
  city: string | null;
  influencer_id: string | null;
  influencer_name: string | null;
  traffic_source: string | null;
};

export const LINE_COLUMNS = [
  'sub_order_id', 'order_id', 'product_id', 'product_title', 'product_spec', 'sku_code', 'quantity', 'payable_fen', 'status', 'aftersale_status',
  'submitted_at', 'paid_at', 'shipped_at', 'promised_ship_at', 'ship_by_key', 'province', 'city', 'influencer_id', 'influencer_name', 'traffic_source',
] as const;

export const shipByIso = (key: number): string | null => (key >= NO_SHIP_BY ? null : new Date(key).toISOString());

export function lineSummary(r: LineRow): OrderLineSummary {
  return {
    subOrderId: r.sub_order_id,
    productId: r.product_id,
    productTitle: r.product_title,
    productSpec: r.product_spec,
    skuCode: r.sku_code,
    quantity: r.quantity,
    payableFen: r.payable_fen,
    status: r.status,
    aftersaleStatus: r.aftersale_status,
    submittedAt: r.submitted_at,
    paidAt: r.paid_at,
    shippedAt: r.shipped_at,
    promisedShipAt: r.promised_ship_at,
    shipBy: shipByIso(r.ship_by_key),
    province: r.province,
    city: r.city,
    influencerId: r.influencer_id,
    influencerName: r.influencer_name,
    trafficSource: r.traffic_source,
  };
}

/** An order's ship-by: the earliest of its unshipped lines, else of all its lines. */
export function orderShipBy(lines: readonly { status: string | null; ship_by_key: number }[]): string | null {
  const open = lines.filter((l) => isUnshipped(l.status));
  const keys = (open.length > 0 ? open : lines).map((l) => l.ship_by_key);
  return keys.length === 0 ? null : shipByIso(Math.min(...keys));
}

const totals = createVersionedCache<OrderCount>();

/** Lines and orders matching the filter (kept per data version and filter, see picture-cache.ts). */
export async function countMatches(db: Kysely<Database>, filter: OrderFilter, now: Date): Promise<OrderCount> {
  const timed = filter.queue === 'due24h' || filter.queue === 'overdue' || filter.dueWithinHours !== undefined;
  const key = `orders.total:${JSON.stringify(filter)}${timed ? `@${now.getTime()}` : ''}`;
  return totals(db, key, async () => {
    // No filter: every line and order, kept by the imports (desk-summaries.ts) instead of a pass over 750k orders.
    if (filterKeys(filter).length === 0) {
      const kept = await keptDeskTotals(db);
      if (kept !== null) return kept;
    }
    const parts = titleParts(filter);
    const titles = parts.length === 0 ? undefined : await matchingTitles(db, parts);
    if (filter.purchaseStatus === 'pending') return countPending(db, filter, now, titles);
    return countWhere(db, countIndex(filter, timed), filterSql(filter, 'l', now, titles));
  });
}

const filterKeys = (f: OrderFilter) => (Object.keys(f) as (keyof OrderFilter)[]).filter((k) => f[k] !== undefined);

async function countWhere(db: Kysely<Database>, index: string | null, where: RawBuilder<unknown>): Promise<OrderCount> {
  const hint = index === null ? sql`` : sql.raw(`INDEXED BY ${index}`);
  const { rows } = await sql<{ lines: number; orders: number }>`
    SELECT count(*) AS lines, count(DISTINCT l.order_id) AS orders FROM order_lines l ${hint} WHERE ${where}`.execute(db);
  return { lines: Number(rows[0]?.lines ?? 0), orders: Number(rows[0]?.orders ?? 0) };
}

/**
 * 待采购 purchases: a line in no purchase matches exactly when it is still to buy, so the count is
 * that of the same filter with "still to buy" in place of the purchase status (read from the
 * unshipped index alone), corrected on the orders that have a purchased line of an unshipped
 * status — the only orders where the two can differ (both need an unshipped status) — by counting
 * their lines both ways. One probe of purchase_lines per unshipped line (0.2–0.5 s at 1M lines)
 * becomes one pass over purchase_lines and those orders' lines (CROSS JOIN keeps that order: left
 * to itself SQLite read every 待发货 line by status and probed purchase_lines for each, 1.8 s).
 */
async function countPending(db: Kysely<Database>, filter: OrderFilter, now: Date, titles: ReadonlyMap<string, readonly string[]> | undefined): Promise<OrderCount> {
  const rest: OrderFilter = { ...filter, purchaseStatus: undefined };
  const toBuy = sql`${filterSql(rest, 'l', now, titles)} AND ${sql.raw(toPurchaseSql('l'))}`;
  const exact = filterSql(filter, 'l', now, titles);
  const covered = filterKeys(rest).every((k) => COVERED_KEYS.has(k));
  const base = await countWhere(db, covered ? 'order_lines_unshipped_by_ship' : null, toBuy);
  const { rows } = await sql<{ base_lines: number; base_orders: number; lines: number; orders: number }>`
    SELECT coalesce(sum(CASE WHEN ${toBuy} THEN 1 ELSE 0 END), 0) AS base_lines, count(DISTINCT CASE WHEN ${toBuy} THEN l.order_id END) AS base_orders,
           coalesce(sum(CASE WHEN ${exact} THEN 1 ELSE 0 END), 0) AS lines, count(DISTINCT CASE WHEN ${exact} THEN l.order_id END) AS orders
    FROM order_lines l INDEXED BY order_lines_by_order
    WHERE l.order_id IN (SELECT p.order_id FROM purchase_lines pl CROSS JOIN order_lines p INDEXED BY ${sql.raw(BY_KEY)} ON p.sub_order_id = pl.sub_order_id WHERE ${sql.raw(unshippedStatusSql('p'))})`.execute(db);
  const c = rows[0];
  if (c === undefined) return base;
  return { lines: base.lines - Number(c.base_lines) + Number(c.lines), orders: base.orders - Number(c.base_orders) + Number(c.orders) };
}

/**
 * Which index a count reads. Each names the index whose columns hold everything the filter tests,
 * so the count never reads a line's row (a row here is large: the raw columns in extra_json).
 */
function countIndex(f: OrderFilter, timed: boolean): string | null {
  if (purchaseDriven(f)) return BY_KEY;
  // A shipping window is a range of the partial index; left to itself SQLite reads every unshipped line by status.
  if ((timed && !isSelective(f)) || countsInUnshipped(f)) return 'order_lines_unshipped_by_ship';
  const keys = filterKeys(f);
  const titled = titleParts(f).length > 0;
  if (titled && keys.every((k) => k === 'product' || k === 'search') && (f.product === undefined || !/^\d+$/.test(f.product))) return 'order_lines_by_title';
  if (keys.length !== 1) return null;
  if (f.queue === 'afterSalesOpen') return 'order_lines_with_aftersale';
  if (f.product !== undefined) return 'order_lines_by_product';
  if (f.province !== undefined) return 'order_lines_by_province';
  if (f.influencer !== undefined) return 'order_lines_by_influencer';
  return null;
}

/**
 * A filter that picks out a handful of lines (an order number): read them by their own index and
 * sort the few. A product or an influencer is not one: a best seller has 100k+ lines at 1M, and
 * sorting them took 1 s where walking the sort's index takes milliseconds (measured).
 */
const isOrderSearch = (f: OrderFilter) => f.search !== undefined && isOrderNumber(cleanOrderNumber(f.search));
const isSelective = (f: OrderFilter) => isOrderSearch(f) || byPurchase(f);

/**
 * A filter only lines in a purchase can match (a supplier, a status other than 待采购): the recorded
 * purchases are a few thousand lines where the shop has a million, so they are read by their key
 * (purchase_lines → the primary key of order_lines) and sorted; walking a sort's index would pass
 * every line outside them first.
 */
const byPurchase = (f: OrderFilter) => f.supplierId !== undefined || (f.purchaseStatus !== undefined && f.purchaseStatus !== 'pending');
/** Named, because beside another equality filter (status, province) SQLite reads that one's 100k+ lines instead (seen in the plan). */
const purchaseDriven = (f: OrderFilter) => byPurchase(f) && !isOrderSearch(f);
/** The primary key of order_lines (子订单编号), SQLite's own name for it. */
const BY_KEY = 'sqlite_autoindex_order_lines_1';

/**
 * A filter on unshipped lines that tests only what the unshipped index holds (migration 0009): its
 * count is read from that index alone. Left to itself SQLite reads each match's row through the
 * status index (1.0 s for 待采购 at 1M lines, measured).
 */
const COVERED_KEYS = new Set<keyof OrderFilter>(['queue', 'status', 'dueWithinHours', 'purchaseStatus']);
const countsInUnshipped = (f: OrderFilter) =>
  onlyUnshipped(f) && f.queue !== 'afterSalesOpen' && (f.purchaseStatus === undefined || f.purchaseStatus === 'pending') && (Object.keys(f) as (keyof OrderFilter)[]).every((k) => COVERED_KEYS.has(k));

/** Lines of unshipped statuses only: the partial index holds exactly them. */
const onlyUnshipped = (f: OrderFilter) =>
  f.queue === 'toPurchase' || f.queue === 'due24h' || f.queue === 'overdue' || f.queue === 'refundBeforeShip' || f.dueWithinHours !== undefined || f.purchaseStatus === 'pending' ||
  (f.status !== undefined && (UNSHIPPED_STATUSES as readonly string[]).includes(f.status));

const SORT_INDEX: Record<OrderSort, string> = { shipBy: 'order_lines_by_ship', paidAt: 'order_lines_by_paid', amount: 'order_lines_by_amount' };

/**
 * Which index a page walks. Without statistics SQLite prefers an equality index (status) and then
 * sorts every match, which at 1M lines is the whole unshipped backlog per page; walking the sort's
 * own index stops after `limit` orders. Only an id filter is better served by its own index.
 */
function pageIndex(f: OrderFilter, sort: OrderSort): string | null {
  if (purchaseDriven(f)) return BY_KEY;
  if (isSelective(f)) return null;
  // A paid-day range reads its days on the paid index and sorts those lines: walking another sort's
  // index would pass every line outside the range first (1.7 s for 3 days at 1M lines, measured).
  if (f.paidFrom !== undefined || f.paidTo !== undefined) return 'order_lines_by_paid';
  if (sort === 'shipBy' && onlyUnshipped(f)) return 'order_lines_unshipped_by_ship';
  return SORT_INDEX[sort];
}

/** One page: the next `limit` orders after the cursor, each with all its lines. */
export async function pageOrders(db: Kysely<Database>, q: ListQuery): Promise<{ orders: OrderSummary[]; lines: LineRow[]; nextCursor: string | null }> {
  const key = SORT_KEY[q.sort];
  const after = q.direction === 'asc' ? '>' : '<';
  const before = q.direction === 'asc' ? '<' : '>';
  const dir = sql.raw(q.direction === 'asc' ? 'ASC' : 'DESC');
  const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor, q.sort, q.direction);
  const index = pageIndex(q.filter, q.sort);
  const indexHint = index === null ? sql`` : sql.raw(`INDEXED BY ${index}`);
  const start = cursor === null ? sql`1` : sql`(${sql.raw(key('l'))}, l.sub_order_id) ${sql.raw(after)} (${cursor.k}, ${cursor.s})`;
  const { rows: firsts } = await sql<{ order_id: string; k: string | number; s: string }>`
    SELECT l.order_id, ${sql.raw(key('l'))} AS k, l.sub_order_id AS s FROM order_lines l ${indexHint}
    WHERE ${filterSql(q.filter, 'l', q.now)} AND ${start}
      AND NOT EXISTS (SELECT 1 FROM order_lines o INDEXED BY order_lines_by_order WHERE o.order_id = l.order_id AND o.sub_order_id != l.sub_order_id
        AND ${filterSql(q.filter, 'o', q.now)} AND (${sql.raw(key('o'))}, o.sub_order_id) ${sql.raw(before)} (${sql.raw(key('l'))}, l.sub_order_id))
    ORDER BY ${sql.raw(key('l'))} ${dir}, l.sub_order_id ${dir}
    LIMIT ${q.limit + 1}`.execute(db);
  const more = firsts.length > q.limit;
  const page = firsts.slice(0, q.limit);
  const ids = page.map((f) => f.order_id);
  const lines =
    ids.length === 0
      ? []
      : (
          // 售后状态 as it stands now (the after-sales export's latest request first): what the queues and Today go by.
          await sql<LineRow>`SELECT ${sql.join(LINE_COLUMNS.map((c) => (c === 'aftersale_status' ? sql`${sql.raw(currentAftersaleSql('order_lines'))} AS aftersale_status` : sql.ref(c))))} FROM order_lines WHERE order_id IN (${sql.join(ids)}) ORDER BY order_id, sub_order_id`.execute(db)
        ).rows;
  const purchases = await loadLinePurchases(db, lines.map((l) => l.sub_order_id));
  const byOrder = new Map<string, LineRow[]>();
  for (const l of lines) {
    const list = byOrder.get(l.order_id) ?? [];
    list.push(l);
    byOrder.set(l.order_id, list);
  }
  const orders = ids.map((id): OrderSummary => {
    const own = byOrder.get(id) ?? [];
    return {
      mainOrderId: id,
      shipBy: orderShipBy(own),
      paidAt: own.map((l) => l.paid_at).filter((t): t is string => t !== null).sort()[0] ?? null,
      submittedAt: own.map((l) => l.submitted_at).filter((t): t is string => t !== null).sort()[0] ?? null,
      payableFen: own.reduce((sum, l) => sum + (l.payable_fen ?? 0), 0),
      province: own.find((l) => l.province !== null)?.province ?? null,
      ...orderPurchase(own, purchases),
      lines: own.map(lineSummary),
    };
  });
  const last = page.at(-1);
  return { orders, lines, nextCursor: more && last ? encodeCursor({ k: last.k, s: last.s, sort: q.sort, d: q.direction }) : null };
}

export async function listOrders(db: Kysely<Database>, q: ListQuery): Promise<OrderListResult> {
  // The page first: it is what the screen shows at once; the count of every match comes after.
  const page = await pageOrders(db, q);
  const total = q.withTotal === false ? null : await countMatches(db, q.filter, q.now);
  return { total, orders: page.orders, nextCursor: page.nextCursor, at: q.now.toISOString() };
}
