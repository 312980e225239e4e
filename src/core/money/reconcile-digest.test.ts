import { describe, expect, it } from 'vitest';
import { line, move } from '../../../tests/helpers/money-facts';
import type { FeeRates } from './money-facts';
import { groupForecastLines } from './forecast';
import { movementsByLine } from './movements';
import { reconcile, type FullReconciliation, type MoneyPolicy } from './reconcile';
import { digestLines, summaryFromDigest } from './reconcile-digest';

const RATES: FeeRates = { source: 'settings', platformFeeRate: 0.05, commissionRate: 0.2, settledLines: 0 };
const POLICY: MoneyPolicy = { rule: { kind: 'perOrder', days: 10 }, autoConfirmDays: 10, overdueDays: 10 };
const COVERED = [{ from: '2026-08-01', to: '2026-09-30' }];

/** What the RPC answered before the digest: the whole reconciliation without its lines. */
const summaryOf = (full: FullReconciliation) => {
  const { lines: _lines, overdue, ...rest } = full;
  return { ...rest, overdue: { lines: overdue.length, amountFen: overdue.reduce((s, l) => s + l.expectedFen, 0) } };
};

describe('the reconciliation summary from the digest', () => {
  // Every status and state: settled, partly, refunded after settling, not yet, overdue, held by after-sales, refunded before shipping, closed.
  const lines = [
    line('settled'),
    line('settled-too'),
    line('partly'),
    line('refundedAfter', { hasInfluencer: true }),
    line('notYet', { shippedOn: '2026-09-12', confirmedOn: '2026-09-15' }),
    line('overdue', { shippedOn: '2026-08-25', confirmedOn: null }),
    line('overdue-too', { shippedOn: '2026-08-25', confirmedOn: null }),
    line('unchecked', { shippedOn: '2026-07-01', confirmedOn: '2026-07-02' }),
    line('held', { aftersale: 'open' }),
    line('refundedBefore', { aftersale: 'refunded', refundedFen: 10_000 }),
    line('closed', { isClosed: true, shippedOn: null, confirmedOn: null }),
  ];
  const funds = [
    move('settled', '2026-09-15', 'settlement', 9_500),
    move('settled-too', '2026-09-16', 'settlement', 9_500),
    move('partly', '2026-09-15', 'settlement', 4_000),
    move('refundedAfter', '2026-09-15', 'settlement', 9_500),
    move('refundedAfter', '2026-09-18', 'refund', -9_500),
    move('elsewhere', '2026-09-18', 'settlement', 700),
    move(null, '2026-09-18', 'other', -20_000),
  ];
  const byLine = movementsByLine(funds, []);
  const digest = digestLines(lines, byLine, funds, []);
  const groups = groupForecastLines(lines, (id) => (byLine.get(id)?.length ?? 0) > 0);

  it.each([
    ['2026-09-20', POLICY, RATES],
    ['2026-08-10', POLICY, RATES],
    ['2026-10-31', { ...POLICY, overdueDays: 30 }, RATES],
    ['2026-09-20', { rule: { kind: 'halfMonthly' }, autoConfirmDays: 7, overdueDays: 5 } satisfies MoneyPolicy, { ...RATES, platformFeeRate: 0.5 }],
  ] as const)('on %s equals the summary of reconciling every line', (today, policy, rates) => {
    const summary = summaryFromDigest(groups, digest, rates, policy, today, COVERED);
    expect(summary).toEqual(summaryOf(reconcile(lines, byLine, funds, [], rates, policy, today, COVERED)));
  });

  it('counts the lines with money by what they sum to, once per equal line', () => {
    expect(digest.lines).toBe(lines.length);
    expect(digest.statusGroups).toContainEqual({ netGrossFen: 10_000, hasInfluencer: false, actualFen: 9_500, hasRefund: false, count: 2 });
    expect(digest.actualByDay).toEqual([['2026-09-15', 23_000], ['2026-09-16', 9_500], ['2026-09-18', -8_800]]);
    const summary = summaryFromDigest(groups, digest, RATES, POLICY, '2026-09-20', COVERED);
    expect(summary.counts).toEqual({ settled: 2, partlySettled: 1, refunded: 2, notYet: 6 });
    expect(summary.overdue.lines).toBe(2);
    expect(summary.unchecked.lines).toBe(1);
  });

  it('has no orders and no money for an empty shop', () => {
    const empty = summaryFromDigest([], digestLines([], new Map(), [], []), RATES, POLICY, '2026-09-20', []);
    expect(empty).toMatchObject({ hasOrders: false, hasFunds: false, counts: { settled: 0, partlySettled: 0, refunded: 0, notYet: 0 }, overdue: { lines: 0, amountFen: 0 } });
    expect(empty.days).toHaveLength(60);
  });
});
