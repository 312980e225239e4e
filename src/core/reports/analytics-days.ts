import { CompiledQuery, sql, type Kysely } from 'kysely';
import { classifyAftersale } from '../../shared/domain/order-line-state';
import type { AnalyticsBasis } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';
import { countLine, foldAll, groupFor, type CountedGroup, type Fold } from './counted-group';
import { dayParams, dayWhere, NO_DAY } from './order-report-days';

/*
 * 看数据's summary, order_analytics_days (migration 0011): per 订单提交时间 day (the unit imports
 * and undos rebuild, as for order_report_days), per basis, per day on that basis, per dimension and
 * key: distinct parent orders, lines and 订单应付金额. One JavaScript pass computes the rows of a
 * submitted day for both connections: the import writer's (better-sqlite3) and the undo's (kysely).
 */

/** What the summary reads of one order line. */
export type AnalyticsLine = {
  day: string;
  orderId: string;
  productId: string | null;
  province: string | null;
  status: string | null;
  aftersaleStatus: string | null;
  submittedAt: string | null;
  paidAt: string | null;
  completedAt: string | null;
  shippedAt: string | null;
  /** From the after-sales export: the latest 商家退款时间, else 售后完结时间, of the line's requests. */
  refundAt: string | null;
  influencerId: string | null;
  trafficSource: string | null;
  trafficType: string | null;
  trafficFormat: string | null;
  trafficChannel: string | null;
  payableFen: number | null;
};

export type AnalyticsRow = { basis: AnalyticsBasis; dimension: string; atDay: string; key: string; day: string; orders: number; lines: number; amountFen: number };

/** Separates a product ID from its state in the `mix` dimension's key. */
export const MIX_SEPARATOR = '\u001f';
export const MIX_STATES = ['closedBeforeShip', 'refunded', 'aftersale'] as const;
export type MixState = (typeof MIX_STATES)[number];

const dayOf = (at: string | null): string | null => (at !== null && /^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : null);
const statusOf = (l: AnalyticsLine) => l.status?.trim() ?? '';

/** DOUYIN_EXPORTS.md §3.1: "已关闭 with 售后状态 `-` means the order was closed unpaid". */
export const isClosedUnpaid = (l: Pick<AnalyticsLine, 'status' | 'aftersaleStatus'>): boolean =>
  (l.status?.trim() ?? '') === '已关闭' && classifyAftersale(l.aftersaleStatus) === 'none';

/** The paid-basis day: 支付完成时间, else 订单提交时间 for a line that is neither closed unpaid nor 待支付. */
export function paidDay(l: AnalyticsLine): string | null {
  if (isClosedUnpaid(l) || statusOf(l) === '待支付') return null;
  return dayOf(l.paidAt) ?? (l.day === NO_DAY ? NO_DAY : l.day);
}

/** The refund-basis day, for a paid line that was refunded or closed: the refund, else completion, else paid time. */
export function refundDay(l: AnalyticsLine): string | null {
  const paid = paidDay(l);
  if (paid === null) return null;
  if (classifyAftersale(l.aftersaleStatus) !== 'refunded' && statusOf(l) !== '已关闭') return null;
  return dayOf(l.refundAt) ?? dayOf(l.completedAt) ?? paid;
}

/** The keys a net line adds to, per dimension (a line may add to several `mix` keys). */
export function lineKeys(l: AnalyticsLine): [string, string][] {
  const product = l.productId ?? '';
  const keys: [string, string][] = [
    ['total', ''],
    ['product', product],
    ['province', l.province ?? ''],
    ['status', l.status ?? ''],
    // As the orders report: every line sold through an influencer counts as 精选联盟.
    ['source', l.influencerId !== null ? '精选联盟' : (l.trafficSource ?? '')],
    ['trafficSource', l.trafficSource ?? ''],
    ['trafficType', l.trafficType ?? ''],
    ['trafficFormat', l.trafficFormat ?? ''],
    ['trafficChannel', l.trafficChannel ?? ''],
  ];
  if (l.influencerId !== null) keys.push(['influencer', l.influencerId]);
  const aftersale = classifyAftersale(l.aftersaleStatus);
  if (statusOf(l) === '已关闭' && l.shippedAt === null) keys.push(['mix', `${product}${MIX_SEPARATOR}closedBeforeShip`]);
  if (aftersale === 'refunded') keys.push(['mix', `${product}${MIX_SEPARATOR}refunded`]);
  if (aftersale !== 'none') keys.push(['mix', `${product}${MIX_SEPARATOR}aftersale`]);
  return keys;
}

/**
 * The summary rows of one submitted day's lines (every line must carry that `day`), fed a line at
 * a time in 主订单编号 order (dayLinesQuery, day-summaries.ts): counted-group.ts counts the
 * distinct orders without a set per group.
 */
