import type { MutableRefObject } from 'react';

/*
 * The one way a chart becomes a PNG file. `Chart` fills a ChartPngRef with a function returning
 * ECharts' own rendering (getDataURL at twice the pixels, on the theme's background, so a dark
 * chart prints as it looks); `saveChartPng` turns it into a download. Every chart's 导出图片
 * button (ChartPngButton) goes through here; nothing reads a canvas out of the DOM.
 */

/** Returns the drawn chart as a PNG data URL, or null while ECharts has not drawn it yet. */
export type ChartPngSource = () => string | null;
export type ChartPngRef = MutableRefObject<ChartPngSource | null>;

/** The background each theme's chart is drawn on (ECharts' dark theme and antd's light one). */
export const CHART_BACKGROUND = { dark: '#141414', light: '#ffffff' } as const;

/** What `Chart` passes to ECharts' getDataURL. */
export const pngExportOptions = (theme: 'dark' | 'light' | undefined) =>
  ({ type: 'png', pixelRatio: 2, backgroundColor: CHART_BACKGROUND[theme === 'dark' ? 'dark' : 'light'] }) as const;

/** A link that downloads; injected in tests (Node has no document). */
export type DownloadLink = { href: string; download: string; click(): void };

/**
 * Downloads the chart behind `ref` as `fileName` (".png" added when missing). False, and nothing
 * downloaded, when no chart is mounted or it has not drawn yet (the caller says so).
 */
export function saveChartPng(ref: ChartPngRef, fileName: string, createLink: () => DownloadLink = () => document.createElement('a')): boolean {
  const url = ref.current?.() ?? null;
  if (url === null || !url.startsWith('data:image/png')) return false;
  const link = createLink();
  link.href = url;
  link.download = /\.png$/i.test(fileName) ? fileName : `${fileName}.png`;
  link.click();
  return true;
}
