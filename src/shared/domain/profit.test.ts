import { describe, expect, it } from 'vitest';
import { allocate, lineProfit, sumProfit, type ProfitLineInput } from './profit';

const line = (over: Partial<ProfitLineInput>): ProfitLineInput => ({
  payableFen: 0, platformBorneFen: 0, influencerBorneFen: 0, merchantBorneFen: 0, quantity: 1, isAffiliate: false,
  purchaseCostFen: null, estimatedUnitCostFen: null, fundsCommissionFen: null, fundsPlatformFeeFen: null,
  commissionBp: null, platformFeeBp: null, refundedFen: null, supplierRefund: null, ...over,
});

// DOUYIN_EXPORTS.md §1.6: "订单实付应结 + subsidies equals, sub-order by sub-order, the order export's
// 订单应付金额 + 平台实际承担优惠金额 + 达人实际承担优惠金额" — so the platform's and 达人's shares are not
// the shop's cost, and the shop's share (商家实际承担优惠金额) is.
describe('lineProfit (fen)', () => {
  it.each([
    {
      // Sample row 1: 商品单价 129.00, 订单应付金额 119.00, 商家实际承担优惠金额 10.00; self-sold.
      name: 'sample row 1: self-sold, shop-funded discount, recorded purchase, estimated 5% fee',
      input: line({ payableFen: 11900, merchantBorneFen: 1000, purchaseCostFen: 6000, platformFeeBp: 500, commissionBp: 2000 }),
      goods: 12900, shopDiscount: 1000, cost: 6000, commission: 0, fee: 595, profit: 12900 - 1000 - 6000 - 595, basis: 'estimated',
    },
    {
      // Sample row 2: 订单应付金额 1,299.00, 平台实际承担 50.00, 商家实际承担 50.00; 精选联盟.
      name: 'sample row 2: affiliate, platform share comes back, funds flow recorded',
      input: line({ payableFen: 129900, platformBorneFen: 5000, merchantBorneFen: 5000, isAffiliate: true, purchaseCostFen: 80000, fundsCommissionFen: -25980, fundsPlatformFeeFen: -6495 }),
      goods: 139900, shopDiscount: 5000, cost: 80000, commission: 25980, fee: 6495, profit: 129900 + 5000 - 80000 - 25980 - 6495, basis: 'recorded',
    },
    {
      // Sample row 5: 订单应付金额 39.00, 达人实际承担 10.00 (the influencer funded it: not the shop's cost).
      name: 'sample row 5: influencer-funded discount, estimated commission rounds up',
      input: line({ payableFen: 3900, influencerBorneFen: 1000, isAffiliate: true, estimatedUnitCostFen: 1500, quantity: 1, commissionBp: 1999, platformFeeBp: 0 }),
      goods: 4900, shopDiscount: 0, cost: 1500, commission: 780, fee: 0, profit: 4900 - 1500 - 780, basis: 'estimated',
    },
    {
      name: 'no product, no purchase: cost and fees missing, counted as 0',
      input: line({ payableFen: 5000 }),
      goods: 5000, shopDiscount: 0, cost: 0, commission: 0, fee: 0, profit: 5000, basis: 'missing',
    },
    {
      // Issue 11: "− after-sales losses + supplier refunds; in fen; each figure says whether it is recorded or estimated".
      name: 'estimated cost is per unit × quantity; refund and supplier refund recorded',
      input: line({ payableFen: 10980, quantity: 2, estimatedUnitCostFen: 2500, platformFeeBp: 500, refundedFen: 5490, supplierRefund: { fen: 2500, basis: 'recorded' } }),
      goods: 10980, shopDiscount: 0, cost: 5000, commission: 0, fee: 549, profit: 10980 - 5000 - 549 - 5490 + 2500, basis: 'estimated',
    },
    {
      name: 'a 服务费返还 in the funds flow nets the fee to 0',
      input: line({ payableFen: 2890, purchaseCostFen: 1000, fundsPlatformFeeFen: 0, fundsCommissionFen: 0, isAffiliate: true }),
      goods: 2890, shopDiscount: 0, cost: 1000, commission: 0, fee: 0, profit: 1890, basis: 'recorded',
    },
  ])('$name', ({ input, goods, shopDiscount, cost, commission, fee, profit, basis }) => {
    const p = lineProfit(input);
    expect(p.goodsFen).toBe(goods);
    expect(p.shopDiscount.fen).toBe(shopDiscount);
    expect(p.purchaseCost.fen).toBe(cost);
    expect(p.commission.fen).toBe(commission);
    expect(p.platformFee.fen).toBe(fee);
    expect(p.profitFen).toBe(profit);
    expect(p.basis).toBe(basis);
    expect(Number.isInteger(p.profitFen)).toBe(true);
  });

  it('the shop’s discount share is taken off once: profit = payable + platform + 达人 shares − costs', () => {
    const p = lineProfit(line({ payableFen: 129900, platformBorneFen: 5000, influencerBorneFen: 700, merchantBorneFen: 5000, purchaseCostFen: 0, fundsCommissionFen: 0, fundsPlatformFeeFen: 0 }));
    expect(p.profitFen).toBe(129900 + 5000 + 700);
  });

  it.each([
    { name: 'no supplier refund known: missing, counted 0, the basis stays recorded', refund: null, fen: 0, figure: 'missing', basis: 'recorded' },
    { name: 'received from the supplier: recorded, added', refund: { fen: 3000, basis: 'recorded' as const }, fen: 3000, figure: 'recorded', basis: 'recorded' },
    { name: 'agreed, not received yet: estimated, added, and the profit is an estimate', refund: { fen: 3000, basis: 'estimated' as const }, fen: 3000, figure: 'estimated', basis: 'estimated' },
  ])('supplier refund — $name', ({ refund, fen, figure, basis }) => {
    const base = line({ payableFen: 10000, purchaseCostFen: 6000, fundsPlatformFeeFen: -500, refundedFen: 10000 });
    const p = lineProfit({ ...base, supplierRefund: refund });
    expect(p.supplierRefund).toEqual({ fen, basis: figure });
    expect(p.profitFen).toBe(10000 - 6000 - 500 - 10000 + fen);
    expect(p.basis).toBe(basis);
    const order = sumProfit([p, lineProfit(line({ payableFen: 100, purchaseCostFen: 50, fundsPlatformFeeFen: 0 }))]);
    expect(order.supplierRefund).toEqual({ fen, basis: figure });
    expect(order.basis).toBe(basis);
  });

  it('sums an order and keeps the weakest basis', () => {
    const a = lineProfit(line({ payableFen: 1000, purchaseCostFen: 400, fundsPlatformFeeFen: -50 }));
    const b = lineProfit(line({ payableFen: 0, estimatedUnitCostFen: 100, platformFeeBp: 500 }));
    const sum = sumProfit([a, b]);
    expect(sum.profitFen).toBe(a.profitFen + b.profitFen);
    expect(sum.purchaseCost).toEqual({ fen: 500, basis: 'estimated' });
    expect(sum.basis).toBe('estimated');
  });
});

describe('allocate', () => {
  it.each([
    { amount: 1000, weights: [1, 1, 1], parts: [334, 333, 333] },
    { amount: 10000, weights: [10980, 0], parts: [10000, 0] },
    { amount: 7, weights: [0, 0], parts: [4, 3] },
    { amount: 999, weights: [2, 1], parts: [666, 333] },
    { amount: 0, weights: [5], parts: [0] },
  ])('$amount over $weights → $parts (adds up exactly)', ({ amount, weights, parts }) => {
    const got = allocate(amount, weights);
    expect(got).toEqual(parts);
    expect(got.reduce((s, x) => s + x, 0)).toBe(amount);
  });
});
