import { sql, type Kysely, type Transaction } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import type { DeclineAlert, DeclineFell, DeclineWatch, DeclineWindows, FellFigures, FellKind } from '../../shared/rpc/domains/decline';
import type { Database } from '../db/schema';
import { compareWindows, judgeDecline, topFell, WATCH_DAYS } from './decline';
import { lastOrderDay, lastOrderExportTime, loadDailyOrders } from './order-queries';
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

type FellRow = {
  day: string;
  order_id: string;
  product_id: string | null;
  product_title: string | null;
  province: string | null;
  source: string | null;
  influencer_id: string | null;
  influencer_name: string | null;
  payable_fen: number | null;
};

type Tally = Map<string, { orders: Set<string>; amountFen: number }>;

const add = (tally: Tally, key: string | null, row: FellRow) => {
  if (key === null || key === '') return;
  let g = tally.get(key);
  if (!g) {
    g = { orders: new Set(), amountFen: 0 };
    tally.set(key, g);
  }
  g.orders.add(row.order_id);
  g.amountFen += row.payable_fen ?? 0;
};

const figures = (tally: Tally): Map<string, FellFigures> => new Map([...tally].map(([k, g]) => [k, { orders: g.orders.size, amountFen: g.amountFen }]));

/**
 * Which products, provinces, sources and influencers lost orders between the two windows. Paid
 * orders only, as the series counts them (loadDailyOrders); every line with a 达人ID is 精选联盟;
 * provinces under their full name (广西 = 广西壮族自治区). One range read of at most two weeks of
 * lines through the submitted_at index: the summary table has no influencer dimension.
 */
export async function loadFell(db: Executor, windows: DeclineWindows): Promise<DeclineFell> {
  const { rows } = await sql<FellRow>`
    SELECT substr(submitted_at, 1, 10) AS day, order_id, product_id, product_title, province,
      CASE WHEN influencer_id IS NOT NULL THEN '精选联盟' ELSE traffic_source END AS source, influencer_id, influencer_name, payable_fen
    FROM order_lines
    WHERE submitted_at >= ${`${windows.before.from} 00:00:00`} AND submitted_at < ${`${addDays(windows.now.to, 1)} 00:00:00`}
      AND (status IS NULL OR status <> '待支付') AND NOT (status IN ('已关闭', '已取消') AND paid_at IS NULL)`.execute(db);
  const kinds: FellKind[] = ['products', 'provinces', 'sources', 'influencers'];
  const sides = { before: kinds.map((): Tally => new Map()), now: kinds.map((): Tally => new Map()) };
  const names = { products: new Map<string, string | null>(), influencers: new Map<string, string | null>() };
  for (const r of rows) {
    const side = r.day >= windows.now.from ? sides.now : r.day <= windows.before.to ? sides.before : null;
    if (side === null) continue;
    const province = r.province === null ? null : (provinceSpellings(r.province)?.[0] ?? r.province);
    [r.product_id, province, r.source, r.influencer_id].forEach((key, i) => add(side[i]!, key, r));
    if (r.product_id !== null && !names.products.get(r.product_id)) names.products.set(r.product_id, r.product_title);
    if (r.influencer_id !== null && !names.influencers.get(r.influencer_id)) names.influencers.set(r.influencer_id, r.influencer_name);
  }
  const fell = (i: number, n?: Map<string, string | null>) => topFell(figures(sides.before[i]!), figures(sides.now[i]!), n);
  return { products: fell(0, names.products), provinces: fell(1), sources: fell(2), influencers: fell(3, names.influencers) };
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
  const series = await loadDailyOrders(db, start > first ? start : first, through);
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
