import { addDays } from '../../shared/domain/china-time';
import type { Forecast, ForecastDay } from '../../shared/rpc/domains/money';
import type { FeeRates, LineFacts, Movement } from './money-facts';
import { expectationOf, expectedNet, reconcileLine, type MoneyPolicy } from './reconcile';

export const DEFAULT_FORECAST_DAYS = 30;

/**
 * Expected cash per day from `from`: each line not yet settled, on the day its rule pays it, for
 * its payable amount less expected fee and commission. A line whose day has passed without money
 * is counted on the first day while it is still within the overdue allowance, and in `overdue`
 * after that; lines held by an after-sales request or not shipped are `waiting`.
 */
export function buildForecast(
  lines: readonly LineFacts[],
  byLine: ReadonlyMap<string, readonly Movement[]>,
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  from: string,
  dayCount: number,
): Forecast {
  const days: ForecastDay[] = Array.from({ length: dayCount }, (_, i) => ({ date: addDays(from, i), expectedFen: 0, lines: 0 }));
  const last = addDays(from, dayCount - 1);
  const overdue = { lines: 0, amountFen: 0 };
  const waiting = { lines: 0, amountFen: 0 };
  for (const line of lines) {
    const r = reconcileLine(line, byLine.get(line.subOrderId) ?? [], rates, policy, today);
    if (r.status !== 'notYet') continue;
    const net = expectedNet(line, rates);
    if (r.isOverdue) {
      overdue.lines += 1;
      overdue.amountFen += net;
      continue;
    }
    const expectation = expectationOf(line, policy);
    if (expectation.state === 'waiting') {
      waiting.lines += 1;
      waiting.amountFen += net;
      continue;
    }
    if (expectation.state !== 'expected' || expectation.on > last) continue;
    const day = days[Math.max(0, days.findIndex((d) => d.date === expectation.on))];
    if (!day) continue;
    day.expectedFen += net;
    day.lines += 1;
  }
  return {
    rule: policy.rule.kind,
    perOrderDays: policy.rule.kind === 'perOrder' ? policy.rule.days : 0,
    from,
    days,
    overdue,
    waiting,
    feeBasis: rates,
  };
}
