import { sql } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import { SPOT_WINDOW_DAYS, spotSharePct } from '../../shared/domain/shop-health';
import type { SpotShare } from '../../shared/rpc/domains/health';
import { createVersionedCache } from '../orders/picture-cache';
import type { HealthExecutor } from './health-schema';

/**
 * The spot share over the 60 complete China days before `today` (shared/rpc/domains/health.ts
 * says how spot is inferred). Paid orders only, from order_report_days' `spotPaid` / `spotLater`
 * rows (migration 0016; 60 days of lines were 0.7 s cold at 1M): an order's lines share its
 * 订单提交时间, so daily distinct counts add up.
 */
async function computeSpotShare(db: HealthExecutor, today: string): Promise<SpotShare> {
  const to = addDays(today, -1);
  const from = addDays(today, -SPOT_WINDOW_DAYS);
  const { rows } = await sql<{ dimension: string; orders: number }>`
    SELECT dimension, sum(orders) AS orders FROM order_report_days
    WHERE dimension IN ('spotPaid', 'spotLater') AND day >= ${from} AND day <= ${to} GROUP BY dimension`.execute(db);
  const count = (dimension: string) => Number(rows.find((r) => r.dimension === dimension)?.orders ?? 0);
  const orders = count('spotPaid');
  const spotOrders = orders - count('spotLater');
  return { from, to, orders, spotOrders, sharePct: spotSharePct(spotOrders, orders) };
}

const shares = createVersionedCache<SpotShare>();

/** Kept per China day and order-data version: the reminders ask every 30 seconds. */
export const loadSpotShare = (db: HealthExecutor, now: Date): Promise<SpotShare> => {
  const today = chinaDate(now);
  return shares(db, today, () => computeSpotShare(db, today));
};
