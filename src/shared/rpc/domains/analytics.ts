import { z } from 'zod';
import { formatField, numberField, textField } from '../../validation/field-schemas';

/*
 * 看数据, order volume (issue 12). Every figure comes from order_analytics_days (a per-day summary
 * kept exact by every import and undo), so each call answers in milliseconds at 1,000,000 lines.
 *
 * Time bases: `paid` dates a line by 支付完成时间 (订单提交时间 when the export has no paid time);
 * `refund` takes only the lines that were refunded or closed after payment, dated by the refund
 * (售后 export's 商家退款时间, else 售后完结时间), else 订单完成时间, else the paid time. Lines closed
 * unpaid (已关闭 with 售后状态 "-") are left out of both and counted on their own (`closedUnpaid`),
 * by 订单提交时间. Days are China dates; weeks start on Monday.
 */

export const ANALYTICS_BASES = ['paid', 'refund'] as const;
export type AnalyticsBasis = (typeof ANALYTICS_BASES)[number];
export const ANALYTICS_GRANULARITIES = ['day', 'week', 'month'] as const;
export type AnalyticsGranularity = (typeof ANALYTICS_GRANULARITIES)[number];
export const BREAKDOWN_DIMENSIONS = ['product', 'province', 'source', 'trafficSource', 'trafficType', 'trafficFormat', 'trafficChannel', 'influencer'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export type VolumeTotals = { orders: number; lines: number; amountFen: number };
/** Change in percent, rounded to 0.1; null where there is no earlier figure or it was 0. */
export type VolumeChange = { orders: number | null; lines: number | null; amountFen: number | null };

export type VolumePeriod = VolumeTotals & {
  /** The period's first day (day: the date; week: its Monday; month: the 1st), and its last. */
  key: string;
  from: string;
  to: string;
  closedUnpaid: VolumeTotals;
  /** The period before (环比); null when no imported line lies that early. */
  previous: VolumeTotals | null;
  changePct: VolumeChange;
  /** Days only: the same weekday a week earlier (null when no data that early). */
  weekAgo: VolumeTotals | null;
  weekAgoChangePct: VolumeChange;
  /** The same period a year earlier (day: the same date; week: 52 weeks earlier; month: the same month). */
  yearAgo: VolumeTotals | null;
  yearAgoChangePct: VolumeChange;
  note: string | null;
  /** The period holds today (China date) or lies after it: its figures are still growing. */
  open: boolean;
};

export type VolumeResult = {
  basis: AnalyticsBasis;
  granularity: AnalyticsGranularity;
  /** The range widened to whole periods. */
  from: string;
  to: string;
  total: VolumeTotals;
  closedUnpaid: VolumeTotals;
  periods: VolumePeriod[];
  /** First and last day with data on this basis, or null when nothing is imported. */
  dataFrom: string | null;
  dataTo: string | null;
};

export type BreakdownFlag = 'hit' | 'drop';

export type BreakdownRow = VolumeTotals & {
  key: string;
  /** Product title, influencer 昵称, province short name; null when none is known. */
  name: string | null;
  /** Share of the range's orders in percent, rounded to 0.1 (an order of two products counts for both). */
  share: number;
  /** Orders in the range of the same length just before. */
  previousOrders: number;
  changePct: number | null;
  flag: BreakdownFlag | null;
  /** Orders per day over the range (days ≤ 92) or per week (longer ranges). */
  trend: number[];
};

export type BreakdownResult = {
  dimension: BreakdownDimension;
  total: VolumeTotals;
  rows: BreakdownRow[];
  /** Every key past the top N, summed (orders summed per key). */
  tail: (VolumeTotals & { keys: number; share: number }) | null;
  previousFrom: string;
  previousTo: string;
};

export type ProductMixRow = {
  productId: string;
  name: string | null;
  lines: number;
  closedBeforeShip: number;
  refunded: number;
  aftersale: number;
  /** Percent of the product's lines, rounded to 0.1. */
  closedBeforeShipPct: number;
  refundedPct: number;
  aftersalePct: number;
};

/** One product's buyers in the range (repeat-buyer estimate): a repeat buyer ordered it in 2+ orders. */
export type RepeatBuyerProduct = { productId: string; name: string | null; buyers: number; repeatBuyers: number; repeatSharePct: number };

/**
 * 复购 (estimate): buyers told apart by a one-way key of the masked recipient + phone + 省/市/区
 * (migration 0015), over the net orders (not closed unpaid, not 待支付) submitted in [from, to].
 * Lines imported before keys existed, or from an export without those columns, have no key: they
 * count in `orders` but not in `keyedOrders`.
 */
export type RepeatBuyersResult = {
  from: string;
  to: string;
  orders: number;
  keyedOrders: number;
  buyers: number;
  /** Buyers with 2 or more orders in the range, and those orders. */
  repeatBuyers: number;
  repeatOrders: number;
  /** Percent of `buyers` and of `keyedOrders`, rounded to 0.1 (0 when there are none). */
  repeatBuyerSharePct: number;
  repeatOrderSharePct: number;
  /** Buyers by how many orders they placed: 1, 2, 3, 4, and `5` meaning five or more. */
  distribution: { orders: number; buyers: number }[];
  /** Products with at least one repeat buyer, most repeat buyers first (top N). */
  products: RepeatBuyerProduct[];
  /** The ShopDesk version from which imports store buyer keys in this data folder. */
  sinceVersion: string | null;
};

export type AnalyticsSettings = { hitSharePercent: number; hitRisePercent: number; dropFallPercent: number; dropMinOrders: number };
export type AnalyticsNote = { granularity: AnalyticsGranularity; period: string; text: string };

const range = { from: formatField('analyticsFrom'), to: formatField('analyticsTo'), basis: z.enum(ANALYTICS_BASES).default('paid') };

/** A range is two fields: an end before the start is refused on the end, never swapped. */
const ranged = <T extends z.ZodRawShape & typeof range>(shape: T) =>
  z
    .object(shape)
    .strict()
    .superRefine((r, ctx) => {
      const { from, to } = r as { from: string; to: string };
      if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'analyticsTo', params: { problem: 'minAboveMax' } });
    });

