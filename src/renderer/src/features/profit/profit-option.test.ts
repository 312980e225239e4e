import { describe, expect, it } from 'vitest';
import type { ProfitDay } from '../../../../shared/rpc/domains/profit-reports';
import { buildProfitOption } from './profit-option';

const day = (date: string, revenueFen: number, purchaseCostFen: number, profitFen: number): ProfitDay => ({
  date,
  lines: 1,
  orders: 1,
  ordersWithCost: 0,
  revenueFen,
  purchaseCostFen,
  commissionFen: 199,
  feesFen: 0,
  afterSalesLossFen: 0,
  supplierRefundFen: 0,
  profitFen,
  basis: 'estimated',
});
const labels = { revenue: '收入', cost: '采购成本', commission: '佣金', fees: '平台服务费', afterSales: '售后损失', profit: '利润' };
type Series = { name: string; type: string; stack?: string; data: number[] };

describe('buildProfitOption', () => {
  it('revenue bars, the costs stacked, profit as a line, in yuan', () => {
    const option = buildProfitOption([day('2026-09-01', 5990, 3000, 2791), day('2026-09-02', 0, 0, -500)], labels) as { xAxis: { data: string[] }; series: Series[] };
    expect(option.xAxis.data).toEqual(['09-01', '09-02']);
    expect(option.series.map((s) => [s.name, s.type, s.stack ?? null])).toEqual([
      ['收入', 'bar', null],
      ['采购成本', 'bar', 'cost'],
      ['佣金', 'bar', 'cost'],
      ['平台服务费', 'bar', 'cost'],
      ['售后损失', 'bar', 'cost'],
      ['利润', 'line', null],
    ]);
    expect(option.series[0]?.data).toEqual([59.9, 0]);
    expect(option.series[2]?.data).toEqual([1.99, 1.99]);
    expect(option.series[5]?.data).toEqual([27.91, -5]);
  });

  it('no days, no points', () => {
    expect((buildProfitOption([], labels) as { series: Series[] }).series.every((s) => s.data.length === 0)).toBe(true);
  });
});

describe('shareText', () => {
  it.each([
    [1, 3, '33.3%'],
    [2, 3, '66.6%'],
    [0, 0, '—'],
  ])('%d of %d → %s (rounded down: never overstated)', async (recorded, orders, text) => {
    const { shareText } = await import('./model');
    expect(shareText(recorded, orders)).toBe(text);
  });
});
