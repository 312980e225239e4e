import { z } from 'zod';

export const ORDER_REPORT_GROUPS = ['day', 'week', 'month', 'product', 'province', 'status', 'source'] as const;
export type OrderReportGroup = (typeof ORDER_REPORT_GROUPS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export type OrderReportRow = { key: string; orders: number; lines: number; amountFen: number };

/**
 * `orders` = distinct 主订单编号, `lines` = sub-order lines, `amountFen` = sum of 订单应付金额.
 * Day and week keys are China dates of 订单提交时间 (week key = its Monday); `source` is 精选联盟 when
 * the line came through an influencer, else the 流量来源 text; `product` key is 商品ID.
 */
export type OrderReport = { total: Omit<OrderReportRow, 'key'>; groups: OrderReportRow[] };

export const reportMethods = {
  /**
   * Order lines per day / week (key = Monday) / month / product (商品ID) / province / status /
   * source, plus the total, for 订单提交时间 between `from` and `to` (China dates, inclusive; both
   * optional). `by` defaults to `day`. Time groups are in date order, the others by lines, most first;
   * a missing value is the key "". Read-only.
   */
  'reports.orders': z
    .object({ from: isoDate.optional(), to: isoDate.optional(), by: z.enum(ORDER_REPORT_GROUPS).optional() })
    .strict(),
} as const;

export type ReportResults = { 'reports.orders': OrderReport };
