import { addDays, chinaDateTimeText, chinaDayRange, chinaInstant, clockMinutes } from '../../shared/domain/china-time';
import type { ReminderSettings } from '../../shared/rpc/domains/reminders';
import type { BlockRef, DeclineAlert } from '../../shared/rpc/domains/routine';
import { collate } from '../orders/shipping';
import { planMoneyReminders, type MoneyReminderFacts } from '../money/money-reminders';
import { planReturnInfoReminders, type ReturnInfoGap } from '../suppliers/return-info-reminders';
import { planDeadlineReminders, type DeadlineCase } from '../aftersales/deadline-reminders';
import { planCampaignReminders, type CampaignReminderFacts } from '../campaigns/campaign-reminders';
import { planInfluencerReminders, type InfluencerReminderFacts } from '../influencers/influencer-reminders';
import { planHealthReminders } from '../health/health-reminders';
import type { HealthWarning } from '../../shared/rpc/domains/health';
import type { PlannedReminder } from './planned-reminder';

/** Everything the rules look at; loaded by reminder-data.ts, plain values here. */
export type ReminderData = {
  today: string;
  running: (BlockRef & { targetMinutes: number; targetReachedAt: Date }) | null;
  /** The block after the running one, for "next up". */
  next: BlockRef | null;
  /**
   * Unshipped orders to ship (lineStage toShip) with a ship-by, earliest first: every one, or (as
   * reminder-data.ts loads them) those whose ship-within reminder is due or upcoming within a day —
   * the only ones the centre, the due list and the check can show.
   */
  orders: { orderId: string; shipBy: Date; productTitle: string | null; lines: number }[];
  /** The overdue group's facts when `orders` is such a window (absent: derived from `orders`). */
  overdue?: OverdueFacts;
  decline: DeclineAlert | null;
  /** Settlement days, deposit and refund path (issue 6); absent when not loaded. */
  money?: MoneyReminderFacts;
  /** Suppliers of sold products without a return address or rules (issue 5); absent when not loaded. */
  returnInfo?: ReturnInfoGap[];
  /** Today's shop-health warnings (issue 12: DSR, good-review rate, spot share); absent when not loaded. */
  health?: HealthWarning[];
  /** The 选品 quota's slots (the one place they are set) with what is planned in each; absent when not loaded. */
  listing?: ListingSlotFacts;
  /** Open after-sales cases with the platform's 自动处理截止时间 (issue 11); absent when not loaded. */
  aftersales?: DeadlineCase[];
  /** Campaigns to sign up for or taken part in, with the sign-up lead (issue 13); absent when not loaded. */
  campaigns?: CampaignReminderFacts;
  /** Influencer follow-ups and the sample rules (issue 13); absent when not loaded. */
  influencers?: InfluencerReminderFacts;
};

/**
 * What the grouped overdue reminder needs beyond a window of orders: the earliest ship-by of any
 * order to ship, and `overdueAt` at each instant of `overdueInstants` (keyed by epoch ms).
 */
export type OverdueFacts = { first: Date | null; at: ReadonlyMap<number, { orders: number; lines: number }> };

/** A listing slot as the quota sets it (time, how many to list) and how many verified products are planned for it. */
export type ListingSlotFacts = { min: number; max: number; slots: { time: string; count: number; planned: number }[] };

const HOUR = 3600_000;
/** A listing-slot reminder is stale after this long (or at the next slot). */
const SLOT_STALE_AFTER = 2 * HOUR;

/** `09-12 14:00`: short China time for texts. */
const shortTime = (instant: Date): string => chinaDateTimeText(instant).slice(5, 16);

type Rule = (now: Date, data: ReminderData, settings: ReminderSettings) => PlannedReminder[];

const targetReached: Rule = (_now, { today, running, next }) =>
  running
    ? [
        {
          key: `routine.targetReached:${today}:${running.key}`,
          kind: 'routine.targetReached',
          dueAt: running.targetReachedAt,
          expiresAt: null,
          subject: `block:${running.key}`,
          params: {
            block: running.title,
            blockDefault: running.defaultKey ?? '',
            target: running.targetMinutes,
            next: next?.title ?? '',
            nextDefault: next?.defaultKey ?? '',
          },
        },
      ]
    : [];

