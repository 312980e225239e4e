import { platformCampaignSeeds, yearsToSeed } from '../../shared/domain/campaign-calendar';
import { chinaDate } from '../../shared/domain/china-time';
import type { CampaignDb, CampaignExecutor } from './campaign-schema';

/** Years already known to be seeded, per database handle, so a read seeds nothing after the first. */
const seededByDb = new WeakMap<object, Set<number>>();

/**
 * Writes a year's platform calendar (estimated dates) once: the year is recorded, so a seeded
 * campaign the seller deleted does not come back, and (seed_key, year) is unique, so two callers
 * racing add nothing twice.
 */
export async function seedYear(db: CampaignExecutor, year: number, now: Date): Promise<number> {
  const done = await db.selectFrom('campaign_seeded_years').select('year').where('year', '=', year).executeTakeFirst();
  if (done) return 0;
  const at = now.toISOString();
  let added = 0;
  for (const seed of platformCampaignSeeds(year)) {
    const result = await db
      .insertInto('campaigns')
      .values({
        name: seed.name,
        origin: 'platform',
        seed_key: seed.seedKey,
        year,
        signup_start: seed.signupStart,
        signup_deadline: seed.signupDeadline,
        run_start: seed.runStart,
        run_end: seed.runEnd,
        dates_estimated: 1,
        tools: JSON.stringify(seed.tools),
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['seed_key', 'year']).where('seed_key', 'is not', null).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  await db.insertInto('campaign_seeded_years').values({ year, seeded_at: at }).onConflict((oc) => oc.column('year').doNothing()).execute();
  return added;
}

const yearsFor = (now: Date, extraYear: number | undefined): number[] => [...new Set([...yearsToSeed(chinaDate(now)), ...(extraYear === undefined ? [] : [extraYear])])];

/**
 * Whether `ensureSeeded` may still write (it has not yet seen these years seeded on this handle):
 * callers that must not write during an import put that first call through the write scheduler.
 */
export const mayNeedSeeding = (db: object, now: Date, extraYear?: number): boolean => {
  const known = seededByDb.get(db);
  return !known || yearsFor(now, extraYear).some((y) => !known.has(y));
};

/** The platform calendars `now` needs (this year; from October the next too), seeded on first use. */
export async function ensureSeeded(db: CampaignDb, now: Date, extraYear?: number): Promise<void> {
  const known = seededByDb.get(db) ?? new Set<number>();
  seededByDb.set(db, known);
  const missing = yearsFor(now, extraYear).filter((y) => !known.has(y));
  if (missing.length === 0) return;
  const stored = new Set((await db.selectFrom('campaign_seeded_years').select('year').execute()).map((r) => r.year));
  const toSeed = missing.filter((y) => !stored.has(y));
  if (toSeed.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const year of toSeed) await seedYear(trx, year, now);
    });
  }
  for (const y of missing) known.add(y);
}