export function analyticsFold(): Fold<AnalyticsLine, AnalyticsRow> {
  const out: AnalyticsRow[] = [];
  // basis + at_day → dimension → key → group.
  const groups = new Map<string, Map<string, Map<string, CountedGroup<AnalyticsRow>>>>();
  const add = (l: AnalyticsLine, basis: AnalyticsBasis, atDay: string, dimension: string, key: string) => {
    const slot = `${basis}${atDay}`;
    let byDimension = groups.get(slot);
    if (byDimension === undefined) groups.set(slot, (byDimension = new Map()));
    let byKey = byDimension.get(dimension);
    if (byKey === undefined) byDimension.set(dimension, (byKey = new Map()));
    countLine(groupFor(byKey, key, out, () => ({ basis, dimension, atDay, key, day: l.day, orders: 0, lines: 0, amountFen: 0 })), l.orderId, l.payableFen ?? 0);
  };
  return {
    add(l) {
      if (isClosedUnpaid(l)) {
        add(l, 'paid', l.day, 'closedUnpaid', '');
        add(l, 'refund', l.day, 'closedUnpaid', '');
        return;
      }
      const paid = paidDay(l);
      const refund = refundDay(l);
      if (paid === null && refund === null) return;
      for (const [dimension, key] of lineKeys(l)) {
        if (paid !== null) add(l, 'paid', paid, dimension, key);
        if (refund !== null) add(l, 'refund', refund, dimension, key);
      }
    },
    rows: () => out,
  };
}

/** analyticsFold over a day's lines, in 主订单编号 order. */
export const analyticsRows = (lines: Iterable<AnalyticsLine>): AnalyticsRow[] => foldAll(analyticsFold(), lines);

/** What the summary reads of an order line `l`, but for its refund time. */
export const ANALYTICS_LINE_COLUMNS = `coalesce(substr(l.submitted_at, 1, 10), '') AS day, l.order_id AS orderId, l.product_id AS productId, l.province,
  l.status, l.aftersale_status AS aftersaleStatus, l.submitted_at AS submittedAt, l.paid_at AS paidAt, l.completed_at AS completedAt,
  l.shipped_at AS shippedAt, l.influencer_id AS influencerId, l.traffic_source AS trafficSource, l.traffic_type AS trafficType,
  l.traffic_format AS trafficFormat, l.traffic_channel AS trafficChannel, l.payable_fen AS payableFen`;
/** The line's refund time from the after-sales export (one index probe per line). */
export const REFUND_AT = `(SELECT coalesce(max(a.merchant_refunded_at), max(a.finished_at)) FROM aftersales a WHERE a.sub_order_id = l.sub_order_id)`;
const LINE_COLUMNS = `${ANALYTICS_LINE_COLUMNS}, ${REFUND_AT} AS refundAt`;

/** The lines of one submitted day (or of NO_DAY), ordered by 主订单编号 (analyticsRows counts on it), as SQL text and parameters. */
export function dayLinesQuery(day: string): { text: string; params: string[] } {
  return { text: `SELECT ${LINE_COLUMNS} FROM order_lines l WHERE ${dayWhere(day, 'l')} ORDER BY l.order_id`, params: dayParams(day) };
}

export const INSERT_ANALYTICS_ROW = `INSERT INTO order_analytics_days (basis, dimension, at_day, key, day, orders, lines, amount_fen)
  VALUES (@basis, @dimension, @atDay, @key, @day, @orders, @lines, @amountFen)`;

/** Recomputes these submitted days on the core's kysely connection (the undo's transaction); the import writer's is day-summaries.ts. */
export async function rebuildAnalyticsDaysAsync(db: Kysely<Database>, days: Iterable<string>): Promise<void> {
  for (const day of new Set(days)) {
    await sql`DELETE FROM order_analytics_days WHERE day = ${day}`.execute(db);
    const { text, params } = dayLinesQuery(day);
    const lines = (await db.executeQuery<AnalyticsLine>(CompiledQuery.raw(text, params))).rows;
    const rows = analyticsRows(lines);
    // A few hundred rows per day: in chunks, within SQLite's parameter limit.
    for (let i = 0; i < rows.length; i += 100) {
      await db
        .insertInto('order_analytics_days')
        .values(rows.slice(i, i + 100).map((r) => ({ basis: r.basis, dimension: r.dimension, at_day: r.atDay, key: r.key, day: r.day, orders: r.orders, lines: r.lines, amount_fen: r.amountFen })))
        .execute();
    }
  }
}

/** The submitted days of the order lines these after-sales rows belong to (their refund time moved). */
export const SUBMITTED_DAYS_OF_SUB_ORDERS = `SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') AS day FROM order_lines
  WHERE sub_order_id IN (SELECT value FROM json_each(?))`;
