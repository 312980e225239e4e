import { z } from 'zod';
import { formatField, numberField, textField } from '../../validation/field-schemas';

/** The figures of one day's entry, each null when not typed in. Rates are percentages (98.5 = 98.5 %). */
export const HEALTH_METRICS = [
  'experienceScore',
  'productScore',
  'logisticsScore',
  'serviceScore',
  'dsr',
  'goodReviewPct',
  'visitors',
  'clickers',
  'ctrPct',
  'conversionPct',
  'reply3mPct',
] as const;
export type HealthMetric = (typeof HEALTH_METRICS)[number];

export type HealthEntry = { date: string; note: string; updatedAt: string } & Record<HealthMetric, number | null>;

/**
 * When to warn. Seed 004: "若dsr<4.5 或者 店铺好评率<80%，则给商家发送预警通知" (精选联盟's entry bar);
 * "近60天现货订单交易比例降低至50%-55%之间 … 推送消息提醒商家" (阶梯发货). Editable: the platform changes them.
 */
export type HealthSettings = { dsrMin: number; goodReviewMinPct: number; spotWarnPct: number; spotFloorPct: number };

/**
 * The spot-goods (现货) share of the last 60 complete China days' paid orders, inferred from the
 * order export: an order is spot when every line's 承诺发货时间 is at most 48 hours after 支付完成时间
 * (seed 004: "现在的现货模式只有48个小时"); later promises are 预售 / 阶梯发货. Orders without both
 * times are not counted. `sharePct` rounded to 0.1, null without any counted order.
 */
export type SpotShare = { from: string; to: string; orders: number; spotOrders: number; sharePct: number | null };

export const HEALTH_WARNINGS = ['dsr', 'goodReview', 'spotShare'] as const;
export type HealthWarningKind = (typeof HEALTH_WARNINGS)[number];
/** `level` danger: below the line (DSR, good-review) or at/below the spot floor; warning: in the spot reminder band. */
export type HealthWarning = { kind: HealthWarningKind; level: 'warning' | 'danger'; value: number; threshold: number; date: string };

export type HealthLog = { entries: HealthEntry[]; settings: HealthSettings; spot: SpotShare; warnings: HealthWarning[] };

const entrySchema = z
  .object({
    date: formatField('healthDate').optional(),
    experienceScore: numberField('healthExperience').nullable().optional(),
    productScore: numberField('healthProductScore').nullable().optional(),
    logisticsScore: numberField('healthLogisticsScore').nullable().optional(),
    serviceScore: numberField('healthServiceScore').nullable().optional(),
    dsr: numberField('healthDsr').nullable().optional(),
    goodReviewPct: numberField('healthGoodReview').nullable().optional(),
    visitors: numberField('healthVisitors').nullable().optional(),
    clickers: numberField('healthClickers').nullable().optional(),
    ctrPct: numberField('healthCtr').nullable().optional(),
    conversionPct: numberField('healthConversion').nullable().optional(),
    reply3mPct: numberField('healthReply3m').nullable().optional(),
    note: textField('healthNote').optional(),
  })
  .strict();

const isoDate = formatField('healthDate');

export const healthMethods = {
  /**
   * Saves the day's entry (China date; today's when left out): a second entry for the same date replaces the first, whole
   * (fields left out become empty). Errors: VALIDATION naming the field and what it allows.
   */
  'health.add': entrySchema,
  /** Entries between `from` and `to` (inclusive, both optional), oldest first, with the thresholds, the spot share and today's warnings. */
  'health.list': z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict(),
  /** Removes the entry of `date`; answers whether there was one. */
  'health.remove': z.object({ date: isoDate }).strict(),
  /** Changes some thresholds; the spot floor may not be above the reminder line. Errors: VALIDATION. */
  'health.updateSettings': z
    .object({
      dsrMin: numberField('healthDsrMin').optional(),
      goodReviewMinPct: numberField('healthGoodReviewMin').optional(),
      spotWarnPct: numberField('healthSpotWarn').optional(),
      spotFloorPct: numberField('healthSpotFloor').optional(),
    })
    .strict(),
} as const;

export type HealthResults = {
  'health.add': { entry: HealthEntry; replaced: boolean };
  'health.list': HealthLog;
  'health.remove': { removed: boolean };
  'health.updateSettings': HealthSettings;
};

export type HealthEvents = { 'health.changed': Record<string, never> };
