import { describe, expect, it } from 'vitest';
import {
  classifyAftersale,
  expectSettlement,
  halfMonthlyWindow,
  referenceSettlementDays,
  settlementDay,
  type SettlementFacts,
} from './settlement-rules';

const HALF = { kind: 'halfMonthly' } as const;

describe('settlementDay, per order', () => {
  it.each([
    ['2026-01-30', 4, '2026-02-03'],
    ['2026-02-26', 4, '2026-03-02'], // February has 28 days in 2026
    ['2028-02-26', 4, '2028-03-01'], // … and 29 in 2028
    ['2026-03-31', 10, '2026-04-10'],
    ['2026-12-25', 10, '2027-01-04'],
    ['2026-07-31', 0, '2026-07-31'],
  ])('confirmed %s, N = %i → %s', (confirmed, days, expected) => {
    expect(settlementDay(confirmed, { kind: 'perOrder', days })).toBe(expected);
  });

  it('reference N: 4 days at 体验分 ≥ 4.4, else 10', () => {
    expect(referenceSettlementDays(4.4)).toBe(4);
    expect(referenceSettlementDays(4.39)).toBe(10);
    expect(referenceSettlementDays(null)).toBe(10);
  });
});

describe('settlementDay, half-monthly', () => {
  it.each([
    ['2026-01-01', '2026-01-16'],
    ['2026-01-15', '2026-01-16'],
    ['2026-01-16', '2026-02-01'],
    ['2026-01-31', '2026-02-01'],
    ['2026-02-15', '2026-02-16'],
    ['2026-02-28', '2026-03-01'],
    ['2028-02-29', '2028-03-01'],
    ['2026-03-31', '2026-04-01'],
    ['2026-04-30', '2026-05-01'],
    ['2026-12-16', '2027-01-01'],
    ['2026-12-31', '2027-01-01'],
  ])('confirmed %s → paid %s', (confirmed, expected) => {
    expect(settlementDay(confirmed, HALF)).toBe(expected);
  });

  it.each([
    ['2026-03-01', { from: '2026-02-16', to: '2026-02-28' }],
    ['2028-03-01', { from: '2028-02-16', to: '2028-02-29' }],
    ['2026-08-01', { from: '2026-07-16', to: '2026-07-31' }],
    ['2027-01-01', { from: '2026-12-16', to: '2026-12-31' }],
    ['2026-02-16', { from: '2026-02-01', to: '2026-02-15' }],
    ['2026-02-17', null],
  ])('settlement day %s pays for %j', (day, window) => {
    expect(halfMonthlyWindow(day)).toEqual(window);
  });

  it('every day of a month lands in the window of its settlement day', () => {
    for (let d = new Date('2026-01-01T00:00:00Z'); d < new Date('2027-01-01T00:00:00Z'); d = new Date(d.getTime() + 86400_000)) {
      const day = d.toISOString().slice(0, 10);
      const window = halfMonthlyWindow(settlementDay(day, HALF));
      expect(window && window.from <= day && day <= window.to).toBe(true);
    }
  });
});

describe('classifyAftersale', () => {
  it.each([
    [null, 'none'],
    ['-', 'none'],
    ['退款成功', 'refunded'],
    ['已全额退款', 'refunded'],
    ['售后关闭', 'kept'],
    ['售后已拒绝', 'kept'],
    ['换货成功', 'kept'],
    ['退款中', 'open'],
    ['待收退货', 'open'],
    ['售后待处理', 'open'],
    ['仲裁中', 'open'],
  ] as const)('%s → %s', (status, state) => {
    expect(classifyAftersale(status)).toBe(state);
  });
});

describe('expectSettlement', () => {
  const base: SettlementFacts = { confirmedOn: '2026-09-10', shippedOn: '2026-09-03', aftersale: 'none', aftersaleEndedOn: null, grossFen: 5000 };
  const perOrder = { kind: 'perOrder', days: 10 } as const;

  it.each<[string, Partial<SettlementFacts>, ReturnType<typeof expectSettlement>]>([
    ['confirmed', {}, { state: 'expected', on: '2026-09-20', isEstimate: false }],
    ['shipped, not confirmed: estimated', { confirmedOn: null }, { state: 'expected', on: '2026-09-23', isEstimate: true }],
    ['not shipped', { confirmedOn: null, shippedOn: null }, { state: 'waiting', reason: 'notShipped' }],
    ['after-sales open: waits', { aftersale: 'open' }, { state: 'waiting', reason: 'aftersaleOpen' }],
    ['refunded in full: drops out', { aftersale: 'refunded', grossFen: 0 }, { state: 'dropped', reason: 'refunded' }],
    ['partly refunded: the rest settles', { aftersale: 'refunded', grossFen: 2000 }, { state: 'expected', on: '2026-09-20', isEstimate: false }],
    ['request ended later, money kept', { aftersale: 'kept', aftersaleEndedOn: '2026-09-15' }, { state: 'expected', on: '2026-09-25', isEstimate: false }],
  ])('%s', (_name, patch, expected) => {
    expect(expectSettlement({ ...base, ...patch }, perOrder, 10)).toEqual(expected);
  });

  it('half-monthly: a request closed in the next half moves the line to the next cycle', () => {
    expect(expectSettlement({ ...base, confirmedOn: '2026-09-14' }, HALF, 10)).toEqual({ state: 'expected', on: '2026-09-16', isEstimate: false });
    expect(expectSettlement({ ...base, confirmedOn: '2026-09-14', aftersale: 'kept', aftersaleEndedOn: '2026-09-18' }, HALF, 10)).toEqual({
      state: 'expected',
      on: '2026-10-01',
      isEstimate: false,
    });
  });
});
