import type { Kysely } from 'kysely';
import type { RoutineDatabase } from '../db/routine-schema';
import type { DeclineAlert } from '../../shared/rpc/domains/decline';
import { loadDeclineWatch } from '../orders/decline-watch';
import { loadOrdersPicture, type OrdersPicture } from '../orders/orders-picture';
import type { ShipIndex } from '../orders/ship-index';
import type { ComputedDay } from '../routine/day-facts';
import { loadToday, nextPlanned, prepareRoutine, refOf } from '../routine/routine-now';
import type { ReminderData } from './rules';
import { loadMoneyReminderFacts } from '../money/money-reminders';
import type { MoneyDatabase } from '../money/money-schema';
import { loadReturnInfoGaps } from '../suppliers/return-info-reminders';
import { loadListingSlotFacts } from './listing-slot-facts';
import { loadDeadlineCases } from '../aftersales/deadline-reminders';
import { loadCampaignReminderFacts } from '../campaigns/campaign-reminders';
import { loadInfluencerReminderFacts } from '../influencers/influencer-reminders';
import { loadHealthWarnings } from '../health/health-reminders';
import type { HealthDatabase } from '../health/health-schema';

const shippingOrders = new WeakMap<ShipIndex, ReminderData['orders']>();

/**
 * Orders with a ship-by, earliest first, for the shipping rules. Built once per orders picture
 * (which is shared while the order data stays the same), so the rules can keep their plans too.
 */
function shippingOrdersOf(ship: ShipIndex): ReminderData['orders'] {
  let list = shippingOrders.get(ship);
  if (!list) {
    list = ship.orders.flatMap((o) => (o.shipBy ? [{ orderId: o.orderId, shipBy: o.shipBy, productTitle: o.productTitle, lines: o.lines }] : []));
    shippingOrders.set(ship, list);
  }
  return list;
}

/** The rules' input from today's routine and the orders picture (pure). */
export function reminderDataOf(day: ComputedDay & { today: string }, orders: OrdersPicture, now: Date, decline: DeclineAlert | null = null): ReminderData {
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
    orders: shippingOrdersOf(orders.ship),
    decline,
  };
}

export async function loadReminderData(db: Kysely<RoutineDatabase>, now: Date): Promise<ReminderData> {
  await prepareRoutine(db, now);
  const [day, orders, money, returnInfo, listing, aftersales, campaigns, influencers, watch, health] = await Promise.all([
    loadToday(db, now),
    loadOrdersPicture(db, now),
    loadMoneyReminderFacts(db as unknown as Kysely<MoneyDatabase>, now),
    loadReturnInfoGaps(db),
    loadListingSlotFacts(db, now),
    loadDeadlineCases(db, now),
    loadCampaignReminderFacts(db, now),
    loadInfluencerReminderFacts(db, now),
    loadDeclineWatch(db, now),
    loadHealthWarnings(db as unknown as Kysely<HealthDatabase>, now),
  ]);
  return { ...reminderDataOf(day, orders, now, watch.alert), money, returnInfo, listing, aftersales, campaigns, influencers, health };
}
