import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT_B } from '../fixtures/douyin/generator';

/*
 * Small layout-B order exports written the way 抖店 writes them (BOM, CRLF, IDs and texts as a
 * quoted field starting with a TAB, `-` for empty, 取消原因 and the 达人 columns truly empty), for
 * the purchase tests: layout B is the one with 快递信息.
 */
export type ExportLine = Partial<Record<(typeof LAYOUT_B)[number], string>>;

const TEXT = new Set(['主订单编号', '子订单编号', '选购商品', '货号', '商品ID', '商家编码', '达人ID', '达人昵称']);
const EMPTY_NOT_DASH = new Set(['取消原因', '达人ID', '达人昵称']);

export function exportCsv(lines: readonly ExportLine[]): string {
  const cell = (header: string, value: string | undefined) => {
    const v = value ?? (EMPTY_NOT_DASH.has(header) ? '' : '-');
    const quoted = TEXT.has(header) && v !== '' ? `"\t${v}"` : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    return quoted;
  };
  const rows = lines.map((line) => LAYOUT_B.map((h) => cell(h, (line as Record<string, string | undefined>)[h])).join(','));
  return `\uFEFF${LAYOUT_B.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}

export function writeExport(dir: string, unixSeconds: number, lines: readonly ExportLine[]): string {
  const path = join(dir, `${unixSeconds}_${unixSeconds.toString(16)}.csv`);
  writeFileSync(path, exportCsv(lines));
  return path;
}

/** One paid, unshipped line with sensible defaults. */
export const line = (orderId: string, subOrderId: string, over: ExportLine = {}): ExportLine => ({
  主订单编号: orderId,
  子订单编号: subOrderId,
  支付方式: '抖音支付',
  选购商品: '便携榨汁杯 无线充电 小型家用',
  商品ID: '3716630085112940216',
  商家编码: 'ZZB-300-WH',
  商品数量: '1',
  商品金额: '59.90',
  订单提交时间: '2026-09-01 08:15:02',
  支付完成时间: '2026-09-01 08:15:20',
  承诺发货时间: '2026-09-03 08:15:20',
  订单状态: '待发货',
  售后状态: '-',
  订单类型: '普通订单',
  订单应付金额: '49.90',
  运费: '0.00',
  优惠总金额: '10.00',
  平台实际承担优惠金额: '0.00',
  商家实际承担优惠金额: '10.00',
  达人实际承担优惠金额: '0.00',
  省: '四川省',
  市: '成都市',
  区: '武侯区',
  街道: '火车南站街道',
  流量来源: '小店自卖',
  ...over,
});
