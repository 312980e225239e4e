import { describe, expect, it } from 'vitest';
import { analyticsRows, isClosedUnpaid, paidDay, refundDay, type AnalyticsLine, type AnalyticsRow } from './analytics-days';

const line = (patch: Partial<AnalyticsLine>): AnalyticsLine => ({
  day: '2026-08-03',
  orderId: 'o1',
  productId: 'p1',
  province: '广东省',
  status: '已完成',
  aftersaleStatus: null,
  submittedAt: '2026-08-03 23:50:00',
  paidAt: '2026-08-03 23:59:59',
  completedAt: null,
  shippedAt: '2026-08-04 10:00:00',
  refundAt: null,
  influencerId: null,
  trafficSource: '小店自卖',
  trafficType: '非广告',
  trafficFormat: '商品卡',
  trafficChannel: '搜索',
  payableFen: 1000,
  ...patch,
});

const pick = (rows: AnalyticsRow[], basis: string, dimension: string) =>
  rows.filter((r) => r.basis === basis && r.dimension === dimension).map(({ atDay, key, orders, lines, amountFen }) => ({ atDay, key, orders, lines, amountFen })).sort((a, b) => (a.atDay + a.key < b.atDay + b.key ? -1 : 1));

describe('which lines count where', () => {
  // DOUYIN_EXPORTS.md §3.1: "Closed before payment. 已关闭 with 售后状态 `-` means the order was closed unpaid".
  it.each([
    ['已关闭', null, true],
    ['已关闭', '-', true],
    ['已关闭', '退款成功', false],
    ['已完成', null, false],
  ])('%s with 售后状态 %s closed unpaid: %s', (status, aftersaleStatus, unpaid) => expect(isClosedUnpaid({ status, aftersaleStatus })).toBe(unpaid));

  it('dates a paid line by 支付完成时间 at China midnight, not by 订单提交时间', () => {
    expect(paidDay(line({ paidAt: '2026-08-04 00:00:01' }))).toBe('2026-08-04');
    expect(paidDay(line({ paidAt: '2026-08-03 23:59:59' }))).toBe('2026-08-03');
    // An export without 支付完成时间: the submitted day.
    expect(paidDay(line({ paidAt: null }))).toBe('2026-08-03');
    expect(paidDay(line({ status: '待支付', paidAt: null }))).toBeNull();
    expect(paidDay(line({ status: '已关闭', aftersaleStatus: null }))).toBeNull();
  });

  it('dates a refunded or closed line by its refund, else completion, else paid time; other lines are not on the refund basis', () => {
    expect(refundDay(line({ aftersaleStatus: '退款成功', refundAt: '2026-08-10 09:00:00', completedAt: '2026-08-09 09:00:00' }))).toBe('2026-08-10');
    expect(refundDay(line({ aftersaleStatus: '退款成功', completedAt: '2026-08-09 09:00:00' }))).toBe('2026-08-09');
    expect(refundDay(line({ status: '已关闭', aftersaleStatus: '退款成功' }))).toBe('2026-08-03');
    expect(refundDay(line({ aftersaleStatus: '售后关闭' }))).toBeNull();
    expect(refundDay(line({}))).toBeNull();
    expect(refundDay(line({ status: '已关闭', aftersaleStatus: '-' }))).toBeNull();
  });
});

describe('analyticsRows, hand-computed', () => {
  // One submitted day, 2026-08-03: order o1 (two lines, paid just before midnight), o2 (paid after
  // midnight, refunded on the 10th), o3 closed unpaid, o4 through an influencer, refunded before shipping.
  const lines = [
    line({ orderId: 'o1', productId: 'p1', payableFen: 1000 }),
    line({ orderId: 'o1', productId: 'p2', payableFen: 0, province: '广东' }),
    line({ orderId: 'o2', productId: 'p1', paidAt: '2026-08-04 00:00:05', aftersaleStatus: '退款成功', refundAt: '2026-08-10 12:00:00', payableFen: 2500 }),
    line({ orderId: 'o3', productId: 'p1', status: '已关闭', aftersaleStatus: null, paidAt: null, shippedAt: null, payableFen: 700 }),
    line({ orderId: 'o4', productId: 'p2', status: '已关闭', aftersaleStatus: '退款成功', shippedAt: null, influencerId: '7001', trafficSource: '精选联盟', payableFen: 3000 }),
  ];
  const rows = analyticsRows(lines);

  it('totals by paid day, closed-unpaid on their own', () => {
    expect(pick(rows, 'paid', 'total')).toEqual([
      { atDay: '2026-08-03', key: '', orders: 2, lines: 3, amountFen: 4000 },
      { atDay: '2026-08-04', key: '', orders: 1, lines: 1, amountFen: 2500 },
    ]);
    expect(pick(rows, 'paid', 'closedUnpaid')).toEqual([{ atDay: '2026-08-03', key: '', orders: 1, lines: 1, amountFen: 700 }]);
    expect(pick(rows, 'refund', 'closedUnpaid')).toEqual(pick(rows, 'paid', 'closedUnpaid'));
  });

  it('totals by refund day', () => {
    expect(pick(rows, 'refund', 'total')).toEqual([
      { atDay: '2026-08-03', key: '', orders: 1, lines: 1, amountFen: 3000 },
      { atDay: '2026-08-10', key: '', orders: 1, lines: 1, amountFen: 2500 },
    ]);
  });

  it('per product, influencer, source and product mix', () => {
    expect(pick(rows, 'paid', 'product')).toEqual([
      { atDay: '2026-08-03', key: 'p1', orders: 1, lines: 1, amountFen: 1000 },
      { atDay: '2026-08-03', key: 'p2', orders: 2, lines: 2, amountFen: 3000 },
      { atDay: '2026-08-04', key: 'p1', orders: 1, lines: 1, amountFen: 2500 },
    ]);
    expect(pick(rows, 'paid', 'influencer')).toEqual([{ atDay: '2026-08-03', key: '7001', orders: 1, lines: 1, amountFen: 3000 }]);
    expect(pick(rows, 'paid', 'source').map((r) => [r.atDay, r.key, r.lines])).toEqual([
      ['2026-08-03', '小店自卖', 2],
      ['2026-08-03', '精选联盟', 1],
      ['2026-08-04', '小店自卖', 1],
    ]);
    expect(pick(rows, 'paid', 'mix').map((r) => [r.atDay, r.key.replace('\u001f', '/'), r.lines])).toEqual([
      ['2026-08-03', 'p2/aftersale', 1],
      ['2026-08-03', 'p2/closedBeforeShip', 1],
      ['2026-08-03', 'p2/refunded', 1],
      ['2026-08-04', 'p1/aftersale', 1],
      ['2026-08-04', 'p1/refunded', 1],
    ]);
  });

  it('keeps raw province spellings (the queries merge them)', () => {
    expect(pick(rows, 'paid', 'province').map((r) => r.key)).toEqual(['广东', '广东省', '广东省']);
  });
});
