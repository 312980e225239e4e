import { z } from 'zod';
import type { DeclineRule, FellKind } from '../../domain/decline-kinds';

// The rule and group names need no schema: they live in shared/domain/decline-kinds.ts, so Today's
// 看数据 block shows an alert without loading zod and this contract into the window.
export { DECLINE_RULES, FELL_KINDS, type DeclineRule, type FellKind } from '../../domain/decline-kinds';

/** Orders (distinct 主订单 submitted in the window, any status: as `report orders` counts them) and 订单应付金额 of one group over one comparison window. */
export type FellFigures = { orders: number; amountFen: number };

/**
 * One product (商品ID), province, source (精选联盟 for influencer lines, else 流量来源) or influencer
 * (达人ID) whose orders fell most: the recent window against the same weekdays a week earlier.
 * `changePct` is rounded to 0.1 and null when there were none before.
 */
export type FellGroup = { key: string; name: string | null; before: FellFigures; now: FellFigures; change: number; changePct: number | null };

export type DeclineFell = Record<FellKind, FellGroup[]>;

/** The recent window the groups are compared over and the same weekdays one week earlier (China dates, inclusive). */
export type DeclineWindows = { now: { from: string; to: string }; before: { from: string; to: string } };

/**
 * The decline watch over whole China days (today is never compared; days after the imported data
 * are unknown, not zero, so the series stops at the last complete day).
 */
export type DeclineWatch = {
  declining: boolean;
  /** The length of the current run of day-over-day drops in orders ending on the last complete day. */
  days: number;
  rule: DeclineRule | null;
  /** Complete days, oldest first, up to 42 (six weeks: the weekday comparison needs four before the run). */
  series: { date: string; orders: number; amountFen: number }[];
  fell: DeclineFell;
  /** The last day compared (yesterday, or the last day the imports fully cover), null without data. */
  through: string | null;
  windows: DeclineWindows | null;
  alert: DeclineAlert | null;
};

/**
 * A raised decline alert (Today's 看数据 block, the reminder, the analytics card). `days` is the
 * length of the run the rule saw: drops in a row for `dayOverDay`, days below their weekday for
 * `sameWeekday`; `from` is the day before the run (the peak) for `dayOverDay`, the run's first
 * day for `sameWeekday`. `usualOrders`: the last day's weekday baseline, null without history.
 */
export type DeclineAlert = {
  rule: DeclineRule;
  days: number;
  from: string;
  to: string;
  firstOrders: number;
  lastOrders: number;
  usualOrders: number | null;
  fell: DeclineFell;
  windows: DeclineWindows;
};

export const declineMethods = {
  /** The decline watch as of `at` (ISO instant; the core's clock when left out). Read-only. */
  'reports.decline': z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict(),
} as const;

export type DeclineResults = { 'reports.decline': DeclineWatch };
