import { addDays, daysBetween } from '../../shared/domain/china-time';
import { expectSettlement, type SettlementExpectation, type SettlementRule } from '../../shared/domain/settlement-rules';
import type { DayRange, FeePeriod, LineStatus, ReconciledLine, Reconciliation, ReconciliationDay } from '../../shared/rpc/domains/money';
import { covers } from './coverage';
import { unmatchedMovements } from './link-by-order';
import type { FeeRates, LineFacts, Movement } from './money-facts';

/**
 * The whole reconciliation as the core computes and holds it: the summary's fields with every line
 * and the overdue queue as arrays. Only its summary and pages of it cross the RPC boundary
 * (reconciliation-pages.ts).
 */
export type FullReconciliation = Omit<Reconciliation, 'overdue'> & { lines: ReconciledLine[]; overdue: ReconciledLine[] };

export type MoneyPolicy = { rule: SettlementRule; autoConfirmDays: number; overdueDays: number };

/** Below this, history is too thin to estimate fees from and the settings' percentages apply. */
export const MIN_HISTORY_LINES = 3;

/** The sums the fee rates are estimated from: settled lines' gross, fees and commission. */
export type FeeHistory = { settledLines: number; grossFen: number; feesFen: number; influencerGrossFen: number; commissionFen: number };

/** One pass over the movements; integer fen sums, so the order of addition cannot matter. */
export function feeHistory(movements: readonly Movement[]): FeeHistory {
  const h: FeeHistory = { settledLines: 0, grossFen: 0, feesFen: 0, influencerGrossFen: 0, commissionFen: 0 };
  for (const m of movements) {
    if (m.kind !== 'settlement' || !(m.grossFen > 0) || !m.subOrderId) continue;
    h.settledLines += 1;
    h.grossFen += m.grossFen;
    h.feesFen += m.platformFeeFen + m.otherFeesFen;
    if (!m.hasInfluencer) continue;
    h.influencerGrossFen += m.grossFen;
    h.commissionFen += m.commissionFen;
  }
  return h;
}

/** Fee and commission rates from settled history, else the settings' percentages. */
export function feeRatesOf(h: FeeHistory, fallback: { platformFeePercent: number; commissionPercent: number }): FeeRates {
  if (h.settledLines < MIN_HISTORY_LINES) {
    return { source: 'settings', platformFeeRate: fallback.platformFeePercent / 100, commissionRate: fallback.commissionPercent / 100, settledLines: h.settledLines };
  }
  return {
    source: 'history',
    platformFeeRate: h.feesFen / h.grossFen,
    commissionRate: h.influencerGrossFen > 0 ? h.commissionFen / h.influencerGrossFen : fallback.commissionPercent / 100,
    settledLines: h.settledLines,
  };
}

/** Fee and commission rates from settled history (funds flow, else the bill), else the settings. */
export const estimateFeeRates = (movements: readonly Movement[], fallback: { platformFeePercent: number; commissionPercent: number }): FeeRates =>
  feeRatesOf(feeHistory(movements), fallback);

/** What a line should bring: its gross after refunds, less the expected fee and commission. */
export function expectedNet(line: Pick<LineFacts, 'grossFen' | 'refundedFen' | 'hasInfluencer'>, rates: FeeRates): number {
  const gross = Math.max(0, line.grossFen - line.refundedFen);
  return gross - Math.round(gross * rates.platformFeeRate) - (line.hasInfluencer ? Math.round(gross * rates.commissionRate) : 0);
}

/** A settlement within 2 % (and at least 1 yuan) of the expectation counts as whole. */
const tolerance = (expected: number): number => Math.max(100, Math.round(Math.abs(expected) * 0.02));

export function lineStatus(moves: readonly Movement[], expectedFen: number, line: Pick<LineFacts, 'aftersale' | 'grossFen' | 'refundedFen'>): LineStatus {
  if (moves.length === 0) return line.aftersale === 'refunded' && line.grossFen - line.refundedFen <= 0 ? 'refunded' : 'notYet';
  return moneyStatus(
    moves.reduce((s, m) => s + m.amountFen, 0),
    moves.some((m) => m.kind === 'refund'),
    expectedFen,
  );
}

/** The status of a line with money: what its movements sum to, whether a refund is among them, against what it should bring. */
export function moneyStatus(actual: number, hasRefund: boolean, expectedFen: number): LineStatus {
  if (hasRefund && actual <= tolerance(0)) return 'refunded';
  if (actual >= expectedFen - tolerance(expectedFen)) return 'settled';
  return actual > 0 ? 'partlySettled' : 'refunded';
}

/** A self-delimiting key part (length-prefixed), so no date text can make two keys collide. */
export const part = (text: string | null): string => (text === null ? '~' : `${text.length}:${text}`);

type ExpectationFacts = Pick<LineFacts, 'isClosed' | 'confirmedOn' | 'shippedOn' | 'aftersale' | 'aftersaleEndedOn' | 'grossFen' | 'refundedFen'>;

export const expectationOf = (line: ExpectationFacts, policy: MoneyPolicy): SettlementExpectation =>
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

/**
 * The date work of one reconciliation or forecast, done once per distinct day instead of once per
 * line: a line's expectation depends only on its dates, its after-sales state and whether anything
 * is left (many lines share them), and "days since shipped" only on the shipping day. Results are
 * exactly expectationOf's and daysBetween's; the memo lives as long as one call (one policy, one today).
 */
export type LineDates = { expectation(line: ExpectationFacts): SettlementExpectation; daysSince(day: string): number };

