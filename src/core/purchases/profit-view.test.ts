import { describe, expect, it } from 'vitest';
import { lineProfit, type ProfitLineInput } from '../../shared/domain/profit';
import type { ProfitLine } from './product-profit';
import { figuresOf, groupByDay, groupByProduct, profitCsv, profitRange } from './profit-view';

const input = (patch: Partial<ProfitLineInput>): ProfitLineInput => ({
  payableFen: 0,
  platformBorneFen: 0,
  influencerBorneFen: 0,
  merchantBorneFen: 0,
  quantity: 1,
  isAffiliate: false,
  purchaseCostFen: null,
  estimatedUnitCostFen: null,
  fundsCommissionFen: null,
  fundsPlatformFeeFen: null,
  commissionBp: null,
  platformFeeBp: null,
  refundedFen: null,
  supplierRefund: null,
  ...patch,
});
const line = (day: string, productId: string, orderId: string, patch: Partial<ProfitLineInput>): ProfitLine => ({
  day,
  productId,
  productTitle: productId === 'p1' ? '保温杯' : '=HYPERLINK("x")',
  orderId,
  quantity: patch.quantity ?? 1,
  profit: lineProfit(input(patch)),
  hasRecordedCost: patch.purchaseCostFen !== undefined && patch.purchaseCostFen !== null,
});

// DOUYIN_EXPORTS.md §1.6 (via shared/domain/profit.ts): the funds flow settles "the order export's
// 订单应付金额 + 平台实际承担优惠金额 + 达人实际承担优惠金额"; commission and fees are percentages of what the
// buyer paid, rounded up to the fen; commission only on 精选联盟 lines.
const LINES: ProfitLine[] = [
  // Paid 59.90, the platform bore 5.00: revenue 64.90; recorded cost 30.00; 20 % commission (11.98), 5 % fee (2.995 → 3.00).
  line('2026-09-01', 'p1', 'o1', { payableFen: 5990, platformBorneFen: 500, purchaseCostFen: 3000, isAffiliate: true, commissionBp: 2000, platformFeeBp: 500 }),
  // The same order's gift line: nothing paid, nothing owed.
  line('2026-09-01', 'p2', 'o1', { payableFen: 0, estimatedUnitCostFen: 100 }),
  // Estimated cost 2 × 12.00, recorded fee from the funds flow (−1.50), refunded 10.00 after sale.
  line('2026-09-03', 'p1', 'o2', { payableFen: 4000, quantity: 2, estimatedUnitCostFen: 1200, fundsPlatformFeeFen: -150, refundedFen: 1000 }),
];

describe('profit per day and per product, in fen', () => {
  it('sums revenue, cost, commission, fees and after-sales losses exactly', () => {
    expect(figuresOf(LINES)).toEqual({
      lines: 3,
      orders: 2,
      ordersWithCost: 1,
      revenueFen: 6490 + 0 + 4000,
      purchaseCostFen: 3000 + 100 + 2400,
      commissionFen: 1198,
      feesFen: 300 + 0 + 150,
      afterSalesLossFen: 1000,
      supplierRefundFen: 0,
      profitFen: 6490 + 4000 - 5500 - 1198 - 450 - 1000,
      basis: 'missing',
    });
  });

  it('every day of the range, zeros included', () => {
    const view = groupByDay({ from: '2026-08-31', to: '2026-09-03' }, { lines: LINES, afterSalesSource: 'aftersales_export' });
    expect(view.days.map((d) => [d.date, d.orders, d.profitFen])).toEqual([
      ['2026-08-31', 0, 0],
      ['2026-09-01', 1, 6490 - 3100 - 1198 - 300],
      ['2026-09-02', 0, 0],
      ['2026-09-03', 1, 4000 - 2400 - 150 - 1000],
    ]);
    expect(view.days[0]?.basis).toBe('missing');
    expect(view.total.profitFen).toBe(view.days.reduce((s, d) => s + d.profitFen, 0));
  });

  it('products most profitable first, with the share of orders with a recorded cost', () => {
    const view = groupByProduct({ from: '2026-09-01', to: '2026-09-03' }, { lines: LINES, afterSalesSource: 'none' });
    expect(view.products.map((p) => [p.productId, p.quantity, p.orders, p.ordersWithCost, p.profitFen])).toEqual([
      ['p1', 3, 2, 1, 6490 - 3000 - 1198 - 300 + 4000 - 2400 - 150 - 1000],
      ['p2', 1, 1, 0, -100],
    ]);
  });

  it.each([
    [{}, { from: '2026-08-11', to: '2026-09-09' }],
    [{ from: '2026-09-01' }, { from: '2026-09-01', to: '2026-09-09' }],
    [{ from: '2026-09-12' }, { from: '2026-09-12', to: '2026-09-12' }],
    [{ to: '2026-08-31' }, { from: '2026-08-02', to: '2026-08-31' }],
  ])('range %j → %j (the 30 complete days before today by default)', (params, range) => {
    expect(profitRange(params, new Date('2026-09-10T04:00:00Z'))).toEqual(range);
  });

  it('CSV: yuan as numbers (a loss is not mistaken for a formula), text formula-safe, BOM and CRLF', () => {
    const { csv, rows } = profitCsv('product', groupByProduct({ from: '2026-09-01', to: '2026-09-03' }, { lines: LINES, afterSalesSource: 'none' }), true);
    expect(rows).toBe(2);
    expect(csv.startsWith('\uFEFF商品ID,商品,件数,收入（元）')).toBe(true);
    expect(csv).toContain('\r\np2,"\'=HYPERLINK(""x"")",1,0,1,0,0,0,0,-1,1,0,缺数据\r\n');
    expect(csv).toContain('\r\np1,保温杯,3,104.9,54,11.98,4.5,10,0,24.42,2,1,估算\r\n');
  });
});
