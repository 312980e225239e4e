import type { ProfitDay } from '../../../../shared/rpc/domains/profit-reports';
import type { ChartOption } from '../../shared/charts/chart';

export type ProfitLabels = { revenue: string; cost: string; commission: string; fees: string; afterSales: string; profit: string };

const yuan = (fen: number): number => fen / 100;

/**
 * Per day (`MM-DD`): revenue as a bar, the four costs stacked beside it, profit as a line (yuan).
 * Pure: tested in Node.
 */
export function buildProfitOption(days: readonly ProfitDay[], labels: ProfitLabels): ChartOption {
  const cost = (name: string, pick: (d: ProfitDay) => number, color: string) => ({ name, type: 'bar', stack: 'cost', data: days.map((d) => yuan(pick(d))), itemStyle: { color } });
  const series = [
    { name: labels.revenue, type: 'bar', data: days.map((d) => yuan(d.revenueFen)), itemStyle: { color: '#1677ff' } },
    cost(labels.cost, (d) => d.purchaseCostFen, '#fa8c16'),
    cost(labels.commission, (d) => d.commissionFen, '#faad14'),
    cost(labels.fees, (d) => d.feesFen, '#a0d911'),
    cost(labels.afterSales, (d) => d.afterSalesLossFen, '#f5222d'),
    { name: labels.profit, type: 'line', data: days.map((d) => yuan(d.profitFen)), itemStyle: { color: '#52c41a' }, showSymbol: days.length <= 45 },
  ];
  return {
    // Drawn at once: nothing moves after a refresh, and screenshots show the real figures.
    animation: false,
    grid: { left: 64, right: 16, top: 48, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name), top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', name: '¥' },
    series,
  };
}
