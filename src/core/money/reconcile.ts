import { addDays, daysBetween } from '../../shared/domain/china-time';
import { expectSettlement, type SettlementExpectation, type SettlementRule } from '../../shared/domain/settlement-rules';
import type { FeePeriod, LineStatus, ReconciledLine, Reconciliation, ReconciliationDay } from '../../shared/rpc/domains/money';
import type { FeeRates, LineFacts, Movement } from './money-facts';

export type MoneyPolicy = { rule: SettlementRule; autoConfirmDays: number; overdueDays: number };

/** Below this, history is too thin to estimate fees from and the settings' percentages apply. */
export const MIN_HISTORY_LINES = 3;

/** Fee and commission rates from settled history (funds flow, else the bill), else the settings. */
export function estimateFeeRates(movements: readonly Movement[], fallback: { platformFeePercent: number; commissionPercent: number }): FeeRates {
  const settled = movements.filter((m) => m.kind === 'settlement' && m.grossFen > 0 && m.subOrderId);
  if (settled.length < MIN_HISTORY_LINES) {
    return { source: 'settings', platformFeeRate: fallback.platformFeePercent / 100, commissionRate: fallback.commissionPercent / 100, settledLines: settled.length };
  }
  const gross = settled.reduce((s, m) => s + m.grossFen, 0);
  const fees = settled.reduce((s, m) => s + m.platformFeeFen + m.otherFeesFen, 0);
  const withInfluencer = settled.filter((m) => m.hasInfluencer);
  const influencerGross = withInfluencer.reduce((s, m) => s + m.grossFen, 0);
  const commission = withInfluencer.reduce((s, m) => s + m.commissionFen, 0);
  return {
    source: 'history',
    platformFeeRate: fees / gross,
    commissionRate: influencerGross > 0 ? commission / influencerGross : fallback.commissionPercent / 100,
    settledLines: settled.length,
  };
}

/** What a line should bring: its gross after refunds, less the expected fee and commission. */
export function expectedNet(line: LineFacts, rates: FeeRates): number {
  const gross = Math.max(0, line.grossFen - line.refundedFen);
  return gross - Math.round(gross * rates.platformFeeRate) - (line.hasInfluencer ? Math.round(gross * rates.commissionRate) : 0);
}

/** A settlement within 2 % (and at least 1 yuan) of the expectation counts as whole. */
const tolerance = (expected: number): number => Math.max(100, Math.round(Math.abs(expected) * 0.02));

export function lineStatus(moves: readonly Movement[], expectedFen: number, line: LineFacts): LineStatus {
  const actual = moves.reduce((s, m) => s + m.amountFen, 0);
  const hasRefund = moves.some((m) => m.kind === 'refund');
  if (moves.length === 0) return line.aftersale === 'refunded' && line.grossFen - line.refundedFen <= 0 ? 'refunded' : 'notYet';
  if (hasRefund && actual <= tolerance(0)) return 'refunded';
  if (actual >= expectedFen - tolerance(expectedFen)) return 'settled';
  return actual > 0 ? 'partlySettled' : 'refunded';
}

export const expectationOf = (line: LineFacts, policy: MoneyPolicy): SettlementExpectation =>
  line.isClosed
    ? { state: 'dropped', reason: 'refunded' }
    : expectSettlement(
        {
          confirmedOn: line.confirmedOn,
          shippedOn: line.shippedOn,
          aftersale: line.aftersale,
          aftersaleEndedOn: line.aftersaleEndedOn,
          grossFen: line.grossFen - line.refundedFen,
        },
        policy.rule,
        policy.autoConfirmDays,
      );

