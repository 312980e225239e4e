import { addDays } from '../../shared/domain/china-time';
import { SPOT_SHIP_HOURS } from '../../shared/domain/shop-health';
import { countLine, groupFor, type CountedGroup, type Fold } from './counted-group';

/**
 * The orders report reads a small per-day summary instead of scanning every order line
 * (measured at 500,000 lines: 0.5–1.5 s per grouping with the covering index alone, PERFORMANCE.md
 * §7). One row per (dimension, China day, key) with the day's distinct parent orders, lines and
 * payable amount. All lines of a parent order share its 订单提交时间, so summing daily distinct
 * counts over days is exact. The summary is rebuilt, for the days an import or undo touched, in the
 * same transaction — so it can never disagree with order_lines.
 */
export const REPORT_DIMENSIONS = {
  day: `''`,
  product: `coalesce(product_id, '')`,
  province: `coalesce(province, '')`,
  status: `coalesce(status, '')`,
  // Every line sold through an influencer counts as 精选联盟, whatever 流量来源 says.
  source: `coalesce(CASE WHEN influencer_id IS NOT NULL THEN '精选联盟' ELSE traffic_source END, '')`,
  // The decline watch's series (migration 0016): unpaid (待支付) and closed-unpaid lines left out.
  watched: `''`,
  // The decline watch's "what fell" by influencer, and the names they were sold under (id, U+001F, name).
  influencer: `influencer_id`,
  influencerName: `influencer_id || char(31) || influencer_name`,
  // The shop-health log's 60-day spot share: orders with both times, and those promised later than 48 h after payment.
  spotPaid: `''`,
  spotLater: `''`,
} as const;

/** A paid line whose 承诺发货时间 and 支付完成时间 are both times (health/spot-share.ts' rule, as first written). */
const SPOT_PAID = `julianday(promised_ship_at) IS NOT NULL AND julianday(paid_at) IS NOT NULL AND (status IS NULL OR status <> '待支付')`;
/** Seed 004: "现在的现货模式只有48个小时" — promised later than that after payment is not spot. */
const SPOT_LATER = `${SPOT_PAID} AND (julianday(promised_ship_at) - julianday(paid_at)) * 24 > ${SPOT_SHIP_HOURS}`;

/** Dimensions that take only some lines: the SQL condition (the JavaScript twin is LINE_KEYS returning null). */
const DIMENSION_WHERE: Partial<Record<keyof typeof REPORT_DIMENSIONS, string>> = {
  watched: `(status IS NULL OR status <> '待支付') AND NOT (status IN ('已关闭', '已取消') AND paid_at IS NULL)`,
  influencer: `influencer_id IS NOT NULL`,
  influencerName: `influencer_id IS NOT NULL AND influencer_name IS NOT NULL`,
  spotPaid: SPOT_PAID,
  spotLater: SPOT_LATER,
};

/** Separates an influencer's ID from a name it was sold under in the `influencerName` key. */
export const NAME_SEPARATOR = '\u001f';

export type ReportDimension = keyof typeof REPORT_DIMENSIONS;

/** Lines without 订单提交时间 are summed under this day. */
export const NO_DAY = '';

const nextDay = (day: string): string => addDays(day, 1);

/** The order lines of one submitted day (or of NO_DAY), as a condition on the table `alias`; its parameters are dayParams(day). */
export const dayWhere = (day: string, alias: string): string =>
  day === NO_DAY ? `${alias}.submitted_at IS NULL` : `${alias}.submitted_at >= ? AND ${alias}.submitted_at < ?`;
export const dayParams = (day: string): string[] => (day === NO_DAY ? [] : [`${day} 00:00:00`, `${nextDay(day)} 00:00:00`]);

/**
 * Days to rebuild, as inclusive ranges: neighbours less than a week apart share one range, so a
 * fresh 180-day export is five range scans of the covering index, not 900 small queries, while a
 * small import on a big database stays a few days wide.
 */
export function dayRanges(days: Iterable<string>): { from: string; to: string }[] {
  const sorted = [...new Set(days)].filter((d) => d !== NO_DAY).sort();
  const ranges: { from: string; to: string }[] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && Date.parse(`${day}T00:00:00Z`) - Date.parse(`${last.to}T00:00:00Z`) <= 7 * 86400_000) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges;
}

/**
 * The statements (with their parameters) that recompute a range of days, or the lines without a
 * day, for every dimension or only the ones named (migration 0016 fills in its new dimensions so).
 */
