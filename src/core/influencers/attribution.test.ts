import { describe, expect, it } from 'vitest';
import { amountSince, attribute, type AttributedLine, type AttributionFacts } from './attribution';

/*
 * DOUYIN_EXPORTS.md §1.4: "达人ID, 达人昵称 | Influencer who sold the item … Both blank for self-sold /
 * product-card orders." Counted like `report orders`: distinct 主订单编号, lines, Σ 订单应付金额.
 */
const A = '7592255573464597541';
const B = '1234567890123';
const line = (sub: string, over: Partial<AttributedLine> = {}): AttributedLine => ({
  subOrderId: sub, orderId: sub.slice(0, 3), influencerId: A, influencerName: '小美好物', productId: '3716630085112940216', productTitle: '凉席',
  submittedAt: '2026-11-03 10:00:00', payableFen: 3990, aftersaleStatus: '-', exportTime: 1000, lastImportId: 1, ...over,
});
const noFacts: AttributionFacts = { aftersales: new Map(), fundsCommission: new Map(), productRates: new Map() };

describe('attribute', () => {
  it('counts orders, lines and amount like report orders; self-sold lines belong to nobody', () => {
    const lines = [line('o01-1'), line('o01-2'), line('o02-1'), line('o03-1', { influencerId: null, influencerName: null }), line('o04-1', { influencerId: '', influencerName: '' })];
    const result = attribute(lines, noFacts);
    expect([...result.keys()]).toEqual([A]);
    expect(result.get(A)?.sales).toEqual({ orders: 2, lines: 3, amountFen: 11_970, refundedFen: 0 });
  });

  it('a 达人ID without 达人昵称 is still attributed, with no nickname', () => {
    const result = attribute([line('o01-1', { influencerId: B, influencerName: null })], noFacts);
    expect(result.get(B)).toMatchObject({ nickname: null, sales: { orders: 1, lines: 1, amountFen: 3990 } });
  });

  it('a renamed influencer takes the newest export’s nickname (export time, then import), whatever the line order', () => {
    const lines = [
      line('o02-1', { influencerName: '小美好物铺', exportTime: 2000, lastImportId: 1 }),
      line('o01-1', { influencerName: '小美好物', exportTime: 1000, lastImportId: 2 }),
      line('o03-1', { influencerName: null, exportTime: 3000 }),
    ];
    expect(attribute(lines, noFacts).get(A)?.nickname).toBe('小美好物铺');
  });

  it('refunded: the after-sales refund when recorded, else the line’s amount; open requests are not refunds', () => {
    const facts: AttributionFacts = { ...noFacts, aftersales: new Map([['o01-1', [{ status: '退款成功', appliedAt: '2026-11-04 09:00:00', refundFen: 2000 }]]]) };
    const lines = [line('o01-1'), line('o02-1', { aftersaleStatus: '退款成功' }), line('o03-1', { aftersaleStatus: '退款中' })];
    expect(attribute(lines, facts).get(A)?.sales.refundedFen).toBe(2000 + 3990);
  });

  it('commission: the funds flow where imported, else the product’s expected rate (rounded up), else unknown', () => {
    const facts: AttributionFacts = { ...noFacts, fundsCommission: new Map([['o01-1', 780]]), productRates: new Map([['3716630085112940216', 2000]]) };
    const lines = [line('o01-1'), line('o02-1', { payableFen: 3999 }), line('o03-1', { productId: '999' })];
    expect(attribute(lines, facts).get(A)?.commission).toEqual({ fen: 780 + 800, fromFundsLines: 1, estimatedLines: 1, unknownLines: 1 });
  });

  it('per product and per month', () => {
    const lines = [line('o01-1'), line('o02-1', { submittedAt: '2026-12-01 00:10:00', productId: '2', productTitle: '榨汁杯', payableFen: 5990 }), line('o03-1', { submittedAt: '2026-12-02 08:00:00' })];
    const a = attribute(lines, noFacts).get(A)!;
    expect(a.byMonth.map((r) => [r.key, r.orders, r.amountFen])).toEqual([['2026-11', 1, 3990], ['2026-12', 2, 9980]]);
    expect(a.byProduct.map((r) => [r.key, r.title, r.lines, r.amountFen])).toEqual([['3716630085112940216', '凉席', 2, 7980], ['2', '榨汁杯', 1, 5990]]);
    expect(amountSince(lines, A, '2026-12-01')).toBe(9980);
  });
});
