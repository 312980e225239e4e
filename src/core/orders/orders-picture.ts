import type { Kysely, Transaction } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import type { DailyOrders, DeclineAlert, OrderQueues } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { detectDecline } from './decline';
import { countOpenAftersales, hasOrderData, lastOrderDay, lastOrderExportTime, loadDailyOrders, loadUnshippedLines } from './order-queries';
import { classifyShipping, countLines, shipByOf, type UnshippedLine } from './shipping';

export type ShippableLine = UnshippedLine & { shipBy: Date | null };

/** What the routine, the brief and the reminders need from the orders, loaded once per request. */
export type OrdersPicture = {
  hasData: boolean;
  unshipped: ShippableLine[];
  afterSalesOpen: number;
  /** The 14 China days up to and including today. */
  daily: DailyOrders[];
  lastOrderDay: string | null;
  /**
   * The last China day the imported orders fully cover: the newest order's day, or the day before
   * the newest export was made when that is later (a quiet day has no rows but was exported).
   * Days after it are unknown, not zero.
   */
  completeThrough: string | null;
};

export const DAILY_WINDOW_DAYS = 14;

export async function loadOrdersPicture(db: Kysely<Database> | Transaction<Database>, now: Date): Promise<OrdersPicture> {
  const today = chinaDate(now);
  const [hasData, lines, afterSalesOpen, daily, last, exportTime] = await Promise.all([
    hasOrderData(db),
    loadUnshippedLines(db),
    countOpenAftersales(db),
    loadDailyOrders(db, addDays(today, 1 - DAILY_WINDOW_DAYS), today),
    lastOrderDay(db),
    lastOrderExportTime(db),
  ]);
  const exported = exportTime === null ? null : addDays(chinaDate(new Date(exportTime * 1000)), -1);
  const completeThrough = [last, exported].filter((d): d is string => d !== null).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  return { hasData, unshipped: lines.map((l) => ({ ...l, shipBy: shipByOf(l) })), afterSalesOpen, daily, lastOrderDay: last, completeThrough };
}

/** The `shopdesk today` queue figures: shipping windows are always 24 hours here. */
export function orderQueues(picture: OrdersPicture, now: Date): OrderQueues {
  const { within, overdue } = classifyShipping(picture.unshipped, now, 24);
  return {
    shipWithin24h: countLines(within),
    shipOverdue: countLines(overdue),
    // Purchase records come in a later issue; until then every paid unshipped line is still to buy.
    toPurchase: countLines(picture.unshipped),
    afterSalesOpen: picture.afterSalesOpen,
    hasOrderData: picture.hasData,
  };
}

/**
 * The decline over complete days: before today, and not after what the imports cover (days after
 * the last import are unknown, not zero: a stale import must not look like a collapse).
 */
export function declineAlert(picture: OrdersPicture, today: string): DeclineAlert | null {
  if (!picture.hasData || picture.completeThrough === null) return null;
  const complete = picture.daily.filter((d) => d.date < today && d.date <= (picture.completeThrough ?? ''));
  return detectDecline(complete);
}

/** The last 7 days up to today, for the 看数据 queue. */
export const lastSevenDays = (picture: OrdersPicture): DailyOrders[] => picture.daily.slice(-7);