export function rangeStatements(range: { from: string; to: string } | typeof NO_DAY, only?: readonly ReportDimension[]): { text: string; params: unknown[] }[] {
  const noDay = range === NO_DAY;
  const where = noDay ? 'submitted_at IS NULL' : 'submitted_at >= ? AND submitted_at < ?';
  const whereParams = noDay ? [] : [`${range.from} 00:00:00`, `${nextDay(range.to)} 00:00:00`];
  const dimensions = (Object.keys(REPORT_DIMENSIONS) as ReportDimension[]).filter((d) => only === undefined || only.includes(d));
  const scope = only === undefined ? '' : ` AND dimension IN (${dimensions.map((d) => `'${d}'`).join(', ')})`;
  return [
    noDay
      ? { text: `DELETE FROM order_report_days WHERE day = ''${scope}`, params: [] }
      : { text: `DELETE FROM order_report_days WHERE day >= ? AND day <= ?${scope}`, params: [range.from, range.to] },
    ...dimensions.map((dimension) => ({
      text: `INSERT INTO order_report_days (dimension, day, key, orders, lines, amount_fen)
             SELECT '${dimension}', coalesce(substr(submitted_at, 1, 10), ''), ${REPORT_DIMENSIONS[dimension]}, count(DISTINCT order_id), count(*), coalesce(sum(payable_fen), 0)
             FROM order_lines WHERE ${where}${DIMENSION_WHERE[dimension] ? ` AND ${DIMENSION_WHERE[dimension]}` : ''} GROUP BY 2, 3`,
      params: whereParams,
    })),
  ];
}

/** Every statement that brings the summary up to date for these days. */
export function rebuildStatements(days: Iterable<string>): { text: string; params: unknown[] }[] {
  const list = [...days];
  return [...dayRanges(list).flatMap((r) => rangeStatements(r)), ...(list.includes(NO_DAY) ? rangeStatements(NO_DAY) : [])];
}

/** The China day (or NO_DAY) an order line is summed under. */
export const reportDayOf = (submittedAt: unknown): string => (typeof submittedAt === 'string' ? submittedAt.slice(0, 10) : NO_DAY);

/** What one order line adds to the summary: its day, parent order, amount and the keys of the other dimensions. */
export type ReportLine = {
  day: string;
  orderId: string;
  productId: string | null;
  province: string | null;
  status: string | null;
  /** 1 when the line came through an influencer (SQLite's boolean). */
  viaInfluencer: number;
  trafficSource: string | null;
  payableFen: number | null;
  paidAt: string | null;
  influencerId: string | null;
  influencerName: string | null;
  /** SPOT_PAID and SPOT_LATER evaluated by SQLite as the line is read (julianday's parsing is SQLite's own), 0 or 1. */
  spotPaid: number;
  spotLater: number;
};

export type ReportDayRow = { dimension: ReportDimension; day: string; key: string; orders: number; lines: number; amountFen: number };

/**
 * The decline watch's line, as its first version (a GROUP BY over order_lines) chose it: not 待支付,
 * not closed unpaid. SQL's three-valued logic included: a line with neither 订单状态 nor 支付完成时间
 * makes DIMENSION_WHERE NULL, so it is left out.
 */
const isWatched = (l: ReportLine): boolean =>
  l.status === null ? l.paidAt !== null : l.status !== '待支付' && !((l.status === '已关闭' || l.status === '已取消') && l.paidAt === null);

/** The JavaScript twin of REPORT_DIMENSIONS' SQL and DIMENSION_WHERE (null: the line is not in the dimension; a test holds the two together). */
const LINE_KEYS: Record<ReportDimension, (l: ReportLine) => string | null> = {
  day: () => '',
  product: (l) => l.productId ?? '',
  province: (l) => l.province ?? '',
  status: (l) => l.status ?? '',
  source: (l) => (l.viaInfluencer !== 0 ? '精选联盟' : (l.trafficSource ?? '')),
  watched: (l) => (isWatched(l) ? '' : null),
  influencer: (l) => l.influencerId,
  influencerName: (l) => (l.influencerId !== null && l.influencerName !== null ? `${l.influencerId}${NAME_SEPARATOR}${l.influencerName}` : null),
  spotPaid: (l) => (l.spotPaid ? '' : null),
  spotLater: (l) => (l.spotLater ? '' : null),
};
const DIMENSIONS = Object.keys(LINE_KEYS) as ReportDimension[];
const KEY_OF = DIMENSIONS.map((d) => LINE_KEYS[d]);

/**
 * The summary rows of one submitted day, fed a line at a time in 主订单编号 order (the day's
 * lines as day-summaries.ts reads them; counted-group.ts counts the distinct orders). Plain indexed
 * loops: this runs once per line and dimension.
 */
export function reportDayFold(day: string): Fold<ReportLine, ReportDayRow> {
  const groups = DIMENSIONS.map(() => new Map<string, CountedGroup<ReportDayRow>>());
  const out: ReportDayRow[] = [];
  return {
    add(line) {
      const amount = line.payableFen ?? 0;
      for (let d = 0; d < KEY_OF.length; d += 1) {
        const key = KEY_OF[d]!(line);
        if (key === null) continue;
        const dimension = DIMENSIONS[d]!;
        countLine(groupFor(groups[d]!, key, out, () => ({ dimension, day, key, orders: 0, lines: 0, amountFen: 0 })), line.orderId, amount);
      }
    },
    rows: () => out,
  };
}

/** What the report's fold reads of a line beyond 看数据's columns (analytics-days.ts), as SQL over order_lines. */
export const REPORT_LINE_COLUMNS = `influencer_name AS influencerName, influencer_id IS NOT NULL AS viaInfluencer,
  (${SPOT_PAID}) AS spotPaid, (${SPOT_LATER}) AS spotLater`;

export const INSERT_REPORT_ROW =
  'INSERT INTO order_report_days (dimension, day, key, orders, lines, amount_fen) VALUES (@dimension, @day, @key, @orders, @lines, @amountFen)';
