import { z } from 'zod';
import type { CampaignSettings } from '../../shared/rpc/domains/campaigns';
import type { CampaignExecutor } from './campaign-schema';

/** Three days' notice before a sign-up deadline unless the seller sets another lead. */
export const DEFAULT_CAMPAIGN_SETTINGS: CampaignSettings = { signupLeadDays: 3 };

const SCHEMA = { signupLeadDays: z.number().int().min(0).max(30) };

/** One JSON value per key; a missing or hand-damaged value reads as its default. */
export async function readCampaignSettings(db: CampaignExecutor): Promise<CampaignSettings> {
  const rows = await db.selectFrom('campaign_settings').select(['key', 'value']).execute();
  const result: CampaignSettings = { ...DEFAULT_CAMPAIGN_SETTINGS };
  for (const row of rows) {
    if (row.key !== 'signupLeadDays') continue;
    try {
      const parsed = SCHEMA.signupLeadDays.safeParse(JSON.parse(row.value));
      if (parsed.success) result.signupLeadDays = parsed.data;
    } catch {
      // A damaged value keeps the default.
    }
  }
  return result;
}

export async function writeCampaignSettings(db: CampaignExecutor, settings: CampaignSettings, now: Date): Promise<void> {
  const row = { key: 'signupLeadDays', value: JSON.stringify(settings.signupLeadDays), updated_at: now.toISOString() };
  await db
    .insertInto('campaign_settings')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
    .execute();
}
