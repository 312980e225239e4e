import { sql, type Kysely, type Transaction } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import type { DeclineAlert, DeclineFell, DeclineWatch, DeclineWindows, FellFigures } from '../../shared/rpc/domains/decline';
import type { DailyOrders } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { NAME_SEPARATOR } from '../reports/order-report-days';
import { compareWindows, judgeDecline, topFell, WATCH_DAYS } from './decline';
import { lastOrderDay, lastOrderExportTime } from './order-queries';
import { createVersionedCache } from './picture-cache';
import { provinceSpellings } from './province-names';

type Executor = Kysely<Database> | Transaction<Database>;

const EMPTY_FELL: DeclineFell = { products: [], provinces: [], sources: [], influencers: [] };

/**
 * The last China day the imported orders fully cover: the newest order's day, or the day before
 * the newest export was made when that is later (the orders picture's rule: a quiet day has no
 * rows but was exported). Days after it are unknown, not zero.
 */
async function completeThrough(db: Executor): Promise<string | null> {
  const [last, exportTime] = await Promise.all([lastOrderDay(db), lastOrderExportTime(db)]);
  const exported = exportTime === null ? null : addDays(chinaDate(new Date(exportTime * 1000)), -1);
  if (last === null) return exported;
  return exported !== null && exported > last ? exported : last;
}

async function firstOrderDay(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('order_lines').select((eb) => eb.fn.min('submitted_at').as('first')).executeTakeFirst();
  return typeof row?.first === 'string' ? row.first.slice(0, 10) : null;
}

/**
 * Orders per submitted China day, unpaid (待支付) and closed-unpaid lines left out — the count of
 * Today's 7-day series — from order_report_days' `watched` dimension (migration 0016): 42 days of
 * lines were 130–180 ms at 1M lines, the summary is 42 rows.
 */
export async function loadWatchedDays(db: Executor, from: string, to: string): Promise<DailyOrders[]> {
  const rows = await sql<{ day: string; orders: number; amount: number }>`
    SELECT day, orders, amount_fen AS amount FROM order_report_days WHERE dimension = 'watched' AND day >= ${from} AND day <= ${to}`.execute(db);
  const byDay = new Map(rows.rows.map((r) => [r.day, r]));
  const out: DailyOrders[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const row = byDay.get(day);
    out.push({ date: day, orders: Number(row?.orders ?? 0), amountFen: Number(row?.amount ?? 0) });
  }
  return out;
}

type SumRow = { dimension: 'product' | 'province' | 'source' | 'influencer' | 'influencerName'; key: string; recent: number; orders: number; amount: number };

const KINDS = { product: 'products', province: 'provinces', source: 'sources', influencer: 'influencers' } as const;

/**
 * Which products, provinces, sources and influencers lost orders between the two windows, counted
 * as `report orders` counts them (distinct 主订单 submitted those days, any status), all from the
 * per-day summary (order_report_days, kept exact through import and undo; influencers and their
 * names since migration 0016). Every line with a 达人ID is 精选联盟; provinces under their full name
 * (广西 = 广西壮族自治区: an order has one province, so the spellings' counts add up). An influencer's
 * name is the greatest it was sold under in the recent window, else in the window before.
 */
export async function loadFell(db: Executor, windows: DeclineWindows): Promise<DeclineFell> {
  const { before: b, now: n } = windows;
  const sums = await sql<SumRow>`
      SELECT dimension, key, day >= ${n.from} AS recent, sum(orders) AS orders, sum(amount_fen) AS amount
      FROM order_report_days
      WHERE dimension IN ('product', 'province', 'source', 'influencer', 'influencerName') AND ((day >= ${b.from} AND day <= ${b.to}) OR (day >= ${n.from} AND day <= ${n.to}))
      GROUP BY dimension, key, recent`.execute(db);
  type Side = { before: Map<string, FellFigures>; now: Map<string, FellFigures> };
  const side = (): Side => ({ before: new Map(), now: new Map() });
  const groups = { products: side(), provinces: side(), sources: side(), influencers: side() };
  const add = (s: Side, recent: number, key: string, orders: number, amount: number) => {
    if (key === '') return;
    const map = recent ? s.now : s.before;
    const f = map.get(key) ?? { orders: 0, amountFen: 0 };
    map.set(key, { orders: f.orders + orders, amountFen: f.amountFen + amount });
  };
  // Per influencer and window, the greatest name; the recent window's wins when it has one.
  const names = { before: new Map<string, string>(), now: new Map<string, string>() };
  for (const r of sums.rows) {
    if (r.dimension === 'influencerName') {
      const cut = r.key.indexOf(NAME_SEPARATOR);
      const [id, name] = [r.key.slice(0, cut), r.key.slice(cut + 1)];
      const side = r.recent ? names.now : names.before;
      if (name > (side.get(id) ?? '')) side.set(id, name);
      continue;
    }
    const key = r.dimension === 'province' ? (provinceSpellings(r.key)?.[0] ?? r.key) : r.key;
    add(groups[KINDS[r.dimension]], r.recent, key, Number(r.orders), Number(r.amount));
  }
  const influencerNames = new Map<string, string | null>([...names.before, ...names.now]);
  const products = topFell(groups.products.before, groups.products.now);
  // Names only for the few products named: one indexed look-up each.
  for (const g of products) {
    const row = await db.selectFrom('order_lines').select('product_title').where('product_id', '=', g.key).where('product_title', 'is not', null).limit(1).executeTakeFirst();
    g.name = row?.product_title ?? null;
  }
  return {
    products,
    provinces: topFell(groups.provinces.before, groups.provinces.now),
    sources: topFell(groups.sources.before, groups.sources.now),
    influencers: topFell(groups.influencers.before, groups.influencers.now, influencerNames),
  };
}

async function computeWatch(db: Executor, today: string): Promise<DeclineWatch> {
  const [complete, first] = await Promise.all([completeThrough(db), firstOrderDay(db)]);
  const yesterday = addDays(today, -1);
  const through = complete === null ? null : complete < yesterday ? complete : yesterday;
  if (through === null || first === null || first > through) {
    return { declining: false, days: 0, rule: null, series: [], fell: EMPTY_FELL, through, windows: null, alert: null };
  }
  // Days before the first imported order are unknown, not zero: the series starts at the first.
  const start = addDays(through, 1 - WATCH_DAYS);
  const series = await loadWatchedDays(db, start > first ? start : first, through);
  const j = judgeDecline(series);
  const windows = compareWindows(through, j);
  const fell = await loadFell(db, windows);
  const alert: DeclineAlert | null =
    j.rule === null || j.from === null || j.to === null
      ? null
      : { rule: j.rule, days: j.runDays, from: j.from, to: j.to, firstOrders: j.firstOrders, lastOrders: j.lastOrders, usualOrders: j.usualOrders === null ? null : Math.round(j.usualOrders * 10) / 10, fell, windows };
  return { declining: j.declining, days: j.days, rule: j.rule, series, fell, through, windows, alert };
}

const watches = createVersionedCache<DeclineWatch>();

/**
 * The decline watch at `now`: whole China days only, today never compared. Kept per China day and
 * order-data version (an import or undo changes it), so Today, the reminders and the analytics
 * screen share one read. Read it, never change it.
 */
export async function loadDeclineWatch(db: Executor, now: Date): Promise<DeclineWatch> {
  const today = chinaDate(now);
  return watches(db, today, () => computeWatch(db, today));
}
