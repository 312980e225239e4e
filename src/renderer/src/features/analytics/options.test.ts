import { describe, expect, it } from 'vitest';
import type { BreakdownResult, VolumePeriod, VolumeResult } from '../../../../shared/rpc/domains/analytics';
import { ordersDrillHash } from './drill';
import { buildShareOption, buildTrendOption, buildVolumeOption, periodLabel } from './options';
import { buildProvinceTileOption, TILES } from './province-tiles';
import { tableCsv } from './table-csv';

const none = { orders: null, lines: null, amountFen: null };
const period = (key: string, orders: number, patch: Partial<VolumePeriod> = {}): VolumePeriod => ({
  key,
  from: key,
  to: key,
  orders,
  lines: orders,
  amountFen: orders * 1000,
  closedUnpaid: { orders: 0, lines: 0, amountFen: 0 },
  previous: null,
  changePct: none,
  weekAgo: null,
  weekAgoChangePct: none,
  yearAgo: null,
  yearAgoChangePct: none,
  note: null,
  open: false,
  ...patch,
});
const volume: VolumeResult = {
  basis: 'paid',
  granularity: 'week',
  from: '2026-08-03',
  to: '2026-08-16',
  total: { orders: 7, lines: 7, amountFen: 7000 },
  closedUnpaid: { orders: 1, lines: 1, amountFen: 500 },
  periods: [period('2026-08-03', 5, { note: '直播带货', closedUnpaid: { orders: 1, lines: 1, amountFen: 500 } }), period('2026-08-10', 2, { previous: { orders: 5, lines: 5, amountFen: 5000 }, open: true })],
  dataFrom: '2026-08-03',
  dataTo: '2026-08-16',
};
const labels = { orders: '订单', previous: '上期', closedUnpaid: '未支付关闭', amount: '金额' };

type Series = { name: string; data: unknown[] };

describe('the volume chart', () => {
  it('bars per period, a note above its bar, the previous period dashed, closed-unpaid apart, yuan on the right', () => {
    const o = buildVolumeOption(volume, labels) as { xAxis: { data: string[] }; series: Series[] };
    expect(o.xAxis.data).toEqual(['08-03', '08-10']);
    const [bars, previous, unpaid, amount] = o.series;
    expect(bars!.data).toEqual([{ value: 5, label: expect.objectContaining({ show: true, formatter: '直播带货' }) }, { value: 2, itemStyle: { color: '#91caff' } }]);
    expect(previous!.data).toEqual([null, 5]);
    expect(unpaid!.data).toEqual([1, 0]);
    expect(amount!.data).toEqual([50, 20]);
    expect(periodLabel('2026-08-01', 'month')).toBe('2026-08');
  });
});

const breakdown: BreakdownResult = {
  dimension: 'product',
  total: { orders: 10, lines: 10, amountFen: 10000 },
  rows: [
    { key: 'p1', name: '珊瑚绒四件套', orders: 6, lines: 6, amountFen: 6000, share: 60, previousOrders: 3, changePct: 100, flag: 'hit', trend: [1, 5] },
    { key: 'p2', name: null, orders: 3, lines: 3, amountFen: 3000, share: 30, previousOrders: 6, changePct: -50, flag: 'drop', trend: [3, 0] },
  ],
  tail: { orders: 1, lines: 1, amountFen: 1000, keys: 4, share: 10 },
  previousFrom: '2026-07-20',
  previousTo: '2026-08-02',
};

describe('the share and trend charts', () => {
  it('puts the largest share on top, the tail last in grey, hits red', () => {
    const o = buildShareOption(breakdown, { share: '占比', tail: '其余 4 个', none: '（空）' }) as { yAxis: { data: string[] }; series: { data: { value: number; key: string | null; itemStyle: { color: string } }[] }[] };
    expect(o.yAxis.data).toEqual(['其余 4 个', 'p2', '珊瑚绒四件套']);
    expect(o.series[0]!.data.map((d) => [d.value, d.key, d.itemStyle.color])).toEqual([
      [10, null, '#bfbfbf'],
      [30, 'p2', '#8c8c8c'],
      [60, 'p1', '#f5222d'],
    ]);
  });
  it('draws one line per top key', () => {
    const o = buildTrendOption(breakdown, ['08-01', '08-02'], { none: '（空）' }) as { series: Series[] };
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['珊瑚绒四件套', [1, 5]], ['p2', [3, 0]]]);
  });
});

describe('the province tile map', () => {
  it('has one tile per province-level division, no two on one square', () => {
    expect(TILES).toHaveLength(34);
    expect(new Set(TILES.map((t) => `${t.col},${t.row}`)).size).toBe(34);
  });
  it('colours by share and carries the key a click opens', () => {
    const b: BreakdownResult = { ...breakdown, dimension: 'province', rows: [{ ...breakdown.rows[0]!, key: '广西壮族自治区', name: '广西', share: 40 }] };
    const o = buildProvinceTileOption(b, { pieces: ['≥20%', '10–20%', '5–10%', '2–5%', '<2%'], tooltip: '{name}', noOrders: '无' }) as { series: { data: { key: string; value: number[] }[] }[] };
    const gx = o.series[0]!.data.find((d) => d.key === '广西壮族自治区')!;
    expect(gx.value[2]).toBe(40);
    expect(o.series[0]!.data.filter((d) => d.value[2] === 0)).toHaveLength(33);
  });
});

describe('CSV of a table and the drill-down address', () => {
  it('is formula-safe and keeps numbers as numbers', () => {
    expect(tableCsv(['商品', '环比'], [['=HYPERLINK("x")', -4], ['+1 赠品', null]])).toBe('\uFEFF商品,环比\r\n"\'=HYPERLINK(""x"")",-4\r\n"\'+1 赠品",\r\n');
  });
  it('opens the orders desk filtered by the clicked key and the paid range', () => {
    expect(ordersDrillHash('product', '3714290568812637504', { from: '2026-08-01', to: '2026-08-31', basis: 'paid' })).toBe('#/orders?product=3714290568812637504&paidFrom=2026-08-01&paidTo=2026-08-31');
    expect(ordersDrillHash('province', '广西壮族自治区', { from: '2026-08-01', to: '2026-08-31', basis: 'refund' })).toBe(`#/orders?province=${encodeURIComponent('广西壮族自治区')}`);
    expect(ordersDrillHash('trafficType', '广告', { from: '2026-08-01', to: '2026-08-31', basis: 'paid' })).toBeNull();
    expect(ordersDrillHash('product', '', { from: '2026-08-01', to: '2026-08-31', basis: 'paid' })).toBeNull();
  });
});