const listingSlots: Rule = (_now, { today, listing }, settings) => {
  if (!listing) return [];
  const slots = [...listing.slots].sort((a, b) => clockMinutes(a.time) - clockMinutes(b.time));
  // Today's slots and tomorrow's, so the centre can show what comes next.
  return [today, addDays(today, 1)].flatMap((date) => {
    const dues = slots.map((slot) => new Date(chinaInstant(date, slot.time).getTime() - settings.listingLeadMinutes * 60_000));
    return slots.map((slot, i) => {
      const dueAt = dues[i] ?? chinaInstant(date, slot.time);
      const nextDue = dues[i + 1] ?? chinaDayRange(date).to;
      return {
        key: `listing.slot:${date}:${slot.time}`,
        kind: 'listing.slot' as const,
        dueAt,
        expiresAt: new Date(Math.min(dueAt.getTime() + SLOT_STALE_AFTER, Math.max(nextDue.getTime(), dueAt.getTime() + 1))),
        subject: `slot:${slot.time}`,
        params: { slot: slot.time, count: slot.count, planned: slot.planned, min: listing.min, max: listing.max },
      };
    });
  });
};

/** The ship-within-N-hours reminder of every order with a ship-by (input order: earliest ship-by first). */
function shippingPlans(orders: ReminderData['orders'], hours: number): PlannedReminder[] {
  return orders.map((o) => shippingPlanOf(o, hours));
}

/** One order's ship-within-N-hours reminder (also asked for by key, when its order is outside the loaded window). */
export function shippingPlanOf(o: ReminderData['orders'][number], hours: number): PlannedReminder {
  return {
    key: `orders.shipDue:${o.orderId}`,
    kind: 'orders.shipDue' as const,
    dueAt: new Date(o.shipBy.getTime() - hours * HOUR),
    // Once past its ship-by time the order is overdue: the grouped overdue reminder speaks then.
    expiresAt: o.shipBy,
    subject: `order:${o.orderId}`,
    params: { orderId: o.orderId, product: o.productTitle ?? o.orderId, shipBy: shortTime(o.shipBy), hours },
  };
}

/** What the grouped overdue reminder opens: the list of overdue orders (the reminders screen lists them). */
export const OVERDUE_ORDERS_SUBJECT = 'orders:overdue';

/** How many of the orders (earliest ship-by first) are due by `t`, and their lines. */
export function overdueAt(orders: ReminderData['orders'], t: number): { orders: number; lines: number } {
  let lo = 0;
  let hi = orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((orders[mid] as ReminderData['orders'][number]).shipBy.getTime() <= t) lo = mid + 1;
    else hi = mid;
  }
  let lines = 0;
  for (let i = 0; i < lo; i++) lines += (orders[i] as ReminderData['orders'][number]).lines;
  return { orders: lo, lines };
}

/** The days the overdue group is planned for (today and tomorrow), each with its due instant and the instant it counts at. */
export function overdueDays(now: Date, today: string, first: Date): { date: string; dueAt: Date; countAt: number }[] {
  return [today, addDays(today, 1)].flatMap((date) => {
    const day = chinaDayRange(date);
    const dueAt = new Date(Math.max(day.from.getTime(), first.getTime()));
    return dueAt >= day.to ? [] : [{ date, dueAt, countAt: Math.max(now.getTime(), dueAt.getTime()) }];
  });
}

/** The instants `overdueGroup` counts at, for a loader to count them ahead. */
export const overdueInstants = (now: Date, today: string, first: Date | null): number[] => (first ? overdueDays(now, today, first).map((d) => d.countAt) : []);

function overdueCount(data: ReminderData, t: number): { orders: number; lines: number } {
  if (!data.overdue) return overdueAt(data.orders, t);
  const count = data.overdue.at.get(t);
  if (!count) throw new Error(`overdue count at ${t} was not loaded`);
  return count;
}

/**
 * Overdue orders are one reminder per China day ("已超时未发货 267 单"), not one per order: due when the
 * first order goes past its ship-by that day (or at the day's start when some already are), counting
 * the orders overdue at `now` (or, while upcoming, at its due time); it opens the list. Today's and
 * tomorrow's are planned, so the centre can show what comes next.
 */
const overdueGroup: Rule = (now, data, settings) => {
  const first = data.overdue ? data.overdue.first : (data.orders[0]?.shipBy ?? null);
  if (!first || !settings.kinds['orders.shipOverdue']) return [];
  return overdueDays(now, data.today, first).map(({ date, dueAt, countAt }): PlannedReminder => {
    const count = overdueCount(data, countAt);
    return {
      key: `orders.shipOverdue:${date}`,
      kind: 'orders.shipOverdue',
      dueAt,
      expiresAt: chinaDayRange(date).to,
      subject: OVERDUE_ORDERS_SUBJECT,
      params: { orders: count.orders, lines: count.lines, shipBy: shortTime(first) },
    };
  });
};

