import { sql, type Kysely } from 'kysely';
import { addDays, daysBetween, weekStartOf } from '../../shared/domain/china-time';
import { changePct, sharePct } from '../../shared/domain/periods';
import type { AnalyticsBasis, AnalyticsSettings, BreakdownDimension, BreakdownFlag, BreakdownResult, BreakdownRow, VolumeTotals } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';
import { addTotals, ordersByKeyAndDay, sumsByDay, sumsByKey, ZERO } from './analytics-sums';
import { provinceKey, provinceShortName } from './province-key';

/**
 * The likely hit and the likely drop (seed 002: "某款T恤一周内产生3000笔订单,占总量60%——可加大推广力度",
 * "某款收纳盒仅产生200笔订单,占4%——考虑下架或重新包装"): a hit holds at least `hitSharePercent` of the
 * orders and grew by at least `hitRisePercent` over the range just before (or came from nothing);
 * a drop had at least `dropMinOrders` orders before and fell by at least `dropFallPercent`.
 */
export function flagOf(row: { share: number; orders: number; previousOrders: number }, s: AnalyticsSettings): BreakdownFlag | null {
  const change = changePct(row.orders, row.previousOrders);
  if (row.share >= s.hitSharePercent && row.orders > 0 && (change === null ? row.previousOrders === 0 : change >= s.hitRisePercent)) return 'hit';
  if (row.previousOrders >= s.dropMinOrders && change !== null && change <= -s.dropFallPercent) return 'drop';
  return null;
}

/** Keys merged as the dimension reads them: provinces by their normalised name. */
function merged(dimension: BreakdownDimension, sums: ReadonlyMap<string, VolumeTotals>): Map<string, { totals: VolumeTotals; raw: string[] }> {
  const out = new Map<string, { totals: VolumeTotals; raw: string[] }>();
  for (const [raw, totals] of sums) {
    const key = dimension === 'province' ? provinceKey(raw) : raw;
    const entry = out.get(key) ?? { totals: ZERO, raw: [] };
    out.set(key, { totals: addTotals(entry.totals, totals), raw: [...entry.raw, raw] });
  }
  return out;
}

/** A title or 昵称 the key was sold under: one line read by the key's index. */
async function namesOf(db: Kysely<Database>, dimension: BreakdownDimension, keys: readonly string[]): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  for (const key of keys) {
    if (dimension === 'province') names.set(key, key === '' ? null : provinceShortName(key));
    else if (dimension === 'product' && key !== '') {
      const r = await sql<{ name: string | null }>`SELECT product_title AS name FROM order_lines WHERE product_id = ${key} AND product_title IS NOT NULL LIMIT 1`.execute(db);
      names.set(key, r.rows[0]?.name ?? null);
    } else if (dimension === 'influencer') {
      const r = await sql<{ name: string | null }>`SELECT influencer_name AS name FROM order_lines WHERE influencer_id = ${key} AND influencer_name IS NOT NULL LIMIT 1`.execute(db);
      names.set(key, r.rows[0]?.name ?? null);
    } else names.set(key, null);
  }
  return names;
}

/** Orders per day (ranges up to 92 days) or per week, over [from, to], for each key. */
function trends(points: { key: string; day: string; orders: number }[], rawToKey: ReadonlyMap<string, string>, from: string, to: string): Map<string, number[]> {
  const weekly = daysBetween(from, to) + 1 > 92;
  const slots: string[] = [];
  for (let d = weekly ? weekStartOf(from) : from; d <= to; d = addDays(d, weekly ? 7 : 1)) slots.push(d);
  const index = new Map(slots.map((s, i) => [s, i]));
  const out = new Map<string, number[]>();
  for (const p of points) {
    const key = rawToKey.get(p.key) ?? p.key;
    const series = out.get(key) ?? slots.map(() => 0);
    const i = index.get(weekly ? weekStartOf(p.day) : p.day);
    if (i !== undefined) series[i]! += p.orders;
    out.set(key, series);
  }
  return out;
}

/** Orders by one dimension over [from, to]: the top N with share, change and flag, and the long tail. */
export async function breakdown(
  db: Kysely<Database>,
  p: { from: string; to: string; basis: AnalyticsBasis; dimension: BreakdownDimension; top: number },
  settings: AnalyticsSettings,
): Promise<BreakdownResult> {
  const { from, to } = p;
  const length = daysBetween(from, to) + 1;
  const previousFrom = addDays(from, -length);
  const previousTo = addDays(from, -1);
  const [current, before, totalDays] = await Promise.all([
    sumsByKey(db, p.basis, p.dimension, { from, to }),
    sumsByKey(db, p.basis, p.dimension, { from: previousFrom, to: previousTo }),
    sumsByDay(db, p.basis, 'total', { from, to }),
  ]);
  let total = ZERO;
  for (const t of totalDays.values()) total = addTotals(total, t);
  const now = merged(p.dimension, current);
  const then = merged(p.dimension, before);
  // A key sold only in the range before is listed too, with 0 orders: the clearest drop of all.
  for (const [key, e] of then) if (!now.has(key)) now.set(key, { totals: ZERO, raw: e.raw });
  const sorted = [...now.entries()].sort((a, b) => b[1].totals.orders - a[1].totals.orders || b[1].totals.amountFen - a[1].totals.amountFen || (a[0] < b[0] ? -1 : 1));
  const top = sorted.slice(0, p.top);
  const rest = sorted.slice(p.top);
  const rawToKey = new Map(top.flatMap(([key, e]) => e.raw.map((r) => [r, key] as const)));
  const [names, points] = await Promise.all([
    namesOf(db, p.dimension, top.map(([k]) => k)),
    ordersByKeyAndDay(db, p.basis, p.dimension, [...rawToKey.keys()], { from, to }),
  ]);
  const series = trends(points, rawToKey, from, to);
  const rows = top.map(([key, e]): BreakdownRow => {
    const previousOrders = then.get(key)?.totals.orders ?? 0;
    const share = sharePct(e.totals.orders, total.orders);
    const base = { ...e.totals, share, previousOrders };
    return { key, name: names.get(key) ?? null, ...base, changePct: changePct(e.totals.orders, previousOrders), flag: flagOf(base, settings), trend: series.get(key) ?? [] };
  });
  let tailTotals = ZERO;
  for (const [, e] of rest) tailTotals = addTotals(tailTotals, e.totals);
  const tail = rest.length === 0 ? null : { ...tailTotals, keys: rest.length, share: sharePct(tailTotals.orders, total.orders) };
  return { dimension: p.dimension, total, rows, tail, previousFrom, previousTo };
}