/** One line against its money: status, expected vs actual, and whether it is overdue. */
export function reconcileLine(line: LineFacts, moves: readonly Movement[], rates: FeeRates, policy: MoneyPolicy, today: string): ReconciledLine {
  const expectedFen = expectedNet(line, rates);
  const status = lineStatus(moves, expectedFen, line);
  const expectation = expectationOf(line, policy);
  const settlements = moves.filter((m) => m.kind === 'settlement').map((m) => m.on).sort();
  const daysSinceShipped = line.shippedOn ? daysBetween(line.shippedOn, today) : null;
  return {
    subOrderId: line.subOrderId,
    orderId: line.orderId,
    product: line.product,
    shippedOn: line.shippedOn,
    confirmedOn: line.confirmedOn,
    status,
    expectedFen: expectation.state === 'dropped' ? 0 : expectedFen,
    actualFen: moves.reduce((s, m) => s + m.amountFen, 0),
    expectedOn: expectation.state === 'expected' ? expectation.on : null,
    settledOn: settlements[0] ?? null,
    // Shipped more than N days ago, nothing settled and its settlement day has passed; a line held by
    // an after-sales request, dropped, or whose rule day is still ahead is not overdue.
    isOverdue:
      status === 'notYet' && expectation.state === 'expected' && expectation.on < today && daysSinceShipped !== null && daysSinceShipped > policy.overdueDays,
    daysSinceShipped,
  };
}

/** Fees and commission per month, from the funds flow when there is one, else from the bill. */
export function feePeriods(funds: readonly Movement[], bill: readonly Movement[]): FeePeriod[] {
  const source = funds.length > 0 ? funds : bill;
  const periods = new Map<string, FeePeriod>();
  for (const m of source) {
    if (!m.on) continue;
    const period = m.on.slice(0, 7);
    const p = periods.get(period) ?? { period, settledFen: 0, platformFeeFen: 0, commissionFen: 0, otherFeesFen: 0, refundsFen: 0, unlinkedFen: 0 };
    if (m.kind === 'settlement') p.settledFen += m.amountFen;
    if (m.kind === 'refund') p.refundsFen += -m.amountFen;
    if (!m.subOrderId) p.unlinkedFen += m.amountFen;
    p.platformFeeFen += m.platformFeeFen;
    p.commissionFen += m.commissionFen;
    p.otherFeesFen += m.otherFeesFen;
    periods.set(period, p);
  }
  return [...periods.values()].sort((a, b) => b.period.localeCompare(a.period));
}

/** Days shown in the per-day comparison: the last 60 up to today. */
export const RECONCILE_DAYS = 60;

export function reconcile(
  lines: readonly LineFacts[],
  byLine: ReadonlyMap<string, readonly Movement[]>,
  funds: readonly Movement[],
  bill: readonly Movement[],
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
): Reconciliation {
  const reconciled = lines.map((l) => reconcileLine(l, byLine.get(l.subOrderId) ?? [], rates, policy, today));
  const counts: Record<LineStatus, number> = { settled: 0, partlySettled: 0, refunded: 0, notYet: 0 };
  for (const r of reconciled) counts[r.status] += 1;
  const first = addDays(today, 1 - RECONCILE_DAYS);
  const days = new Map<string, ReconciliationDay>();
  for (let d = first; d <= today; d = addDays(d, 1)) days.set(d, { date: d, expectedFen: 0, actualFen: 0 });
  for (const r of reconciled) {
    const day = r.expectedOn ? days.get(r.expectedOn) : undefined;
    if (day) day.expectedFen += r.expectedFen;
  }
  for (const moves of byLine.values()) for (const m of moves) {
    const day = days.get(m.on);
    if (day) day.actualFen += m.amountFen;
  }
  const overdue = reconciled.filter((r) => r.isOverdue).sort((a, b) => (b.daysSinceShipped ?? 0) - (a.daysSinceShipped ?? 0));
  return {
    counts,
    lines: reconciled,
    overdue,
    days: [...days.values()],
    periods: feePeriods(funds, bill),
    hasFunds: funds.length > 0 || bill.length > 0,
    hasOrders: lines.length > 0,
  };
}
