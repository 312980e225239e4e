import { describe, expect, it } from 'vitest';
import type { RepeatBuyersResult } from '../../../../shared/rpc/domains/analytics';
import { buildRepeatDistributionOption, keyedSharePct, repeatCoverage, repeatProductCsvRows, repeatProductRows, repeatRangeTooLong } from './repeat-buyers';

const result = (patch: Partial<RepeatBuyersResult> = {}): RepeatBuyersResult => ({
  from: '2026-08-01',
  to: '2026-08-31',
  orders: 10,
  keyedOrders: 10,
  buyers: 7,
  repeatBuyers: 2,
  repeatOrders: 5,
  repeatBuyerSharePct: 28.6,
  repeatOrderSharePct: 50,
  distribution: [
    { orders: 1, buyers: 5 },
    { orders: 2, buyers: 1 },
    { orders: 3, buyers: 1 },
    { orders: 4, buyers: 0 },
    { orders: 5, buyers: 0 },
  ],
  products: [
    { productId: 'p1', name: '加厚四件套', buyers: 4, repeatBuyers: 2, repeatSharePct: 50 },
    { productId: '', name: null, buyers: 1, repeatBuyers: 1, repeatSharePct: 100 },
    { productId: 'p9', name: null, buyers: 2, repeatBuyers: 1, repeatSharePct: 50 },
  ],
  sinceVersion: '0.1.0',
  ...patch,
});

describe('repeatCoverage', () => {
  it.each([
    ['noOrders', { orders: 0, keyedOrders: 0 }],
    ['noKeys', { orders: 4, keyedOrders: 0 }],
    ['partial', { orders: 4, keyedOrders: 3 }],
    ['full', { orders: 4, keyedOrders: 4 }],
  ] as const)('%s', (expected, patch) => expect(repeatCoverage(result(patch))).toBe(expected));

  it.each([
    [0, 0, 0],
    [3, 4, 75],
    [1, 3, 33.3],
    [4, 4, 100],
  ])('%# keyed share %d of %d = %d%%', (keyed, orders, pct) => expect(keyedSharePct(result({ keyedOrders: keyed, orders }))).toBe(pct));
});

describe('buildRepeatDistributionOption', () => {
  const labels = { buyers: '买家数', orders: (n: number, orMore: boolean) => (orMore ? `${n}+ 单` : `${n} 单`) };

  it('one bar per order count, the last one "or more", repeat buyers (2+) in their own colour', () => {
    const option = buildRepeatDistributionOption(result(), labels) as { xAxis: { data: string[]; axisLabel: { interval: number } }; series: { data: { value: number; itemStyle: { color: string } }[] }[]; animation: boolean };
    expect(option.animation).toBe(false);
    // Every bar keeps its label (ECharts would skip some on a narrow chart).
    expect(option.xAxis.axisLabel.interval).toBe(0);
    expect(option.xAxis.data).toEqual(['1 单', '2 单', '3 单', '4 单', '5+ 单']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([5, 1, 1, 0, 0]);
    const colours = option.series[0]!.data.map((d) => d.itemStyle.color);
    expect(new Set(colours.slice(1)).size).toBe(1);
    expect(colours[0]).not.toBe(colours[1]);
  });

  it('draws a dark theme with light axis text', () => {
    const option = buildRepeatDistributionOption(result(), labels, true) as { xAxis: { axisLabel: { color: string } } };
    expect(option.xAxis.axisLabel.color).toBe('#bfbfbf');
  });
});

describe('repeat product rows and CSV', () => {
  it('names a product by title, else its ID, else (空) for lines without one; the CSV keeps numbers', () => {
    const labels = { none: '（空）' };
    expect(repeatProductRows(result(), labels).map((r) => r.name)).toEqual(['加厚四件套', '（空）', 'p9']);
    expect(repeatProductCsvRows(result(), labels)[0]).toEqual(['p1', '加厚四件套', 4, 2, 50]);
  });
});

describe('repeatRangeTooLong', () => {
  it.each([
    ['2026-08-01', '2026-08-01', null],
    // 近 90 天 (the preset) and 92 days are looked at; 93 days and a year are not.
    ['2026-06-05', '2026-09-02', null],
    ['2026-06-03', '2026-09-02', null],
    ['2026-06-02', '2026-09-02', 93],
    ['2026-01-01', '2026-12-31', 365],
  ])('%s – %s → %s', (from, to, expected) => expect(repeatRangeTooLong(from, to)).toBe(expected));
});
