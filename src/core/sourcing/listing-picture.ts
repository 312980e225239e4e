import type { Kysely } from 'kysely';
import { listedTodayCount, readQuota } from './quota';
import type { SourcingDatabase } from './sourcing-schema';

/** Today's listing count and the target range: what Today's 选品 block and the tray show. */
export type ListingPicture = { listedToday: number; min: number; max: number };

/** Takes any Kysely handle (the routine's is typed with its own tables) over the same database. */
export async function loadListingPicture<D>(db: Kysely<D>, today: string): Promise<ListingPicture> {
  const sourcing = db as unknown as Kysely<SourcingDatabase>;
  const [listedToday, quota] = await Promise.all([listedTodayCount(sourcing, today), readQuota(sourcing)]);
  return { listedToday, min: quota.min, max: quota.max };
}
