import type { Kysely } from 'kysely';
import type { RoutineDatabase } from '../db/routine-schema';
import type { DeclineAlert } from '../../shared/rpc/domains/decline';
import { loadDeclineWatch } from '../orders/decline-watch';
import { loadEarliestShipBy, loadOverdueAt, loadShipOrdersBetween, type ShipOrder } from '../orders/ship-queue-reads';
import { chinaDate } from '../../shared/domain/china-time';
import type { ComputedDay } from '../routine/day-facts';
import { loadToday, nextPlanned, prepareRoutine, refOf } from '../routine/routine-now';
import { overdueInstants, type ReminderData } from './rules';
import { readReminderSettings } from './reminder-settings';
import { loadMoneyReminderFacts } from '../money/money-reminders';
import type { MoneyDatabase } from '../money/money-schema';
import { loadReturnInfoGaps } from '../suppliers/return-info-reminders';
import { loadListingSlotFacts } from './listing-slot-facts';
import { loadDeadlineCases } from '../aftersales/deadline-reminders';
import { loadCampaignReminderFacts } from '../campaigns/campaign-reminders';
import { loadInfluencerReminderFacts } from '../influencers/influencer-reminders';
import { loadHealthWarnings } from '../health/health-reminders';
import type { HealthDatabase } from '../health/health-schema';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The shipping facts the rules read: the orders whose reminder can be due or upcoming, and the overdue group's counts. */
export type ShippingFacts = Pick<ReminderData, 'orders'> & { overdue: NonNullable<ReminderData['overdue']> };

const timed = (orders: readonly ShipOrder[]): ReminderData['orders'] =>
  orders.flatMap((o) => (o.shipBy ? [{ orderId: o.orderId, shipBy: o.shipBy, productTitle: o.productTitle, lines: o.lines }] : []));

/**
 * From the shipping queue's summary, only what can be shown at `now`: an order's ship-within
 * reminder is due while now < ship-by ≤ now + N h and upcoming in the centre for the day before,
 * so the orders with ship-by in (now, now + N h + 1 day] — a day of orders, not the whole backlog
 * (the first version planned all 125k of the bench's orders at every call). The overdue group
 * counts at its few instants.
 */
export async function loadShippingFacts(db: Kysely<RoutineDatabase>, now: Date, shipDueHours: number): Promise<ShippingFacts> {
  const [first, orders] = await Promise.all([loadEarliestShipBy(db), loadShipOrdersBetween(db, now.getTime(), now.getTime() + shipDueHours * HOUR + DAY)]);
  const firstAt = first === null ? null : new Date(first);
  const instants = [...new Set(overdueInstants(now, chinaDate(now), firstAt))];
  const counts = await Promise.all(instants.map((t) => loadOverdueAt(db, t)));
  return { orders: timed(orders), overdue: { first: firstAt, at: new Map(instants.map((t, i) => [t, counts[i]!])) } };
}

/** The rules' input from today's routine and the orders picture (pure). */
export function reminderDataOf(day: ComputedDay & { today: string }, shipping: ShippingFacts, now: Date, decline: DeclineAlert | null = null): ReminderData {
  const running = day.blocks.find((b) => b.status === 'running');
  const next = nextPlanned(day.blocks.filter((b) => b !== running));
  return {
    today: day.today,
    running: running
      ? {
          ...refOf(running),
          targetMinutes: running.block.targetMinutes,
          // Booked time grows one second per second while it runs, so the target is reached at:
          targetReachedAt: new Date(now.getTime() + (running.block.targetMinutes * 60 - running.spentSeconds) * 1000),
        }
      : null,
    next: next ? refOf(next) : null,
    orders: shipping.orders,
    overdue: shipping.overdue,
    decline,
  };
}

export async function loadReminderData(db: Kysely<RoutineDatabase>, now: Date): Promise<ReminderData> {
  await prepareRoutine(db, now);
  const settings = await readReminderSettings(db);
  const [day, shipping, money, returnInfo, listing, aftersales, campaigns, influencers, watch, health] = await Promise.all([
    loadToday(db, now),
    loadShippingFacts(db, now, settings.shipDueHours),
    loadMoneyReminderFacts(db as unknown as Kysely<MoneyDatabase>, now),
    loadReturnInfoGaps(db),
    loadListingSlotFacts(db, now),
    loadDeadlineCases(db, now),
    loadCampaignReminderFacts(db, now),
    loadInfluencerReminderFacts(db, now),
    loadDeclineWatch(db, now),
    loadHealthWarnings(db as unknown as Kysely<HealthDatabase>, now),
  ]);
  return { ...reminderDataOf(day, shipping, now, watch.alert), money, returnInfo, listing, aftersales, campaigns, influencers, health };
}
