import type { Kysely } from 'kysely';
import { periodStart, type Granularity } from '../../shared/domain/periods';
import type { AnalyticsNote, AnalyticsSettings } from '../../shared/rpc/domains/analytics';
import type { Database } from '../db/schema';

/** The note of the period holding `date` (a week's note lives under its Monday, a month's under the 1st). */
export async function setNote(db: Kysely<Database>, p: { granularity: Granularity; date: string; text: string }, now: Date): Promise<AnalyticsNote> {
  const period = periodStart(p.date, p.granularity);
  await db
    .insertInto('analytics_notes')
    .values({ granularity: p.granularity, period, text: p.text, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['granularity', 'period']).doUpdateSet({ text: p.text, updated_at: now.toISOString() }))
    .execute();
  return { granularity: p.granularity, period, text: p.text };
}

export async function removeNote(db: Kysely<Database>, p: { granularity: Granularity; date: string }): Promise<{ removed: boolean }> {
  const r = await db.deleteFrom('analytics_notes').where('granularity', '=', p.granularity).where('period', '=', periodStart(p.date, p.granularity)).executeTakeFirst();
  return { removed: Number(r.numDeletedRows) > 0 };
}

/** Until the seller changes them; see breakdown.ts flagOf for what they decide. */
export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = { hitSharePercent: 20, hitRisePercent: 10, dropFallPercent: 30, dropMinOrders: 10 };

export async function loadAnalyticsSettings(db: Kysely<Database>): Promise<AnalyticsSettings> {
  const rows = await db.selectFrom('analytics_settings').select(['key', 'value']).execute();
  const out: AnalyticsSettings = { ...DEFAULT_ANALYTICS_SETTINGS };
  for (const r of rows) if (Object.hasOwn(out, r.key)) out[r.key as keyof AnalyticsSettings] = JSON.parse(r.value) as number;
  return out;
}

export async function saveAnalyticsSettings(db: Kysely<Database>, s: AnalyticsSettings, now: Date): Promise<AnalyticsSettings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(s)) {
      await trx
        .insertInto('analytics_settings')
        .values({ key, value: JSON.stringify(value), updated_at: now.toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now.toISOString() }))
        .execute();
    }
  });
  return loadAnalyticsSettings(db);
}
