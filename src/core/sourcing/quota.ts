import { sql } from 'kysely';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import {
  DEFAULT_QUOTA,
  listingHeatmap,
  listingStreak,
  quotaState,
  sortSlots,
  validateQuota,
  type ListingQuota,
} from '../../shared/domain/listing-quota';
import type { QuotaView } from '../../shared/rpc/domains/sourcing';
import { AppError } from '../../shared/errors';
import type { SourcingExecutor } from './sourcing-schema';

/**
 * How many products were moved to 已上架 on a China day: the number the quota, Today's 选品
 * block and the tray show. A product listed, delisted and relisted the same day counts once.
 * Exported for the routine's queues and the tray.
 */
export async function listedTodayCount(db: SourcingExecutor, day: string): Promise<number> {
  const row = await db
    .selectFrom('product_stage_events')
    .select((eb) => eb.fn.count<number>('product_id').distinct().as('n'))
    .where('to_stage', '=', 'listed')
    .where('china_date', '=', day)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function listedPerDay(db: SourcingExecutor, from: string, to: string): Promise<Map<string, number>> {
  const rows = await sql<{ day: string; n: number }>`
    SELECT china_date AS day, COUNT(DISTINCT product_id) AS n FROM product_stage_events
    WHERE to_stage = 'listed' AND china_date BETWEEN ${from} AND ${to}
    GROUP BY china_date`.execute(db);
  return new Map(rows.rows.map((r) => [r.day, Number(r.n)]));
}

export async function readQuota(db: SourcingExecutor): Promise<ListingQuota> {
  const row = await db.selectFrom('sourcing_settings').select('value').where('key', '=', 'quota').executeTakeFirst();
  if (!row) return DEFAULT_QUOTA;
  try {
    const parsed = JSON.parse(row.value) as ListingQuota;
    return validateQuota(parsed).length === 0 ? parsed : DEFAULT_QUOTA;
  } catch {
    return DEFAULT_QUOTA;
  }
}

export async function writeQuota(db: SourcingExecutor, quota: ListingQuota, now: Date): Promise<void> {
  const problems = validateQuota(quota);
  if (problems.length > 0) throw new AppError('VALIDATION', 'invalid listing quota', { issues: problems.map((message) => ({ path: 'quota', message })) });
  const value = JSON.stringify({ ...quota, slots: sortSlots(quota.slots) });
  await db
    .insertInto('sourcing_settings')
    .values({ key: 'quota', value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
    .execute();
}

export async function quotaView(db: SourcingExecutor, now: Date, days = 91): Promise<QuotaView> {
  const quota = await readQuota(db);
  const today = chinaDate(now);
  const counts = await listedPerDay(db, addDays(today, -365), today);
  const listedToday = await listedTodayCount(db, today);
  const planned = await db
    .selectFrom('products')
    .select(['id', 'title', 'planned_slot'])
    .where('stage', '=', 'verified')
    .where('planned_slot', 'is not', null)
    .orderBy('id')
    .execute();
  const slots = sortSlots(quota.slots).map((s) => ({
    ...s,
    planned: planned.filter((p) => p.planned_slot === s.time).map((p) => ({ id: p.id, title: p.title })),
  }));
  return {
    quota,
    today,
    listedToday,
    state: quotaState(listedToday, quota),
    slots,
    streak: listingStreak(counts, today, quota.min),
    heatmap: listingHeatmap(counts, today, days, quota.min),
  };
}
