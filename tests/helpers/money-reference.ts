/*
 * The money domain's line loading, forecast and reconciliation exactly as they were before the
 * 500k-line speed work (commit 5c95dbf), kept verbatim as the reference the fast path is checked
 * against (tests/integration/money-fast-path.int.test.ts, src/core/money/*.test.ts). Do not
 * "improve" this file: its only job is to be the old behaviour. One rule was added since, in the
 * same slow style (issue 10): a past-due line is overdue only when an imported funds flow or bill
 * covers its settlement day, else it is counted as unchecked.
 */
import type { Kysely } from 'kysely';
import { addDays, chinaDate, daysBetween, parseChinaDateTime } from '../../src/shared/domain/china-time';
import { classifyAftersale, expectSettlement, type SettlementExpectation } from '../../src/shared/domain/settlement-rules';
import type { DayRange, FeePeriod, Forecast, ForecastDay, LineStatus, MoneyProfile, ReconciledLine, ReconciliationDay } from '../../src/shared/rpc/domains/money';
import type { FeeRates, LineFacts, Movement } from '../../src/core/money/money-facts';
import type { MoneyDatabase } from '../../src/core/money/money-schema';
import type { FullReconciliation, MoneyPolicy } from '../../src/core/money/reconcile';
import { unmatchedMovements } from '../../src/core/money/link-by-order';

const MIN_HISTORY_LINES = 3;

