import { describe, expect, it } from 'vitest';
import { pngExportOptions, saveChartPng, type ChartPngRef, type ChartPngSource, type DownloadLink } from './chart-png';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function recorder() {
  const clicked: { href: string; download: string }[] = [];
  const createLink = (): DownloadLink => {
    const link: DownloadLink = { href: '', download: '', click: () => void clicked.push({ href: link.href, download: link.download }) };
    return link;
  };
  return { clicked, createLink };
}

describe('saveChartPng', () => {
  it('downloads the chart’s own PNG under the given name', () => {
    const { clicked, createLink } = recorder();
    const ref: ChartPngRef = { current: () => PNG };
    expect(saveChartPng(ref, '看数据-订单量-2026-08-01-2026-08-31.png', createLink)).toBe(true);
    expect(clicked).toEqual([{ href: PNG, download: '看数据-订单量-2026-08-01-2026-08-31.png' }]);
  });

  it('adds .png to a name without it', () => {
    const { clicked, createLink } = recorder();
    saveChartPng({ current: () => PNG }, 'shopdesk-profit', createLink);
    expect(clicked[0]!.download).toBe('shopdesk-profit.png');
  });

  const sources: [string, ChartPngSource | null][] = [
    ['no chart mounted', null],
    ['a chart not drawn yet', () => null],
    ['anything but a PNG', () => 'data:image/svg+xml;base64,PHN2Zz4='],
  ];
  it.each(sources)('%s: nothing downloaded, false', (_case, source) => {
    const { clicked, createLink } = recorder();
    expect(saveChartPng({ current: source }, 'x.png', createLink)).toBe(false);
    expect(clicked).toEqual([]);
  });
});

describe('pngExportOptions', () => {
  it('draws at twice the pixels on the theme’s background', () => {
    expect(pngExportOptions('dark')).toEqual({ type: 'png', pixelRatio: 2, backgroundColor: '#141414' });
    expect(pngExportOptions('light')).toEqual({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    expect(pngExportOptions(undefined).backgroundColor).toBe('#ffffff');
  });
});
