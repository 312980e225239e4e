import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { CalendarComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartProps } from './chart';
import { pngExportOptions } from './chart-png';

// Only what the app draws is registered, so the bundle carries no unused chart types.
echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, CalendarComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

/** The ECharts side of `Chart` (chart.tsx), in its own chunk: init, option updates, resize, dispose. */
export default function EChartsChart({ option, label, height = 280, theme, onItemClick, exportRef }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onItemClick);
  useEffect(() => {
    clicked.current = onItemClick;
  });

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params.data));
    if (exportRef) exportRef.current = () => instance.getDataURL(pngExportOptions(theme));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (exportRef) exportRef.current = null;
    };
  }, [theme, exportRef]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, theme]);

  return <div ref={host} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
