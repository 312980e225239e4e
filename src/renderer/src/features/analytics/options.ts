import type { BreakdownResult, VolumeResult } from '../../../../shared/rpc/domains/analytics';
import type { ChartOption } from '../../shared/charts/chart';

/*
 * 看数据's chart options: pure functions of the core's aggregated series (tested in Node); the
 * Chart wrapper draws them. Money in yuan, every chart drawn at once (no animation) so a PNG export
 * or a screenshot shows the final figures.
 */

const axisText = (dark: boolean) => (dark ? '#bfbfbf' : '#595959');

/** A period's label on the axis: MM-DD for days and weeks, YYYY-MM for months. */
export const periodLabel = (key: string, granularity: VolumeResult['granularity']): string => (granularity === 'month' ? key.slice(0, 7) : key.slice(5));

export type VolumeLabels = { orders: string; previous: string; closedUnpaid: string; amount: string };

/**
 * Orders per period as bars (a note sits above its bar), the previous period's orders as a dashed
 * line (环比 at a glance), orders closed unpaid as their own line, and the amount on a second axis.
 */
export function buildVolumeOption(v: VolumeResult, labels: VolumeLabels, dark = false): ChartOption {
  const categories = v.periods.map((p) => periodLabel(p.key, v.granularity));
  return {
    animation: false,
    grid: { left: 48, right: 64, top: 48, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.orders, labels.previous, labels.closedUnpaid, labels.amount], top: 0, textStyle: { color: axisText(dark) } },
    xAxis: { type: 'category', data: categories, axisLabel: { color: axisText(dark) } },
    yAxis: [
      { type: 'value', name: labels.orders, minInterval: 1, axisLabel: { color: axisText(dark) } },
      { type: 'value', name: '¥', splitLine: { show: false }, axisLabel: { color: axisText(dark) } },
    ],
    series: [
      {
        name: labels.orders,
        type: 'bar',
        itemStyle: { color: '#1677ff' },
        // A period still under way is drawn pale; a note sits above its bar on a light tag.
        data: v.periods.map((p) => ({
          value: p.orders,
          ...(p.open ? { itemStyle: { color: '#91caff' } } : {}),
          ...(p.note === null
            ? {}
            : { label: { show: true, position: 'top', formatter: p.note, color: dark ? '#ffd666' : '#ad6800', backgroundColor: dark ? '#2b2111' : '#fff7e6', padding: [2, 4], borderRadius: 3, fontSize: 11 } }),
        })),
      },
      {
        name: labels.previous,
        type: 'line',
        showSymbol: false,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#8c8c8c' },
        data: v.periods.map((p) => p.previous?.orders ?? null),
      },
      { name: labels.closedUnpaid, type: 'line', showSymbol: false, itemStyle: { color: '#fa8c16' }, data: v.periods.map((p) => p.closedUnpaid.orders) },
      { name: labels.amount, type: 'line', yAxisIndex: 1, showSymbol: false, itemStyle: { color: '#52c41a' }, data: v.periods.map((p) => p.amountFen / 100) },
    ],
  };
}

export type BreakdownLabels = { share: string; tail: string; none: string };

/** Horizontal bars of each top key's share of orders (most on top), the long tail as one grey bar. */
export function buildShareOption(b: BreakdownResult, labels: BreakdownLabels, dark = false): ChartOption {
  const rows = b.rows.map((r) => ({ name: r.name ?? (r.key === '' ? labels.none : r.key), value: r.share, key: r.key, flag: r.flag }));
  if (b.tail) rows.push({ name: labels.tail, value: b.tail.share, key: '', flag: null });
  const reversed = [...rows].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', color: axisText(dark) } },
    yAxis: {
      type: 'category',
      data: reversed.map((r) => (r.name.length > 14 ? `${r.name.slice(0, 13)}…` : r.name)),
      axisLabel: { color: axisText(dark) },
    },
    series: [
      {
        name: labels.share,
        type: 'bar',
        label: { show: true, position: 'right', formatter: '{c}%', color: axisText(dark) },
        data: reversed.map((r, i) => ({
          value: r.value,
          // The tail is not one key: it opens nothing.
          key: b.tail && i === 0 ? null : r.key,
          itemStyle: { color: b.tail && i === 0 ? '#bfbfbf' : r.flag === 'hit' ? '#f5222d' : r.flag === 'drop' ? '#8c8c8c' : '#1677ff' },
        })),
      },
    ],
  };
}

/** The top keys' orders over the range, one line each (source and influencer trends). */
export function buildTrendOption(b: BreakdownResult, axis: readonly string[], labels: { none: string }, dark = false): ChartOption {
  const names = b.rows.map((r) => r.name ?? (r.key === '' ? labels.none : r.key));
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', data: names, top: 0, textStyle: { color: axisText(dark) } },
    xAxis: { type: 'category', data: [...axis], axisLabel: { color: axisText(dark) } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: axisText(dark) } },
    series: b.rows.map((r, i) => ({ name: names[i], type: 'line', showSymbol: false, data: r.trend })),
  };
}
