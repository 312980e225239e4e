import { addDays } from '../../shared/domain/china-time';
import type { FeePeriod, LineStatus, Reconciliation, ReconciliationDay, UnmatchedMovements } from '../../shared/rpc/domains/money';
import { dueState, expectedNet, feePeriods, lineDates, lineStatus, moneyStatus, RECONCILE_DAYS, type MoneyPolicy } from './reconcile';
import { groupByFacts, type ForecastGroup } from './forecast';
import { unmatchedMovements } from './link-by-order';
import type { FeeRates, LineFacts, Movement } from './money-facts';

/*
 * The reconciliation's summary without a pass over the lines (issue 14: "every screen's first
 * answer ≤ 150 ms cold"): what it reads of the imported tables, reduced once per imports version
 * and kept with the forecast's snapshot (money-snapshot.ts). Like the snapshot it holds nothing that
 * depends on the day or on money's settings — the status of a line with money depends on the fee
 * rates, its settlement day on the rule and the calendar, past due on today — so those are applied
 * on every call, over groups of lines that share every fact the summary reads.
 * `summaryFromDigest` gives exactly what summarising `reconcile()` gives (reconcile-digest.test.ts,
 * money-fast-path.int.test.ts against the old code).
 */

/** Lines with money, by what their status reads: the gross left after refunds, commission or not, the money's sum, a refund among it. */
export type StatusGroup = { netGrossFen: number; hasInfluencer: boolean; actualFen: number; hasRefund: boolean; count: number };

export type ReconcileDigest = {
  /** The lines with money by the facts their settlement day reads (the lines without are the snapshot's forecast groups). */
  moneyGroups: ForecastGroup[];
  statusGroups: StatusGroup[];
  /** Money linked to a line, per day it moved (ascending days). */
  actualByDay: [day: string, fen: number][];
  periods: FeePeriod[];
  unmatched: UnmatchedMovements;
  /** Any funds-flow or bill row was imported. */
  hasFunds: boolean;
  /** Paid order lines (the `all` list's total). */
  lines: number;
};

/** Pure: the digest of the lines and their money (one pass over each). */
export function digestLines(lines: readonly LineFacts[], byLine: ReadonlyMap<string, readonly Movement[]>, funds: readonly Movement[], bill: readonly Movement[]): ReconcileDigest {
  const hasMoney = (l: LineFacts) => (byLine.get(l.subOrderId)?.length ?? 0) > 0;
  const statusGroups = new Map<string, StatusGroup>();
  for (const l of lines) {
    const moves = byLine.get(l.subOrderId);
    if (moves === undefined || moves.length === 0) continue;
    const netGrossFen = Math.max(0, l.grossFen - l.refundedFen);
    let actualFen = 0;
    let hasRefund = false;
    for (const m of moves) {
      actualFen += m.amountFen;
      if (m.kind === 'refund') hasRefund = true;
    }
    const statusKey = `${netGrossFen}/${l.hasInfluencer ? 1 : 0}/${actualFen}/${hasRefund ? 1 : 0}`;
    const status = statusGroups.get(statusKey);
    if (status) status.count += 1;
    else statusGroups.set(statusKey, { netGrossFen, hasInfluencer: l.hasInfluencer, actualFen, hasRefund, count: 1 });
  }
  const actual = new Map<string, number>();
  for (const moves of byLine.values()) for (const m of moves) actual.set(m.on, (actual.get(m.on) ?? 0) + m.amountFen);
  return {
    moneyGroups: groupByFacts(lines, hasMoney),
    statusGroups: [...statusGroups.values()],
    actualByDay: [...actual].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    periods: feePeriods(funds, bill),
    unmatched: unmatchedMovements(funds, bill),
    hasFunds: funds.length > 0 || bill.length > 0,
    lines: lines.length,
  };
}

/**
 * Pure: the summary for one day and one set of settings. `groups` are the lines without money
 * (the forecast's groups: only they can be not yet paid, so only they can be past due).
 */
export function summaryFromDigest(
  groups: readonly ForecastGroup[],
  digest: ReconcileDigest,
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  coverage: readonly { from: string; to: string }[],
): Reconciliation {
  const dates = lineDates(policy, today);
  const counts: Record<LineStatus, number> = { settled: 0, partlySettled: 0, refunded: 0, notYet: 0 };
  const overdue = { lines: 0, amountFen: 0 };
  const unchecked = { lines: 0, amountFen: 0 };
  const first = addDays(today, 1 - RECONCILE_DAYS);
  const days = new Map<string, ReconciliationDay>();
  for (let d = first; d <= today; d = addDays(d, 1)) days.set(d, { date: d, expectedFen: 0, actualFen: 0 });
  const expectOn = ({ facts, count }: ForecastGroup, net: number) => {
    const expectation = dates.expectation(facts);
    const day = expectation.state === 'expected' ? days.get(expectation.on) : undefined;
    if (day) day.expectedFen += net * count;
    return expectation;
  };
  for (const group of groups) {
    const { facts, count } = group;
    const net = expectedNet(facts, rates);
    const status = lineStatus([], net, facts);
    counts[status] += count;
    const expectation = expectOn(group, net);
    const due = dueState(status, expectation, facts.shippedOn ? dates.daysSince(facts.shippedOn) : null, policy, today, coverage);
    if (due === null) continue;
    const bucket = due === 'overdue' ? overdue : unchecked;
    bucket.lines += count;
    bucket.amountFen += net * count;
  }
  for (const group of digest.moneyGroups) expectOn(group, expectedNet(group.facts, rates));
  for (const s of digest.statusGroups) {
    counts[moneyStatus(s.actualFen, s.hasRefund, expectedNet({ grossFen: s.netGrossFen, refundedFen: 0, hasInfluencer: s.hasInfluencer }, rates))] += s.count;
  }
  for (const [on, fen] of digest.actualByDay) {
    const day = days.get(on);
    if (day) day.actualFen += fen;
  }
  return {
    counts,
    overdue,
    unchecked,
    coverage: [...coverage],
    days: [...days.values()],
    periods: digest.periods,
    hasFunds: digest.hasFunds,
    hasOrders: digest.lines > 0,
    unmatched: digest.unmatched,
  };
}