export function lineDates(policy: MoneyPolicy, today: string): LineDates {
  const expectations = new Map<string, SettlementExpectation>();
  // The common line (open, something left, no after-sales request) depends on one day only:
  // its confirmation day, or its shipping day when unconfirmed (expectSettlement's own branches).
  const byConfirmed = new Map<string, SettlementExpectation>();
  const byShipped = new Map<string, SettlementExpectation>();
  const since = new Map<string, number>();
  const memo = (map: Map<string, SettlementExpectation>, key: string, line: ExpectationFacts): SettlementExpectation => {
    let e = map.get(key);
    if (e === undefined) {
      e = expectationOf(line, policy);
      map.set(key, e);
    }
    return e;
  };
  return {
    expectation(line) {
      if (line.aftersale === 'none' && !line.isClosed && line.grossFen - line.refundedFen > 0) {
        if (line.confirmedOn !== null) return memo(byConfirmed, line.confirmedOn, line);
        if (line.shippedOn !== null) return memo(byShipped, line.shippedOn, line);
      }
      // Everything expectSettlement reads: the after-sales end only matters once a request exists.
      const key = `${line.isClosed ? 1 : 0}${line.grossFen - line.refundedFen > 0 ? 1 : 0}${line.aftersale}${part(line.confirmedOn)}${part(line.shippedOn)}${part(line.aftersaleEndedOn)}`;
      return memo(expectations, key, line);
    },
    daysSince(day) {
      let n = since.get(day);
      if (n === undefined) {
        n = daysBetween(day, today);
        since.set(day, n);
      }
      return n;
    },
  };
}

/**
 * Shipped more than N days ago, nothing settled and its settlement day has passed; a line held by
 * an after-sales request, dropped, or whose rule day is still ahead is not past due.
 */
export const isPastDue = (status: LineStatus, expectation: SettlementExpectation, daysSinceShipped: number | null, policy: MoneyPolicy, today: string): boolean =>
  status === 'notYet' && expectation.state === 'expected' && expectation.on < today && daysSinceShipped !== null && daysSinceShipped > policy.overdueDays;

/**
 * Past due is `overdue` only when an imported funds flow or bill covers the settlement day (it
 * would list the payment); on any other day it is `unchecked` (coverage.ts).
 */
export function dueState(status: LineStatus, expectation: SettlementExpectation, daysSinceShipped: number | null, policy: MoneyPolicy, today: string, coverage: readonly DayRange[]): 'overdue' | 'unchecked' | null {
  if (!isPastDue(status, expectation, daysSinceShipped, policy, today) || expectation.state !== 'expected') return null;
  return covers(coverage, expectation.on) ? 'overdue' : 'unchecked';
}

/** One line against its money: status, expected vs actual, and whether it is overdue. */
export function reconcileLine(
  line: LineFacts,
  moves: readonly Movement[],
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  coverage: readonly DayRange[],
  dates: LineDates = lineDates(policy, today),
): ReconciledLine & { isUnchecked: boolean } {
  const expectedFen = expectedNet(line, rates);
  const status = lineStatus(moves, expectedFen, line);
  const expectation = dates.expectation(line);
  const settlements = moves.length === 0 ? [] : moves.filter((m) => m.kind === 'settlement').map((m) => m.on).sort();
  const daysSinceShipped = line.shippedOn ? dates.daysSince(line.shippedOn) : null;
  const due = dueState(status, expectation, daysSinceShipped, policy, today, coverage);
  return {
    subOrderId: line.subOrderId,
    orderId: line.orderId,
    product: line.product,
    shippedOn: line.shippedOn,
    confirmedOn: line.confirmedOn,
    status,
    expectedFen: expectation.state === 'dropped' ? 0 : expectedFen,
    actualFen: moves.length === 0 ? 0 : moves.reduce((s, m) => s + m.amountFen, 0),
    expectedOn: expectation.state === 'expected' ? expectation.on : null,
    settledOn: settlements[0] ?? null,
    isOverdue: due === 'overdue',
    daysSinceShipped,
    isUnchecked: due === 'unchecked',
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

/**
 * Most days since shipping first, lines with equal days in their given order: the stable sort
 * `(b.days ?? 0) - (a.days ?? 0)`, done by whole-day buckets (hundreds of thousands of overdue
 * lines share a few hundred day counts).
 */
export function longestWaitingFirst(lines: readonly ReconciledLine[]): ReconciledLine[] {
  const buckets = new Map<number, ReconciledLine[]>();
  for (const r of lines) {
    const days = r.daysSinceShipped ?? 0;
    const bucket = buckets.get(days);
    if (bucket) bucket.push(r);
    else buckets.set(days, [r]);
  }
  if ([...buckets.keys()].some((d) => !Number.isFinite(d))) return [...lines].sort((a, b) => (b.daysSinceShipped ?? 0) - (a.daysSinceShipped ?? 0));
  return [...buckets.keys()].sort((a, b) => b - a).flatMap((d) => buckets.get(d) ?? []);
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
  coverage: readonly DayRange[],
): FullReconciliation {
  const dates = lineDates(policy, today);
  const none: readonly Movement[] = [];
  const unchecked = { lines: 0, amountFen: 0 };
  const reconciled = lines.map((l): ReconciledLine => {
    const { isUnchecked, ...r } = reconcileLine(l, byLine.get(l.subOrderId) ?? none, rates, policy, today, coverage, dates);
    if (isUnchecked) {
      unchecked.lines += 1;
      unchecked.amountFen += r.expectedFen;
    }
    return r;
  });
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
  const overdue = longestWaitingFirst(reconciled.filter((r) => r.isOverdue));
  return {
    counts,
    lines: reconciled,
    overdue,
    unchecked,
    coverage: [...coverage],
    days: [...days.values()],
    periods: feePeriods(funds, bill),
    hasFunds: funds.length > 0 || bill.length > 0,
    hasOrders: lines.length > 0,
    unmatched: unmatchedMovements(funds, bill),
  };
}