export const analyticsMethods = {
  /** Totals per day / week / month of [from, to] with 环比, a week and a year earlier, notes. */
  'analytics.volume': ranged({ ...range, granularity: z.enum(ANALYTICS_GRANULARITIES).default('day') }),
  /** Orders by product / province / source field / influencer: top N, the long tail, hit and drop flags. */
  'analytics.breakdown': ranged({ ...range, dimension: z.enum(BREAKDOWN_DIMENSIONS), top: numberField('topProducts').default(10) }),
  /** Per product: lines closed before shipping, refunded, with an after-sales request. */
  'analytics.productMix': ranged(range),
  /** The repeat-buyer estimate over orders submitted in [from, to] (no time basis: a buyer orders when they order). */
  'analytics.repeatBuyers': z
    .object({ from: range.from, to: range.to, top: numberField('topProducts').default(10) })
    .strict()
    .superRefine((r, ctx) => {
      if (r.to < r.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'analyticsTo', params: { problem: 'minAboveMax' } });
    }),
  /** The note of the period (of this granularity) that contains `date`; replaces an earlier one. */
  'analytics.setNote': z.object({ granularity: z.enum(ANALYTICS_GRANULARITIES), date: formatField('analyticsNoteDate'), text: textField('analyticsNote') }).strict(),
  'analytics.removeNote': z.object({ granularity: z.enum(ANALYTICS_GRANULARITIES), date: formatField('analyticsNoteDate') }).strict(),
  'analytics.settings': z.object({}).strict(),
  'analytics.updateSettings': z
    .object({
      hitSharePercent: numberField('hitSharePercent'),
      hitRisePercent: numberField('hitRisePercent'),
      dropFallPercent: numberField('dropFallPercent'),
      dropMinOrders: numberField('dropMinOrders'),
    })
    .strict(),
} as const;

export type AnalyticsResults = {
  'analytics.volume': VolumeResult;
  'analytics.breakdown': BreakdownResult;
  'analytics.productMix': ProductMixRow[];
  'analytics.repeatBuyers': RepeatBuyersResult;
  'analytics.setNote': AnalyticsNote;
  'analytics.removeNote': { removed: boolean };
  'analytics.settings': AnalyticsSettings;
  'analytics.updateSettings': AnalyticsSettings;
};
