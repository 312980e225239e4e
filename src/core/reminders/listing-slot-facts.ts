import type { Kysely } from 'kysely';
import { quotaView } from '../sourcing/quota';
import type { SourcingDatabase } from '../sourcing/sourcing-schema';
import type { ListingSlotFacts } from './rules';

/**
 * The listing slots the reminders follow: the 选品 quota's, read through the sourcing domain, so a
 * slot moved on the sourcing screen moves its reminder too. `planned` counts the verified products
 * planned for the slot and not yet listed.
 */
export async function loadListingSlotFacts<D>(db: Kysely<D>, now: Date): Promise<ListingSlotFacts> {
  const view = await quotaView(db as unknown as Kysely<SourcingDatabase>, now, 7);
  return {
    min: view.quota.min,
    max: view.quota.max,
    slots: view.slots.map((s) => ({ time: s.time, count: s.count, planned: s.planned.length })),
  };
}
