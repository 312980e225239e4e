/*
 * Saves a drawn chart as a PNG: the canvas ECharts renders into (chart.tsx uses the canvas
 * renderer), laid on the page's background colour so a dark or light theme prints as it looks.
 * Works on the DOM only, so any chart box (the element holding `Chart`) can be saved.
 */

/** The chart's canvas under `box` composed on `background`, as a PNG data URL; null before ECharts has drawn. */
export function chartPngDataUrl(box: HTMLElement, background: string): string | null {
  const source = box.querySelector('canvas');
  if (!source || source.width === 0 || source.height === 0) return null;
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height;
  const g = out.getContext('2d');
  if (!g) return null;
  g.fillStyle = background;
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(source, 0, 0);
  return out.toDataURL('image/png');
}

/** Downloads the chart under `box` as `fileName`; false when there is nothing drawn yet. */
export function downloadChartPng(box: HTMLElement | null, fileName: string, background = '#ffffff'): boolean {
  const url = box ? chartPngDataUrl(box, background) : null;
  if (!url) return false;
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  return true;
}
