import type { Kysely } from 'kysely';
import { periodStart, shiftPeriod, type Granularity } from '../../shared/domain/periods';
import type { AnalyticsBasis, VolumeTotals } from '../../shared/rpc/domains/analytics';
import type { OrderReport, OrderReportGroup, OrderReportRow } from '../../shared/rpc/domains/reports';
import type { Database } from '../db/schema';
import { addTotals, dataSpan, sumsByDay, sumsByKey, ZERO, type Range } from './analytics-sums';
import { provinceKey } from './province-key';
import { bucket, changeOf, figuresOf } from './volume';

const TIME: Partial<Record<OrderReportGroup, Granularity>> = { day: 'day', week: 'week', month: 'month' };
const DIMENSION: Record<Exclude<OrderReportGroup, 'day' | 'week' | 'month'>, string> = {
  product: 'product',
  province: 'province',
  status: 'status',
  source: 'source',
  influencer: 'influencer',
};

const influencerName = async (db: Kysely<Database>, id: string): Promise<string | null> =>
  (await db.selectFrom('order_lines').select('influencer_name').where('influencer_id', '=', id).where('influencer_name', 'is not', null).limit(1).executeTakeFirst())?.influencer_name ?? null;

/** The month's key in the report is YYYY-MM (the summary's period key is its 1st). */
const reportKey = (start: string, g: Granularity) => (g === 'month' ? start.slice(0, 7) : start);

/**
 * Order lines between two China dates on the time basis (inclusive; either may be left open), in
 * total and per group: `orders` counts distinct 主订单编号, `lines` sub-order lines, `amountFen` the
 * sum of 订单应付金额. Time groups (dates clipped to the range) come in date order with the whole
 * previous period and 环比; the others by lines, most first, then key. Reads order_analytics_days,
 * so it answers in milliseconds at any size.
 */
export async function ordersReport(db: Kysely<Database>, params: { from?: string | undefined; to?: string | undefined; by?: OrderReportGroup | undefined; basis?: AnalyticsBasis | undefined }): Promise<OrderReport> {
  const by = params.by ?? 'day';
  const basis = params.basis ?? 'paid';
  const range: Range = { from: params.from, to: params.to };
  const days = await sumsByDay(db, basis, 'total', range);
  let total = ZERO;
  for (const t of days.values()) total = addTotals(total, t);
  const g = TIME[by];
  let groups: OrderReportRow[];
  if (g !== undefined) {
    const span = await dataSpan(db, basis);
    const clipped = bucket(days, g);
    // The previous periods whole, also before `from`.
    const firstStart = [...clipped.keys()].sort()[0];
    const whole = firstStart === undefined ? new Map<string, VolumeTotals>() : bucket(await sumsByDay(db, basis, 'total', { from: shiftPeriod(firstStart, g, -1), to: params.to }), g);
    groups = [...clipped.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([start, t]) => {
        const previous = figuresOf(whole, span, shiftPeriod(periodStart(start, g), g, -1), g);
        return { key: reportKey(start, g), ...t, previous, changePct: changeOf(t, previous) };
      });
    const undated = days.get('');
    if (undated !== undefined) groups.unshift({ key: '', ...undated, previous: null, changePct: changeOf(undated, null) });
  } else {
    const dimension = DIMENSION[by as keyof typeof DIMENSION];
    const sums = await sumsByKey(db, basis, dimension, range);
    const merged = new Map<string, VolumeTotals>();
    for (const [raw, t] of sums) {
      const key = by === 'province' ? provinceKey(raw) : raw;
      merged.set(key, addTotals(merged.get(key) ?? ZERO, t));
    }
    groups = [...merged.entries()].sort((a, b) => b[1].lines - a[1].lines || (a[0] < b[0] ? -1 : 1)).map(([key, t]) => ({ key, ...t }));
    if (by === 'influencer') groups = await Promise.all(groups.map(async (r) => ({ key: r.key, name: await influencerName(db, r.key), orders: r.orders, lines: r.lines, amountFen: r.amountFen })));
  }
  return { total, groups };
}