/** Plans ordered as `planReminders` orders them: due time, then key (as localeCompare). */
const byDueThenKey = (a: PlannedReminder, b: PlannedReminder): number => a.dueAt.getTime() - b.dueAt.getTime() || collate(a.key, b.key);

/**
 * The shipping plans of one orders list, sorted, kept while the list is the same object: the list
 * comes from the orders picture, shared until the order data changes, and a seller with 100k open
 * orders is planned every 30 seconds. Same input, same plans (nothing in them depends on `now`).
 */
const keptShipping = new WeakMap<ReminderData['orders'], { hours: number; due: boolean; plans: readonly PlannedReminder[] }>();

function sortedShippingPlans(orders: ReminderData['orders'], settings: ReminderSettings): readonly PlannedReminder[] {
  const due = settings.kinds['orders.shipDue'];
  const kept = keptShipping.get(orders);
  if (kept && kept.hours === settings.shipDueHours && kept.due === due) return kept.plans;
  const plans = due ? shippingPlans(orders, settings.shipDueHours).sort(byDueThenKey) : [];
  keptShipping.set(orders, { hours: settings.shipDueHours, due, plans });
  return plans;
}

/**
 * A few plans (`few`, sorted) placed into the many kept shipping plans, as sorting them all
 * together would order them: keys are unique, so the order is total and each has one place.
 * A copy and a binary search each, instead of a comparison per kept plan.
 */
function placeAmong(many: readonly PlannedReminder[], few: readonly PlannedReminder[]): PlannedReminder[] {
  const out = many.slice();
  for (const r of few) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byDueThenKey(out[mid] as PlannedReminder, r) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, r);
  }
  return out;
}

/** The reminder's params: the rule, its run, and the product that lost most orders ('' when none). */
function declineParams(alert: DeclineAlert): Record<string, string | number> {
  const top = alert.fell.products[0];
  return {
    rule: alert.rule,
    days: alert.days,
    from: alert.from,
    to: alert.to,
    first: alert.firstOrders,
    last: alert.lastOrders,
    usual: alert.usualOrders ?? '',
    product: top ? (top.name ?? top.key) : '',
    productChange: top ? top.change : 0,
  };
}

const decline: Rule = (_now, { today, decline: alert }) =>
  alert
    ? [
        {
          key: `data.decline:${alert.to}`,
          kind: 'data.decline',
          dueAt: chinaDayRange(today).from,
          expiresAt: chinaDayRange(today).to,
          subject: `day:${alert.to}`,
          params: declineParams(alert),
        },
      ]
    : [];

/** Later issues add their rules here (settlement, deposit, campaigns, return address …). */
const money: Rule = (_now, { money: facts }) => (facts ? planMoneyReminders(facts) : []);

const returnInfo: Rule = (_now, { returnInfo: gaps }) => (gaps ? planReturnInfoReminders(gaps) : []);

const aftersaleDeadlines: Rule = (_now, { aftersales }) => (aftersales ? planDeadlineReminders(aftersales) : []);

const campaigns: Rule = (_now, { campaigns: facts }) => (facts ? planCampaignReminders(facts) : []);

const influencers: Rule = (_now, { influencers: facts }) => (facts ? planInfluencerReminders(facts) : []);

const health: Rule = (now, { health: warnings }) => (warnings ? planHealthReminders(warnings, now) : []);

/** The rules besides the per-order shipping plans (planned apart: they grow with the data). */
const RULES: readonly Rule[] = [targetReached, listingSlots, overdueGroup, decline, money, returnInfo, campaigns, aftersaleDeadlines, influencers, health];

/** Every reminder the rules know of now, due or upcoming, of the enabled kinds; ordered by due time. */
export function planReminders(now: Date, data: ReminderData, settings: ReminderSettings): PlannedReminder[] {
  if (!settings.isEnabled) return [];
  const others = RULES.flatMap((rule) => rule(now, data, settings))
    .filter((r) => settings.kinds[r.kind])
    .sort(byDueThenKey);
  return placeAmong(sortedShippingPlans(data.orders, settings), others);
}

export const isDue = (r: PlannedReminder, now: Date): boolean => r.dueAt <= now && (r.expiresAt === null || now < r.expiresAt);

/** The pure engine: `(now, data, settings) → due reminders`, each with a stable key. */
export const dueReminders = (now: Date, data: ReminderData, settings: ReminderSettings): PlannedReminder[] =>
  planReminders(now, data, settings).filter((r) => isDue(r, now));
