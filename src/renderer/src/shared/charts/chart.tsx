import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';
import type { ChartPngRef } from './chart-png';

export type ChartOption = EChartsCoreOption;

export type ChartProps = {
  option: ChartOption;
  label: string;
  height?: number;
  theme?: 'dark' | 'light';
  /** Called with the clicked item's data (e.g. `[date, value]` of a calendar cell). */
  onItemClick?: (data: unknown) => void;
  /** Filled with a function that returns the drawn chart as a PNG data URL: give the same ref to a ChartPngButton (chart-png.ts). */
  exportRef?: ChartPngRef;
};

// ECharts is most of the renderer's weight; it is fetched the first time a chart is shown, so the
// window's first paint does not wait for it.
const EChartsChart = lazy(() => import('./echarts-chart'));

/**
 * The one ECharts wrapper. Features pass options built by pure functions (tested in Node).
 * `label` names the chart for screen readers; while ECharts loads, the chart's box keeps its size.
 */
export function Chart(props: ChartProps) {
  const box = <div role="img" aria-label={props.label} aria-busy style={{ width: '100%', height: props.height ?? 280 }} />;
  return (
    <Suspense fallback={box}>
      <EChartsChart {...props} />
    </Suspense>
  );
}
