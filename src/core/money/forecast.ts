import { addDays } from '../../shared/domain/china-time';
import type { DayRange, Forecast, ForecastDay } from '../../shared/rpc/domains/money';
import type { FeeRates, LineFacts, Movement } from './money-facts';
import { dueState, expectedNet, lineDates, lineStatus, part, type MoneyPolicy } from './reconcile';

export const DEFAULT_FORECAST_DAYS = 30;

/** What the forecast reads of a line: everything but its names. */
export type ForecastFacts = Omit<LineFacts, 'subOrderId' | 'orderId' | 'product'>;

/** Lines with the same forecast facts, counted once: the forecast's work is per group, not per line. */
export type ForecastGroup = { facts: ForecastFacts; count: number };

/**
 * Groups the lines `take` keeps by the facts the forecast reads (and the reconciliation's digest
 * for the lines with money, reconcile-digest.ts). Many lines share a price and a day, so 500k
 * lines make some tens of thousands of groups. Pure.
 */
export function groupByFacts(lines: Iterable<LineFacts>, take: (line: LineFacts) => boolean): ForecastGroup[] {
  const groups = new Map<string, ForecastGroup>();
  for (const l of lines) {
    if (!take(l)) continue;
    const key = `${l.grossFen}/${l.refundedFen}/${l.hasInfluencer ? 1 : 0}${l.isClosed ? 1 : 0}${l.aftersale}${part(l.shippedOn)}${part(l.confirmedOn)}${part(l.aftersaleEndedOn)}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else {
      const { grossFen, refundedFen, hasInfluencer, shippedOn, confirmedOn, aftersale, aftersaleEndedOn, isClosed } = l;
      groups.set(key, { facts: { grossFen, refundedFen, hasInfluencer, shippedOn, confirmedOn, aftersale, aftersaleEndedOn, isClosed }, count: 1 });
    }
  }
  return [...groups.values()];
}

/**
 * The lines that have no money yet (only those can be `notYet`, the only status the forecast
 * counts), grouped by their facts; `hasMoney` says whether a line has movements.
 */
export const groupForecastLines = (lines: Iterable<LineFacts>, hasMoney: (subOrderId: string) => boolean): ForecastGroup[] =>
  groupByFacts(lines, (l) => !hasMoney(l.subOrderId));

/**
 * Expected cash per day from `from`: each line not yet settled, on the day its rule pays it, for
 * its payable amount less expected fee and commission. A line whose day has passed without money
 * is counted on the first day while it is still within the overdue allowance, and in `overdue`
 * after that; lines held by an after-sales request or not shipped are `waiting`. Lines come in
 * groups of equal facts (groupForecastLines): a group adds what its lines would add one by one.
 */
export function forecastFromGroups(
  groups: readonly ForecastGroup[],
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  from: string,
  dayCount: number,
  coverage: readonly DayRange[],
): Forecast {
  const days: ForecastDay[] = Array.from({ length: dayCount }, (_, i) => ({ date: addDays(from, i), expectedFen: 0, lines: 0 }));
  const dayIndex = new Map<string, number>();
  days.forEach((d, i) => {
    if (!dayIndex.has(d.date)) dayIndex.set(d.date, i);
  });
  const last = addDays(from, dayCount - 1);
  const overdue = { lines: 0, amountFen: 0 };
  const waiting = { lines: 0, amountFen: 0 };
  const unchecked = { lines: 0, amountFen: 0 };
  const dates = lineDates(policy, today);
  for (const { facts, count } of groups) {
    const net = expectedNet(facts, rates);
    // A line without movements: refunded when nothing is left after after-sales, else not yet paid.
    const status = lineStatus([], net, facts);
    if (status !== 'notYet') continue;
    const expectation = dates.expectation(facts);
    const due = dueState(status, expectation, facts.shippedOn ? dates.daysSince(facts.shippedOn) : null, policy, today, coverage);
    if (due) {
      const bucket = due === 'overdue' ? overdue : unchecked;
      bucket.lines += count;
      bucket.amountFen += net * count;
      continue;
    }
    if (expectation.state === 'waiting') {
      waiting.lines += count;
      waiting.amountFen += net * count;
      continue;
    }
    if (expectation.state !== 'expected' || expectation.on > last) continue;
    const day = days[Math.max(0, dayIndex.get(expectation.on) ?? -1)];
    if (!day) continue;
    day.expectedFen += net * count;
    day.lines += count;
  }
  return {
    rule: policy.rule.kind,
    perOrderDays: policy.rule.kind === 'perOrder' ? policy.rule.days : 0,
    from,
    days,
    overdue,
    waiting,
    unchecked,
    coverage: [...coverage],
    feeBasis: rates,
  };
}

/** The forecast straight from lines and their movements (grouped first). */
export const buildForecast = (
  lines: readonly LineFacts[],
  byLine: ReadonlyMap<string, readonly Movement[]>,
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  from: string,
  dayCount: number,
  coverage: readonly DayRange[],
): Forecast => forecastFromGroups(groupForecastLines(lines, (id) => (byLine.get(id)?.length ?? 0) > 0), rates, policy, today, from, dayCount, coverage);
