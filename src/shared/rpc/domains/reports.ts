import { z } from 'zod';

import { ANALYTICS_BASES } from './analytics';

export const ORDER_REPORT_GROUPS = ['day', 'week', 'month', 'product', 'province', 'status', 'source', 'influencer'] as const;
export type OrderReportGroup = (typeof ORDER_REPORT_GROUPS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export type OrderReportTotals = { orders: number; lines: number; amountFen: number };
export type OrderReportChange = { orders: number | null; lines: number | null; amountFen: number | null };

/**
 * One group. Time groups add `previous` (the whole calendar period before: day, week, month; null
 * when no imported line lies that early) and `changePct` (环比 in percent, rounded to 0.1; null
 * without a previous period or where it was 0). `influencer` groups add the 达人昵称 as `name`.
 */
export type OrderReportRow = { key: string; name?: string | null; orders: number; lines: number; amountFen: number; previous?: OrderReportTotals | null; changePct?: OrderReportChange };

/**
 * `orders` = distinct 主订单编号, `lines` = sub-order lines, `amountFen` = sum of 订单应付金额.
 * Day and week keys are China dates on the time basis (week key = its Monday, month key YYYY-MM):
 * `paid` = 支付完成时间, `refund` = when refunded lines were refunded or closed (see
 * domains/analytics.ts). Lines closed unpaid are left out of both. `source` is 精选联盟 when the
 * line came through an influencer, else the 流量来源 text; `product` key is 商品ID; `province` is the
 * full province name (广西 and 广西壮族自治区 are one group); `influencer` is 达人ID, lines without one left out.
 */
export type OrderReport = { total: Omit<OrderReportRow, 'key'>; groups: OrderReportRow[] };

export const reportMethods = {
  /**
   * Order lines per day / week (key = Monday) / month / product (商品ID) / province / status /
   * source / influencer, plus the total, for days on the basis (`paid`, the default, or `refund`)
   * between `from` and `to` (China dates, inclusive; both optional). `by` defaults to `day`. Time
   * groups are in date order, the others by lines, most first; a missing value is the key "". Read-only.
   */
  'reports.orders': z
    .object({ from: isoDate.optional(), to: isoDate.optional(), by: z.enum(ORDER_REPORT_GROUPS).optional(), basis: z.enum(ANALYTICS_BASES).optional() })
    .strict(),
} as const;

export type ReportResults = { 'reports.orders': OrderReport };
