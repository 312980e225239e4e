import type { Kysely } from 'kysely';
import { changePct, periodEnd, periodsBetween, periodStart, shiftPeriod, yearAgo, type Granularity } from '../../shared/domain/periods';
import type { AnalyticsBasis, VolumeChange, VolumePeriod, VolumeResult, VolumeTotals } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';
import { addTotals, dataSpan, sumsByDay, ZERO } from './analytics-sums';

export const changeOf = (current: VolumeTotals, previous: VolumeTotals | null): VolumeChange => ({
  orders: changePct(current.orders, previous?.orders),
  lines: changePct(current.lines, previous?.lines),
  amountFen: changePct(current.amountFen, previous?.amountFen),
});

/** Day totals summed into the periods they fall in (key = the period's first day). */
export function bucket(days: ReadonlyMap<string, VolumeTotals>, g: Granularity): Map<string, VolumeTotals> {
  const out = new Map<string, VolumeTotals>();
  for (const [day, totals] of days) {
    if (day === '') continue;
    const key = periodStart(day, g);
    out.set(key, addTotals(out.get(key) ?? ZERO, totals));
  }
  return out;
}

/**
 * A period's figures where the imported data reaches it, else null: a period with no line inside
 * the data's span is zero (a real empty day), one outside it is unknown.
 */
export const figuresOf = (buckets: ReadonlyMap<string, VolumeTotals>, span: { from: string; to: string } | null, start: string, g: Granularity): VolumeTotals | null =>
  span !== null && start <= span.to && periodEnd(start, g) >= span.from ? (buckets.get(start) ?? ZERO) : null;

/** Totals per period of [from, to] widened to whole periods, each with 环比, a week and a year earlier, and its note. */
export async function volume(db: Kysely<Database>, p: { from: string; to: string; granularity: Granularity; basis: AnalyticsBasis }, today: string): Promise<VolumeResult> {
  const g = p.granularity;
  const starts = periodsBetween(p.from, p.to, g);
  const first = starts[0]!;
  const last = periodEnd(starts.at(-1)!, g);
  // Far enough back for the year-earlier and previous periods of the first one.
  const windowFrom = [yearAgo(first, g), shiftPeriod(first, g, -1), g === 'day' ? shiftPeriod(first, 'day', -7) : first].sort()[0]!;
  const window = { from: windowFrom, to: last };
  const [days, unpaidDays, span, notes] = await Promise.all([
    sumsByDay(db, p.basis, 'total', window),
    sumsByDay(db, p.basis, 'closedUnpaid', window),
    dataSpan(db, p.basis),
    db.selectFrom('analytics_notes').select(['period', 'text']).where('granularity', '=', g).where('period', '>=', first).where('period', '<=', last).execute(),
  ]);
  const buckets = bucket(days, g);
  const unpaid = bucket(unpaidDays, g);
  const noteOf = new Map(notes.map((n) => [n.period, n.text]));
  let total = ZERO;
  let closedUnpaid = ZERO;
  const periods = starts.map((start): VolumePeriod => {
    const current = buckets.get(start) ?? ZERO;
    const unpaidHere = unpaid.get(start) ?? ZERO;
    total = addTotals(total, current);
    closedUnpaid = addTotals(closedUnpaid, unpaidHere);
    const previous = figuresOf(buckets, span, shiftPeriod(start, g, -1), g);
    const weekAgo = g === 'day' ? figuresOf(buckets, span, shiftPeriod(start, 'day', -7), g) : null;
    const year = figuresOf(buckets, span, yearAgo(start, g), g);
    return {
      key: start,
      from: start,
      to: periodEnd(start, g),
      ...current,
      closedUnpaid: unpaidHere,
      previous,
      changePct: changeOf(current, previous),
      weekAgo,
      weekAgoChangePct: changeOf(current, weekAgo),
      yearAgo: year,
      yearAgoChangePct: changeOf(current, year),
      note: noteOf.get(start) ?? null,
      open: periodEnd(start, g) >= today,
    };
  });
  return { basis: p.basis, granularity: g, from: first, to: last, total, closedUnpaid, periods, dataFrom: span?.from ?? null, dataTo: span?.to ?? null };
}