/** Fee and commission rates from settled history (funds flow, else the bill), else the settings. */
export function referenceFeeRates(movements: readonly Movement[], fallback: { platformFeePercent: number; commissionPercent: number }): FeeRates {
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

/** `YYYY-MM-DD HH:MM:SS` (China time) → China date. */
const dayOf = (text: string | null): string | null => {
  if (!text) return null;
  const instant = parseChinaDateTime(text);
  return instant ? chinaDate(instant) : text.slice(0, 10);
};

const UNPAID = new Set(['待支付', '待确认']);

/** The order lines money cares about (paid ones), with their after-sales state. */
export async function referenceLineFacts(db: Kysely<MoneyDatabase>): Promise<LineFacts[]> {
  const lines = await db
    .selectFrom('order_lines')
    .select(['sub_order_id', 'order_id', 'product_title', 'payable_fen', 'platform_borne_fen', 'influencer_borne_fen', 'influencer_id', 'shipped_at', 'completed_at', 'status', 'aftersale_status'])
    .execute();
  const aftersales = await db.selectFrom('aftersales').select(['sub_order_id', 'status', 'refund_goods_fen', 'applied_at', 'closed_at', 'finished_at']).execute();
  const bySub = new Map<string, typeof aftersales>();
  for (const a of aftersales) bySub.set(a.sub_order_id, [...(bySub.get(a.sub_order_id) ?? []), a]);
  return lines
    .filter((l) => !UNPAID.has(l.status?.trim() ?? ''))
    .map((l) => {
      const grossFen = (l.payable_fen ?? 0) + (l.platform_borne_fen ?? 0) + (l.influencer_borne_fen ?? 0);
      const requests = (bySub.get(l.sub_order_id) ?? []).sort((a, b) => (a.applied_at ?? '').localeCompare(b.applied_at ?? ''));
      const latest = requests.at(-1);
      // The after-sales export is more detailed and newer than the order row's summary when present.
      const aftersale = classifyAftersale(latest?.status ?? l.aftersale_status);
      const refundRows = requests.filter((a) => classifyAftersale(a.status) === 'refunded');
      const refundedFen = aftersale === 'refunded' ? (refundRows.length > 0 ? refundRows.reduce((s, a) => s + (a.refund_goods_fen ?? 0), 0) : grossFen) : 0;
      const ended = [latest?.finished_at, latest?.closed_at].map((t) => dayOf(t ?? null)).filter((d): d is string => d !== null).sort().at(-1) ?? null;
      const shippedOn = dayOf(l.shipped_at);
      return {
        subOrderId: l.sub_order_id,
        orderId: l.order_id,
        product: l.product_title,
        grossFen,
        refundedFen: Math.min(refundedFen, grossFen),
        hasInfluencer: !!l.influencer_id,
        shippedOn,
        confirmedOn: dayOf(l.completed_at),
        aftersale,
        aftersaleEndedOn: ended,
        isClosed: (l.status?.trim() ?? '') === '已关闭' && shippedOn === null,
      };
    });
}

export function referenceForecast(
  lines: readonly LineFacts[],
  byLine: ReadonlyMap<string, readonly Movement[]>,
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  from: string,
  dayCount: number,
  coverage: readonly DayRange[],
): Forecast {
  const days: ForecastDay[] = Array.from({ length: dayCount }, (_, i) => ({ date: addDays(from, i), expectedFen: 0, lines: 0 }));
  const last = addDays(from, dayCount - 1);
  const overdue = { lines: 0, amountFen: 0 };
  const waiting = { lines: 0, amountFen: 0 };
  const unchecked = { lines: 0, amountFen: 0 };
  for (const line of lines) {
    const r = referenceReconcileLine(line, byLine.get(line.subOrderId) ?? [], rates, policy, today, coverage);
    if (r.status !== 'notYet') continue;
    const net = referenceExpectedNet(line, rates);
    if (r.isOverdue || r.isUnchecked) {
      const bucket = r.isOverdue ? overdue : unchecked;
      bucket.lines += 1;
      bucket.amountFen += net;
      continue;
    }
    const expectation = referenceExpectationOf(line, policy);
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
    unchecked,
    coverage: [...coverage],
    feeBasis: rates,
  };
}

/** What a line should bring: its gross after refunds, less the expected fee and commission. */
export function referenceExpectedNet(line: LineFacts, rates: FeeRates): number {
  const gross = Math.max(0, line.grossFen - line.refundedFen);
  return gross - Math.round(gross * rates.platformFeeRate) - (line.hasInfluencer ? Math.round(gross * rates.commissionRate) : 0);
}

/** A settlement within 2 % (and at least 1 yuan) of the expectation counts as whole. */
const tolerance = (expected: number): number => Math.max(100, Math.round(Math.abs(expected) * 0.02));

export function referenceLineStatus(moves: readonly Movement[], expectedFen: number, line: LineFacts): LineStatus {
  const actual = moves.reduce((s, m) => s + m.amountFen, 0);
  const hasRefund = moves.some((m) => m.kind === 'refund');
  if (moves.length === 0) return line.aftersale === 'refunded' && line.grossFen - line.refundedFen <= 0 ? 'refunded' : 'notYet';
  if (hasRefund && actual <= tolerance(0)) return 'refunded';
  if (actual >= expectedFen - tolerance(expectedFen)) return 'settled';
  return actual > 0 ? 'partlySettled' : 'refunded';
}

export const referenceExpectationOf = (line: LineFacts, policy: MoneyPolicy): SettlementExpectation =>
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
export function referenceReconcileLine(
  line: LineFacts,
  moves: readonly Movement[],
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  coverage: readonly DayRange[],
): ReconciledLine & { isUnchecked: boolean } {
  const pastDue = (status: LineStatus, expectation: SettlementExpectation, daysSinceShipped: number | null) =>
    status === 'notYet' && expectation.state === 'expected' && expectation.on < today && daysSinceShipped !== null && daysSinceShipped > policy.overdueDays;
  // Issue 10: overdue only on a day an imported funds flow or bill covers; elsewhere unchecked.
  const covered = (expectation: SettlementExpectation) => expectation.state === 'expected' && coverage.some((r) => r.from <= expectation.on && expectation.on <= r.to);
  const expectedFen = referenceExpectedNet(line, rates);
  const status = referenceLineStatus(moves, expectedFen, line);
  const expectation = referenceExpectationOf(line, policy);
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
    isOverdue: pastDue(status, expectation, daysSinceShipped) && covered(expectation),
    daysSinceShipped,
    isUnchecked: pastDue(status, expectation, daysSinceShipped) && !covered(expectation),
  };
}

