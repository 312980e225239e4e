import type { BreakdownResult } from '../../../../shared/rpc/domains/analytics';
import type { ChartOption } from '../../shared/charts/chart';

/*
 * The province map as a tile grid: every province-level division one equal square, placed roughly
 * where it lies (north up, west left). No boundary data is drawn, so nothing about a border can be
 * wrong (see README.md for why this and not a GeoJSON map). Keyed by the full name the core returns.
 */
export const TILES: readonly { name: string; short: string; col: number; row: number }[] = [
  { name: '黑龙江省', short: '黑龙江', col: 8, row: 0 },
  { name: '内蒙古自治区', short: '内蒙古', col: 5, row: 1 },
  { name: '吉林省', short: '吉林', col: 8, row: 1 },
  { name: '新疆维吾尔自治区', short: '新疆', col: 1, row: 2 },
  { name: '北京市', short: '北京', col: 6, row: 2 },
  { name: '辽宁省', short: '辽宁', col: 7, row: 2 },
  { name: '甘肃省', short: '甘肃', col: 3, row: 3 },
  { name: '宁夏回族自治区', short: '宁夏', col: 4, row: 3 },
  { name: '山西省', short: '山西', col: 5, row: 3 },
  { name: '河北省', short: '河北', col: 6, row: 3 },
  { name: '天津市', short: '天津', col: 7, row: 3 },
  { name: '青海省', short: '青海', col: 2, row: 4 },
  { name: '陕西省', short: '陕西', col: 4, row: 4 },
  { name: '河南省', short: '河南', col: 5, row: 4 },
  { name: '山东省', short: '山东', col: 6, row: 4 },
  { name: '西藏自治区', short: '西藏', col: 1, row: 5 },
  { name: '四川省', short: '四川', col: 3, row: 5 },
  { name: '重庆市', short: '重庆', col: 4, row: 5 },
  { name: '湖北省', short: '湖北', col: 5, row: 5 },
  { name: '安徽省', short: '安徽', col: 6, row: 5 },
  { name: '江苏省', short: '江苏', col: 7, row: 5 },
  { name: '上海市', short: '上海', col: 8, row: 5 },
  { name: '云南省', short: '云南', col: 3, row: 6 },
  { name: '贵州省', short: '贵州', col: 4, row: 6 },
  { name: '湖南省', short: '湖南', col: 5, row: 6 },
  { name: '江西省', short: '江西', col: 6, row: 6 },
  { name: '浙江省', short: '浙江', col: 7, row: 6 },
  { name: '广西壮族自治区', short: '广西', col: 4, row: 7 },
  { name: '广东省', short: '广东', col: 5, row: 7 },
  { name: '福建省', short: '福建', col: 6, row: 7 },
  { name: '台湾省', short: '台湾', col: 7, row: 7 },
  { name: '海南省', short: '海南', col: 4, row: 8 },
  { name: '澳门特别行政区', short: '澳门', col: 5, row: 8 },
  { name: '香港特别行政区', short: '香港', col: 6, row: 8 },
];

const COLS = 10;
const ROWS = 9;
/** Share buckets, light to dark; a province with no order is grey. */
const PIECES = [
  { min: 20, color: '#003eb3' },
  { min: 10, max: 20, color: '#0958d9' },
  { min: 5, max: 10, color: '#4096ff' },
  { min: 2, max: 5, color: '#91caff' },
  { min: 0.05, max: 2, color: '#d6e4ff' },
];

export type TileLabels = { pieces: readonly string[]; tooltip: string; noOrders: string };

/** The tile map: one heatmap cell per province, coloured by its share of orders, its short name and share inside. */
export function buildProvinceTileOption(b: BreakdownResult, labels: TileLabels, dark = false): ChartOption {
  const byName = new Map(b.rows.map((r) => [r.key, r]));
  const data = TILES.map((t) => {
    const r = byName.get(t.name);
    return { value: [t.col, ROWS - 1 - t.row, r?.share ?? 0], name: t.name, short: t.short, key: t.name, orders: r?.orders ?? 0 };
  });
  return {
    animation: false,
    grid: { left: 0, right: 0, top: 0, bottom: 40 },
    tooltip: {
      formatter: (p: { data?: { short: string; orders: number; value: number[] } }) =>
        p.data ? labels.tooltip.replace('{name}', p.data.short).replace('{orders}', String(p.data.orders)).replace('{share}', String(p.data.value[2])) : '',
    },
    xAxis: { type: 'category', data: Array.from({ length: COLS }, (_, i) => i), show: false },
    yAxis: { type: 'category', data: Array.from({ length: ROWS }, (_, i) => i), show: false },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      dimension: 2,
      // Compact enough that all six pieces fit the map's width (≈ 440 px at a 1280 px window).
      itemWidth: 14,
      itemHeight: 10,
      itemGap: 8,
      textGap: 4,
      pieces: [...PIECES.map((p, i) => ({ ...p, label: labels.pieces[i] })), { max: 0.05, color: dark ? '#434343' : '#f0f0f0', label: labels.noOrders }],
      textStyle: { color: dark ? '#d9d9d9' : '#595959' },
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: dark ? '#141414' : '#fff', borderWidth: 3, borderRadius: 4 },
        label: {
          show: true,
          formatter: (p: { data: { short: string; value: number[] } }) => (p.data.value[2]! > 0 ? `${p.data.short}\n${p.data.value[2]}%` : p.data.short),
          fontSize: 11,
          color: dark ? '#f0f0f0' : '#262626',
        },
      },
    ],
  };
}
