import { describe, expect, it } from 'vitest';
import { line, move } from '../../../tests/helpers/money-facts';
import type { FeeRates } from './money-facts';
import { buildForecast } from './forecast';
import { movementOfBill, movementOfFunds, movementsByLine, type FundsRow } from './movements';
import { estimateFeeRates, feePeriods, reconcile, type MoneyPolicy } from './reconcile';

const RATES: FeeRates = { source: 'settings', platformFeeRate: 0.05, commissionRate: 0.2, settledLines: 0 };
const POLICY: MoneyPolicy = { rule: { kind: 'perOrder', days: 10 }, autoConfirmDays: 10, overdueDays: 10 };
const TODAY = '2026-09-20';
/** A funds flow imported for August and September up to today. */
const COVERED = [{ from: '2026-08-01', to: TODAY }];

describe('reconcile', () => {
  const lines = [
    line('settled'),
    line('partly'),
    line('refundedAfter'),
    line('notYet', { shippedOn: '2026-09-12', confirmedOn: '2026-09-15' }),
    line('overdue', { shippedOn: '2026-08-25', confirmedOn: null }),
    line('held', { aftersale: 'open' }),
    line('refundedBefore', { aftersale: 'refunded', refundedFen: 10_000 }),
  ];
  const funds = [
    move('settled', '2026-09-15', 'settlement', 9_500),
    move('partly', '2026-09-15', 'settlement', 4_000),
    move('refundedAfter', '2026-09-15', 'settlement', 9_500),
    move('refundedAfter', '2026-09-18', 'refund', -9_500),
    move(null, '2026-09-18', 'other', -20_000),
  ];
  const byLine = movementsByLine(funds, []);
  const result = reconcile(lines, byLine, funds, [], RATES, POLICY, TODAY, COVERED);
  const status = Object.fromEntries(result.lines.map((l) => [l.subOrderId, l.status]));

  it('gives each line a status', () => {
    expect(status).toEqual({
      settled: 'settled',
      partly: 'partlySettled',
      refundedAfter: 'refunded',
      notYet: 'notYet',
      overdue: 'notYet',
      held: 'notYet',
      refundedBefore: 'refunded',
    });
    expect(result.counts).toEqual({ settled: 1, partlySettled: 1, refunded: 2, notYet: 3 });
  });

  it('queues lines shipped more than N days ago and not settled, but not those held by after-sales', () => {
    expect(result.overdue.map((l) => l.subOrderId)).toEqual(['overdue']);
    expect(result.overdue[0]).toMatchObject({ daysSinceShipped: 26, expectedFen: 9_500 });
  });

  it('compares expected and actual per day', () => {
    const day = result.days.find((d) => d.date === '2026-09-15');
    // settled, partly and refundedAfter were expected on 09-15 (confirmed 09-05 + 10); held waits.
    expect(day).toEqual({ date: '2026-09-15', expectedFen: 3 * 9_500, actualFen: 9_500 + 4_000 + 9_500 });
    expect(result.days.find((d) => d.date === '2026-09-18')?.actualFen).toBe(-9_500);
  });

  it('totals fees, refunds and rows without an order per month', () => {
    expect(feePeriods(funds, [])).toEqual([
      { period: '2026-09', settledFen: 23_000, platformFeeFen: 1_500, commissionFen: 0, otherFeesFen: 0, refundsFen: 9_500, unlinkedFen: -20_000 },
    ]);
  });
});

describe('overdue only where a funds flow or bill covers the settlement day', () => {
  // issue 10: "With no settlement bill or funds flow imported for a period, the money screen does not
  // call ¥60,362,987.52 超期未结算 … and counts overdue only where a bill or funds flow covers the day."
  // DOUYIN_EXPORTS.md §4.8: "Decide 'settled' from the fund-flow and settlement exports."
  const lines = [
    line('augustDue', { shippedOn: '2026-08-01', confirmedOn: '2026-08-05' }), // due 08-15
    line('septemberDue', { shippedOn: '2026-08-25', confirmedOn: '2026-08-30' }), // due 09-09
  ];
  it.each([
    ['nothing imported', [], [], ['augustDue', 'septemberDue']],
    ['a funds flow for September', [{ from: '2026-09-01', to: '2026-09-30' }], ['septemberDue'], ['augustDue']],
    ['a bill for 08-10 to 08-20 and a funds flow for September', [{ from: '2026-08-10', to: '2026-08-20' }, { from: '2026-09-01', to: '2026-09-30' }], ['augustDue', 'septemberDue'], []],
  ] as const)('%s → overdue %j, unchecked %j', (_, coverage, overdue, unchecked) => {
    const rec = reconcile(lines, new Map(), [], [], RATES, POLICY, TODAY, coverage);
    expect(rec.overdue.map((l) => l.subOrderId)).toEqual(overdue);
    expect(rec.unchecked).toEqual({ lines: unchecked.length, amountFen: unchecked.length * 9_500 });
    const f = buildForecast(lines, new Map(), RATES, POLICY, TODAY, TODAY, 30, coverage);
    expect(f.overdue.lines).toBe(overdue.length);
    expect(f.unchecked.lines).toBe(unchecked.length);
    // Never put on today's forecast instead.
    expect(f.days[0]?.lines).toBe(0);
  });
});

