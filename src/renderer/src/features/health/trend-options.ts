import type { HealthEntry, HealthMetric, HealthSettings } from '../../../../shared/rpc/domains/health';
import type { ChartOption } from '../../shared/charts/chart';

export type SeriesLabels = Partial<Record<HealthMetric, string>> & { dsrLine: string; goodReviewLine: string };

const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96'];

/** A line per metric over the entries' dates (`MM-DD`); a day without the figure is a gap, not a zero. */
function lines(entries: readonly HealthEntry[], metrics: readonly HealthMetric[], labels: SeriesLabels) {
  return metrics.map((m, i) => ({
    name: labels[m] ?? m,
    type: 'line',
    connectNulls: false,
    showSymbol: true,
    data: entries.map((e) => e[m]),
    itemStyle: { color: COLOURS[i % COLOURS.length] },
  }));
}

/** A threshold as a dashed flat line (no markLine component to register). */
const threshold = (entries: readonly HealthEntry[], name: string, value: number, yAxisIndex = 0) => ({
  name,
  type: 'line',
  yAxisIndex,
  showSymbol: false,
  data: entries.map(() => value),
  lineStyle: { type: 'dashed', color: '#cf1322', width: 1 },
  itemStyle: { color: '#cf1322' },
  tooltip: { show: false },
});

const base = (entries: readonly HealthEntry[], names: string[]) => ({
  // Drawn at once: screenshots show the real figures.
  animation: false,
  grid: { left: 48, right: 16, top: 48, bottom: 32 },
  tooltip: { trigger: 'axis' },
  legend: { data: names, top: 0, type: 'scroll' },
  xAxis: { type: 'category', data: entries.map((e) => e.date.slice(5)) },
});

/** 商家体验分, its sub-scores and DSR (0–5), with the DSR warning line. Pure: tested in Node. */
export function buildScoresOption(entries: readonly HealthEntry[], settings: HealthSettings, labels: SeriesLabels): ChartOption {
  const metrics: HealthMetric[] = ['experienceScore', 'productScore', 'logisticsScore', 'serviceScore', 'dsr'];
  const series = [...lines(entries, metrics, labels), threshold(entries, labels.dsrLine, settings.dsrMin)];
  return { ...base(entries, series.map((s) => s.name)), yAxis: { type: 'value', scale: true, max: 5 }, series };
}

/** Good-review, click-through, conversion and 3-minute reply rates (%), with the good-review line. */
export function buildRatesOption(entries: readonly HealthEntry[], settings: HealthSettings, labels: SeriesLabels): ChartOption {
  const metrics: HealthMetric[] = ['goodReviewPct', 'ctrPct', 'conversionPct', 'reply3mPct'];
  const series = [...lines(entries, metrics, labels), threshold(entries, labels.goodReviewLine, settings.goodReviewMinPct)];
  return { ...base(entries, series.map((s) => s.name)), yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, series };
}

/** Product visitors and clickers as bars. */
export function buildTrafficOption(entries: readonly HealthEntry[], labels: SeriesLabels): ChartOption {
  const metrics: HealthMetric[] = ['visitors', 'clickers'];
  const series = metrics.map((m, i) => ({ name: labels[m] ?? m, type: 'bar', data: entries.map((e) => e[m]), itemStyle: { color: COLOURS[i] } }));
  return { ...base(entries, series.map((s) => s.name)), yAxis: { type: 'value', minInterval: 1 }, series };
}
