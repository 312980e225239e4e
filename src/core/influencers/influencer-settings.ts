import { DEFAULT_DAILY_GOAL } from '../../shared/domain/influencer-goal';
import { DEFAULT_SAMPLE_SETTINGS } from '../../shared/domain/sample-rules';
import { influencerSettingsSchema, type InfluencerSettings } from '../../shared/rpc/domains/influencers';
import type { InfluencerExecutor } from './influencer-schema';

export const DEFAULT_INFLUENCER_SETTINGS: InfluencerSettings = { dailyGoal: DEFAULT_DAILY_GOAL, ...DEFAULT_SAMPLE_SETTINGS };

const KEYS = Object.keys(DEFAULT_INFLUENCER_SETTINGS) as (keyof InfluencerSettings)[];

/** One JSON value per key; a missing or hand-damaged value falls back to its default. */
export async function readInfluencerSettings(db: InfluencerExecutor): Promise<InfluencerSettings> {
  const rows = await db.selectFrom('influencer_settings').select(['key', 'value']).execute();
  const result = { ...DEFAULT_INFLUENCER_SETTINGS };
  for (const row of rows) {
    if (!(KEYS as string[]).includes(row.key)) continue;
    const key = row.key as keyof InfluencerSettings;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = influencerSettingsSchema.shape[key].safeParse(value);
    if (parsed.success) result[key] = parsed.data;
  }
  return result;
}

export async function writeInfluencerSettings(db: InfluencerExecutor, patch: Partial<InfluencerSettings>): Promise<void> {
  for (const key of KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    await db.insertInto('influencer_settings').values({ key, value: JSON.stringify(value) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })).execute();
  }
}