/** Fees and commission per month, from the funds flow when there is one, else from the bill. */
export function referenceFeePeriods(funds: readonly Movement[], bill: readonly Movement[]): FeePeriod[] {
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
export const REFERENCE_DAYS = 60;

export function referenceReconcile(
  lines: readonly LineFacts[],
  byLine: ReadonlyMap<string, readonly Movement[]>,
  funds: readonly Movement[],
  bill: readonly Movement[],
  rates: FeeRates,
  policy: MoneyPolicy,
  today: string,
  coverage: readonly DayRange[],
): FullReconciliation {
  const unchecked = { lines: 0, amountFen: 0 };
  const reconciled = lines.map((l): ReconciledLine => {
    const { isUnchecked, ...r } = referenceReconcileLine(l, byLine.get(l.subOrderId) ?? [], rates, policy, today, coverage);
    if (isUnchecked) {
      unchecked.lines += 1;
      unchecked.amountFen += r.expectedFen;
    }
    return r;
  });
  const counts: Record<LineStatus, number> = { settled: 0, partlySettled: 0, refunded: 0, notYet: 0 };
  for (const r of reconciled) counts[r.status] += 1;
  const first = addDays(today, 1 - REFERENCE_DAYS);
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
    unchecked,
    coverage: [...coverage],
    days: [...days.values()],
    periods: referenceFeePeriods(funds, bill),
    hasFunds: funds.length > 0 || bill.length > 0,
    hasOrders: lines.length > 0,
    // Issue 10 (not in the old code): rows with a blank 子订单号 no line took.
    unmatched: unmatchedMovements(funds, bill),
  };
}

export function referenceMovementsByLine(funds: readonly Movement[], bill: readonly Movement[]): Map<string, Movement[]> {
  const byLine = new Map<string, Movement[]>();
  for (const m of funds) if (m.subOrderId && m.kind !== 'other') byLine.set(m.subOrderId, [...(byLine.get(m.subOrderId) ?? []), m]);
  const fromFunds = new Set(byLine.keys());
  for (const m of bill) {
    if (!m.subOrderId || m.kind === 'other' || fromFunds.has(m.subOrderId)) continue;
    byLine.set(m.subOrderId, [...(byLine.get(m.subOrderId) ?? []), m]);
  }
  return byLine;
}

/** The old loadPicture + loadForecast / loadReconciliation, end to end. */
export async function referenceMoney(
  db: Kysely<MoneyDatabase>,
  load: { profile: MoneyProfile; funds: Movement[]; bill: Movement[]; coverage: DayRange[] },
  today: string,
  from = today,
  days = 30,
): Promise<{ forecast: Forecast; reconciliation: FullReconciliation }> {
  const { profile, funds, bill, coverage } = load;
  const lines = await referenceLineFacts(db);
  const byLine = referenceMovementsByLine(funds, bill);
  const rates = referenceFeeRates(funds.length > 0 ? funds : bill, profile);
  const policy: MoneyPolicy = {
    rule: profile.settlementRule === 'perOrder' ? { kind: 'perOrder', days: profile.perOrderDays } : { kind: 'halfMonthly' },
    autoConfirmDays: profile.autoConfirmDays,
    overdueDays: profile.overdueDays,
  };
  return {
    forecast: referenceForecast(lines, byLine, rates, policy, today, from, days, coverage),
    reconciliation: referenceReconcile(lines, byLine, funds, bill, rates, policy, today, coverage),
  };
}

/** The old date reading (parse as a China instant, back to its China date). */
export const referenceDayOf = dayOf;
