import type { ForecastDay, ReconciliationDay } from '../../../../shared/rpc/domains/money';
import type { ChartOption } from '../../shared/charts/chart';

/** Expected cash per day as bars (yuan), dates as `MM-DD`. Pure: tested in Node. */
export function buildForecastOption(days: readonly ForecastDay[], labels: { expected: string; lines: string }): ChartOption {
  return {
    // One series, named by the card's title: no legend, which would crowd the axis.
    // Drawn at once: nothing moves after a refresh, and screenshots show the real figures.
    animation: false,
    grid: { left: 56, right: 16, top: 32, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', name: '¥' },
    series: [
      {
        name: labels.expected,
        type: 'bar',
        data: days.map((d) => ({ value: d.expectedFen / 100, lines: d.lines })),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

/** Expected against actual settlement per day (yuan): two lines over the reconciliation window. */
export function buildReconcileOption(days: readonly ReconciliationDay[], labels: { expected: string; actual: string }): ChartOption {
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.expected, labels.actual], top: 0 },
    xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', name: '¥' },
    series: [
      { name: labels.expected, type: 'line', step: 'middle', showSymbol: false, data: days.map((d) => d.expectedFen / 100), itemStyle: { color: '#8c8c8c' } },
      { name: labels.actual, type: 'line', step: 'middle', showSymbol: false, data: days.map((d) => d.actualFen / 100), itemStyle: { color: '#52c41a' } },
    ],
  };
}
