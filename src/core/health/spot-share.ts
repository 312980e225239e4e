import { sql } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import { SPOT_SHIP_HOURS, SPOT_WINDOW_DAYS, spotSharePct } from '../../shared/domain/shop-health';
import type { SpotShare } from '../../shared/rpc/domains/health';
import { createVersionedCache } from '../orders/picture-cache';
import type { HealthExecutor } from './health-schema';

/**
 * The spot share over the 60 complete China days before `today` (shared/rpc/domains/health.ts
 * says how spot is inferred). Paid orders only; one range read through the submitted_at index.
 */
async function computeSpotShare(db: HealthExecutor, today: string): Promise<SpotShare> {
  const to = addDays(today, -1);
  const from = addDays(today, -SPOT_WINDOW_DAYS);
  const { rows } = await sql<{ orders: number; later: number }>`
    SELECT count(DISTINCT order_id) AS orders,
      count(DISTINCT CASE WHEN (julianday(promised_ship_at) - julianday(paid_at)) * 24 > ${SPOT_SHIP_HOURS} THEN order_id END) AS later
    FROM order_lines
    WHERE submitted_at >= ${`${from} 00:00:00`} AND submitted_at < ${`${today} 00:00:00`}
      AND julianday(promised_ship_at) IS NOT NULL AND julianday(paid_at) IS NOT NULL
      AND (status IS NULL OR status <> '待支付')`.execute(db);
  const orders = Number(rows[0]?.orders ?? 0);
  const spotOrders = orders - Number(rows[0]?.later ?? 0);
  return { from, to, orders, spotOrders, sharePct: spotSharePct(spotOrders, orders) };
}

const shares = createVersionedCache<SpotShare>();

/** Kept per China day and order-data version: the reminders ask every 30 seconds. */
export const loadSpotShare = (db: HealthExecutor, now: Date): Promise<SpotShare> => {
  const today = chinaDate(now);
  return shares(db, today, () => computeSpotShare(db, today));
};