describe('buildForecast', () => {
  it('puts each unsettled line on its day, late ones on the first day, and counts overdue and waiting', () => {
    const lines = [
      line('a', { shippedOn: '2026-09-12', confirmedOn: '2026-09-15' }), // → 09-25
      line('b', { shippedOn: '2026-09-12', confirmedOn: '2026-09-16', hasInfluencer: true }), // → 09-26, less commission
      line('late', { shippedOn: '2026-09-12', confirmedOn: '2026-09-08' }), // due 09-18, shipped 8 days ago: late, not overdue
      line('overdue', { shippedOn: '2026-08-25', confirmedOn: null }),
      line('held', { aftersale: 'open' }),
      line('far', { shippedOn: '2026-09-19', confirmedOn: '2026-11-01' }),
    ];
    const f = buildForecast(lines, new Map(), RATES, POLICY, TODAY, TODAY, 30, COVERED);
    expect(f.days).toHaveLength(30);
    expect(f.days[0]).toEqual({ date: '2026-09-20', expectedFen: 9_500, lines: 1 });
    expect(f.days.find((d) => d.date === '2026-09-25')).toEqual({ date: '2026-09-25', expectedFen: 9_500, lines: 1 });
    expect(f.days.find((d) => d.date === '2026-09-26')).toEqual({ date: '2026-09-26', expectedFen: 7_500, lines: 1 });
    expect(f.overdue).toEqual({ lines: 1, amountFen: 9_500 });
    expect(f.waiting).toEqual({ lines: 1, amountFen: 9_500 });
    expect(f.days.reduce((s, d) => s + d.lines, 0)).toBe(3);
  });

  it('half-monthly: everything confirmed in a half lands on the 1st or the 16th', () => {
    const lines = [line('x', { shippedOn: '2026-09-12', confirmedOn: '2026-09-17' }), line('y', { confirmedOn: '2026-09-30', shippedOn: '2026-09-25' })];
    const f = buildForecast(lines, new Map(), RATES, { ...POLICY, rule: { kind: 'halfMonthly' } }, TODAY, TODAY, 30, COVERED);
    expect(f.rule).toBe('halfMonthly');
    expect(f.days.filter((d) => d.lines > 0)).toEqual([{ date: '2026-10-01', expectedFen: 19_000, lines: 2 }]);
  });
});

describe('fee rates and movements', () => {
  it('estimates from settled history, else from the settings', () => {
    const settled = [1, 2, 3].map((i) => move(`s${i}`, '2026-09-10', 'settlement', 9_000, { platformFeeFen: 300, hasInfluencer: i === 1, commissionFen: i === 1 ? 2_000 : 0 }));
    expect(estimateFeeRates(settled, { platformFeePercent: 5, commissionPercent: 20 })).toEqual({
      source: 'history',
      platformFeeRate: 0.03,
      commissionRate: 0.2,
      settledLines: 3,
    });
    expect(estimateFeeRates(settled.slice(0, 2), { platformFeePercent: 5, commissionPercent: 20 }).source).toBe('settings');
  });

  const fundsRow: FundsRow = {
    flow_id: '1', flow_at: '2026-09-09 00:57:47', direction: '入账', amount_fen: 132_905, signed_amount_fen: null, scene: '货款结算入账', note: '订单结算',
    sub_order_id: '69', influencer_id: null, order_paid_fen: 139_900, platform_subsidy_fen: 0, other_platform_subsidy_fen: null, influencer_subsidy_fen: 0,
    douyin_pay_subsidy_fen: 0, douyin_monthly_subsidy_fen: 0, bank_subsidy_fen: null, platform_fee_fen: -6_995, commission_fen: 0, provider_commission_fen: null,
    channel_share_fen: 0, recruiter_fee_fen: 0, offsite_promo_fen: 0, other_share_fen: 0,
  };

  it('reads funds-flow rows: sign from the direction, scene to kind, fees as magnitudes', () => {
    expect(movementOfFunds(fundsRow)).toMatchObject({ kind: 'settlement', amountFen: 132_905, grossFen: 139_900, platformFeeFen: 6_995, on: '2026-09-09' });
    expect(movementOfFunds({ ...fundsRow, direction: '出账', scene: '退款-结算后退款-退用户', note: '原路退' })).toMatchObject({ kind: 'refund', amountFen: -132_905 });
    expect(movementOfFunds({ ...fundsRow, direction: '出账', scene: '提现', sub_order_id: null })).toMatchObject({ kind: 'other', amountFen: -132_905 });
    expect(movementOfFunds({ ...fundsRow, scene: null, note: '部分结算' }).kind).toBe('settlement');
  });

  it('reads the settlement bill, and takes a line from the funds flow when it is there', () => {
    const bill = { settlement_key: 'k', settled_at: '2026-09-05 10:00:00', sub_order_id: '69', amount_fen: 132_905, settle_type: '已结算', income_total_fen: 139_900,
      platform_fee_fen: -6_995, commission_fen: 0, channel_share_fen: 0, recruiter_fee_fen: 0, offsite_promo_fen: 0, other_share_fen: 0 };
    expect(movementOfBill(bill)).toMatchObject({ kind: 'settlement', grossFen: 139_900, on: '2026-09-05' });
    expect(movementOfBill({ ...bill, settle_type: '结算后退款-原路退回', amount_fen: -132_905 }).kind).toBe('refund');
    const byLine = movementsByLine([movementOfFunds(fundsRow)], [movementOfBill(bill), movementOfBill({ ...bill, sub_order_id: '70' })]);
    expect(byLine.get('69')?.map((m) => m.source)).toEqual(['funds']);
    expect(byLine.get('70')?.map((m) => m.source)).toEqual(['bill']);
  });
});
