import type { Kysely, Transaction } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import type { DailyOrders, LineCount, OrderQueues } from '../../shared/rpc/domains/routine';
import type { Database } from '../db/schema';
import { countOpenAftersales, hasOrderData, lastOrderDay, lastOrderExportTime, loadDailyOrders, loadUnshippedLines } from './order-queries';
import { createVersionedCache } from './picture-cache';
import { buildShipIndex, shipWindows, type ShipIndex } from './ship-index';
import { countLines, shipByMs, type UnshippedLine } from './shipping';
import { lineStage } from '../../shared/domain/order-line-state';

type Executor = Kysely<Database> | Transaction<Database>;

export type ShippableLine = UnshippedLine & { shipBy: Date | null };

/**
 * What the routine, the brief and the reminders need from the orders. Shared between calls while
 * the order data and the China day stay the same (see picture-cache.ts): read it, never change it.
 */
export type OrdersPicture = {
  hasData: boolean;
  /** Paid, unshipped lines the seller must buy and ship (`lineStage` = toShip). */
  unshipped: readonly ShippableLine[];
  /** Paid, unshipped lines whose buyer asked for a refund or was refunded: never to be bought (`lineStage` = refundBeforeShip). */
  refundBeforeShip: LineCount;
  /** The unshipped lines grouped per order and ordered by ship-by, for the windows at any moment. */
  ship: ShipIndex;
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
type StoredPicture = Omit<OrdersPicture, 'daily'>;

async function loadStoredPicture(db: Executor): Promise<StoredPicture> {
  const [hasData, lines, afterSalesOpen, last, exportTime] = await Promise.all([
    hasOrderData(db),
    loadUnshippedLines(db),
    countOpenAftersales(db),
    lastOrderDay(db),
    lastOrderExportTime(db),
  ]);
  const exported = exportTime === null ? null : addDays(chinaDate(new Date(exportTime * 1000)), -1);
  const completeThrough = [last, exported].filter((d): d is string => d !== null).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  const unshipped: ShippableLine[] = [];
  const refunding: UnshippedLine[] = [];
  for (const { status, shippedAt, aftersaleStatus, ...l } of lines) {
    const stage = lineStage({ status, shippedAt, aftersaleStatus });
    if (stage === 'other') continue;
    if (stage === 'refundBeforeShip') {
      refunding.push(l);
      continue;
    }
    const ms = shipByMs(l);
    unshipped.push({ ...l, shipBy: ms === null ? null : new Date(ms) });
  }
  return { hasData, unshipped, refundBeforeShip: countLines(refunding), ship: buildShipIndex(unshipped), afterSalesOpen, lastOrderDay: last, completeThrough };
}

const storedPictures = createVersionedCache<StoredPicture>();
const dailyWindows = createVersionedCache<DailyOrders[]>();

export async function loadOrdersPicture(db: Executor, now: Date): Promise<OrdersPicture> {
  const today = chinaDate(now);
  const [stored, daily] = await Promise.all([
    storedPictures(db, '', () => loadStoredPicture(db)),
    // The window moves with the China day (a clock moved, or midnight passed): part of its key.
    dailyWindows(db, today, () => loadDailyOrders(db, addDays(today, 1 - DAILY_WINDOW_DAYS), today)),
  ]);
  return { ...stored, daily: daily.map((d) => ({ ...d })) };
}

/** The `shopdesk today` queue figures: shipping windows are always 24 hours here. */
export function orderQueues(picture: OrdersPicture, now: Date): OrderQueues {
  const { within, overdue } = shipWindows(picture.ship, now, 24);
  return {
    shipWithin24h: within,
    shipOverdue: overdue,
    // Purchase records come in a later issue; until then every paid unshipped line is still to buy.
    toPurchase: { ...picture.ship.all },
    refundBeforeShip: { ...picture.refundBeforeShip },
    afterSalesOpen: picture.afterSalesOpen,
    hasOrderData: picture.hasData,
  };
}

/** The last 7 days up to today, for the 看数据 queue. */
export const lastSevenDays = (picture: OrdersPicture): DailyOrders[] => picture.daily.slice(-7);
