import type { SqliteDb } from '../db/open-database';

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
} as const;

export type ReportDimension = keyof typeof REPORT_DIMENSIONS;

/** Lines without 订单提交时间 are summed under this day. */
export const NO_DAY = '';

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

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

/** The statements (with their parameters) that recompute a range of days, or the lines without a day. */
export function rangeStatements(range: { from: string; to: string } | typeof NO_DAY): { text: string; params: unknown[] }[] {
  const noDay = range === NO_DAY;
  const where = noDay ? 'submitted_at IS NULL' : 'submitted_at >= ? AND submitted_at < ?';
  const whereParams = noDay ? [] : [`${range.from} 00:00:00`, `${nextDay(range.to)} 00:00:00`];
  return [
    noDay ? { text: `DELETE FROM order_report_days WHERE day = ''`, params: [] } : { text: 'DELETE FROM order_report_days WHERE day >= ? AND day <= ?', params: [range.from, range.to] },
    ...Object.entries(REPORT_DIMENSIONS).map(([dimension, key]) => ({
      text: `INSERT INTO order_report_days (dimension, day, key, orders, lines, amount_fen)
             SELECT '${dimension}', coalesce(substr(submitted_at, 1, 10), ''), ${key}, count(DISTINCT order_id), count(*), coalesce(sum(payable_fen), 0)
             FROM order_lines WHERE ${where} GROUP BY 2, 3`,
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

/** Recomputes the given days with the bulk connection (the import writer). */
export function rebuildReportDays(db: SqliteDb, days: Iterable<string>): void {
  const cache = new Map<string, ReturnType<SqliteDb['prepare']>>();
  for (const { text, params } of rebuildStatements(days)) {
    let statement = cache.get(text);
    if (!statement) {
      statement = db.prepare(text);
      cache.set(text, statement);
    }
    statement.run(params);
  }
}
