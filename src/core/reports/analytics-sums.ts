import { sql, type Kysely } from 'kysely';
import type { AnalyticsBasis, VolumeTotals } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';

/*
 * The reads of order_analytics_days every 看数据 query is made of. Each is a range scan of the
 * primary key (basis, dimension, at_day …): a few thousand rows at most, whatever the line count.
 */

export type Range = { from?: string | undefined; to?: string | undefined };
export const ZERO: VolumeTotals = { orders: 0, lines: 0, amountFen: 0 };

type SumRow = { k: string; orders: number; lines: number; amount: number };

const rangeSql = (range: Range) => {
  const parts = [];
  if (range.from !== undefined) parts.push(sql`at_day >= ${range.from}`);
  if (range.to !== undefined) parts.push(sql`at_day <= ${range.to}`);
  // A range leaves out lines without any date ('' sorts before every date).
  if (range.from !== undefined || range.to !== undefined) parts.push(sql`at_day <> ''`);
  return parts.length === 0 ? sql`` : sql` AND ${sql.join(parts, sql` AND `)}`;
};

const toTotals = (r: SumRow): VolumeTotals => ({ orders: r.orders ?? 0, lines: r.lines ?? 0, amountFen: r.amount ?? 0 });

/** Totals of one dimension per day on the basis (key '' for lines without a date when the range is open). */
export async function sumsByDay(db: Kysely<Database>, basis: AnalyticsBasis, dimension: string, range: Range): Promise<Map<string, VolumeTotals>> {
  const { rows } = await sql<SumRow>`
    SELECT at_day AS k, sum(orders) AS orders, sum(lines) AS lines, sum(amount_fen) AS amount
    FROM order_analytics_days WHERE basis = ${basis} AND dimension = ${dimension}${rangeSql(range)} GROUP BY at_day`.execute(db);
  return new Map(rows.map((r) => [r.k, toTotals(r)]));
}

/** Totals of one dimension per key over the range. */
export async function sumsByKey(db: Kysely<Database>, basis: AnalyticsBasis, dimension: string, range: Range): Promise<Map<string, VolumeTotals>> {
  const { rows } = await sql<SumRow>`
    SELECT key AS k, sum(orders) AS orders, sum(lines) AS lines, sum(amount_fen) AS amount
    FROM order_analytics_days WHERE basis = ${basis} AND dimension = ${dimension}${rangeSql(range)} GROUP BY key`.execute(db);
  return new Map(rows.map((r) => [r.k, toTotals(r)]));
}

/** Orders per (key, day) for a few keys, for the trend lines. */
export async function ordersByKeyAndDay(db: Kysely<Database>, basis: AnalyticsBasis, dimension: string, keys: readonly string[], range: Range): Promise<{ key: string; day: string; orders: number }[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<{ key: string; day: string; orders: number }>`
    SELECT key, at_day AS day, sum(orders) AS orders FROM order_analytics_days
    WHERE basis = ${basis} AND dimension = ${dimension}${rangeSql(range)} AND key IN (${sql.join(keys.map((k) => sql`${k}`))})
    GROUP BY key, at_day`.execute(db);
  return rows;
}

/** The first and last day with lines on the basis, or null when there are none. */
export async function dataSpan(db: Kysely<Database>, basis: AnalyticsBasis): Promise<{ from: string; to: string } | null> {
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    SELECT (SELECT min(at_day) FROM order_analytics_days WHERE basis = ${basis} AND dimension = 'total' AND at_day <> '') AS first,
           (SELECT max(at_day) FROM order_analytics_days WHERE basis = ${basis} AND dimension = 'total') AS last`.execute(db);
  const r = rows[0];
  return r?.first && r.last ? { from: r.first, to: r.last } : null;
}

export const addTotals = (a: VolumeTotals, b: VolumeTotals): VolumeTotals => ({ orders: a.orders + b.orders, lines: a.lines + b.lines, amountFen: a.amountFen + b.amountFen });
