import type { Kysely, Transaction } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import type { DailyOrders, LineCount, OrderQueues } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { hasOrderData, lastOrderDay, lastOrderExportTime, loadDailyOrders } from './order-queries';
import { createVersionedCache } from './picture-cache';
import { loadFirstShipOrders, loadShipTotals, loadShipWindows, type ShipOrder } from './ship-queue-reads';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * What the routine, the brief and the reminders need from the orders. Shared between calls while
 * the order data and the China day stay the same (see picture-cache.ts): read it, never change it.
 */
export type OrdersPicture = {
  hasData: boolean;
  /** Paid, unshipped lines the seller must buy and ship (`lineStage` = toShip), and their orders. */
  toShip: LineCount;
  /** Paid, unshipped lines whose buyer asked for a refund or was refunded: never to be bought (`lineStage` = refundBeforeShip). */
  refundBeforeShip: LineCount;
  /** The first orders to ship, earliest ship-by first (those without one last), for the queue's rows. */
  firstOrders: readonly ShipOrder[];
  /** The 24-hour shipping windows at the moment the picture was asked for. */
  windows: { within: LineCount; overdue: LineCount };
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

/** The part of the picture that depends on the stored data only, not on the moment. */
type StoredPicture = Omit<OrdersPicture, 'daily' | 'windows'>;

/** How many of the first orders the queue shows. */
export const FIRST_ORDERS = 5;

/**
 * From the shipping queue's summary (ship-queue.ts, kept by every import and undo): a few index
 * ranges, where the first version read and classified every unshipped line (≈ 1.5 s at 500k lines).
 */
async function loadStoredPicture(db: Executor): Promise<StoredPicture> {
  const [hasData, totals, firstOrders, last, exportTime] = await Promise.all([
    hasOrderData(db),
    loadShipTotals(db),
    loadFirstShipOrders(db, FIRST_ORDERS, null),
    lastOrderDay(db),
    lastOrderExportTime(db),
  ]);
  const exported = exportTime === null ? null : addDays(chinaDate(new Date(exportTime * 1000)), -1);
  const completeThrough = [last, exported].filter((d): d is string => d !== null).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  return { hasData, ...totals, firstOrders, lastOrderDay: last, completeThrough };
}

const storedPictures = createVersionedCache<StoredPicture>();
const dailyWindows = createVersionedCache<DailyOrders[]>();

export async function loadOrdersPicture(db: Executor, now: Date): Promise<OrdersPicture> {
  const today = chinaDate(now);
  const [stored, daily, windows] = await Promise.all([
    storedPictures(db, '', () => loadStoredPicture(db)),
    // The window moves with the China day (a clock moved, or midnight passed): part of its key.
    dailyWindows(db, today, () => loadDailyOrders(db, addDays(today, 1 - DAILY_WINDOW_DAYS), today)),
    // Kept per data version for the span of moments in which no ship-by passes either edge (ship-queue-reads.ts).
    loadShipWindows(db, now, 24),
  ]);
  return { ...stored, windows, daily: daily.map((d) => ({ ...d })) };
}

/** The `shopdesk today` queue figures: shipping windows are always 24 hours here. */
export function orderQueues(picture: OrdersPicture): OrderQueues {
  const { within, overdue } = picture.windows;
  return {
    shipWithin24h: { ...within },
    shipOverdue: { ...overdue },
    // Every paid unshipped line without a refund asked is still to buy (the purchases desk says by whom).
    toPurchase: { ...picture.toShip },
    refundBeforeShip: { ...picture.refundBeforeShip },
    afterSalesOpen: picture.afterSalesOpen,
    hasOrderData: picture.hasData,
  };
}

/** The last 7 days up to today, for the 看数据 queue. */
export const lastSevenDays = (picture: OrdersPicture): DailyOrders[] => picture.daily.slice(-7);
