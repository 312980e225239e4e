import type { Generated, Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../core-context';
import type { SourcingDatabase } from '../sourcing/sourcing-schema';

/*
 * The campaign tables (migration 0010), beside their domain like the sourcing ones. Days are China
 * dates `YYYY-MM-DD`, instants ISO UTC text, money fen; `tools` is a JSON array of CampaignTool.
 */
export interface CampaignsTable {
  id: Generated<number>;
  name: string;
  origin: 'platform' | 'own';
  seed_key: string | null;
  year: number;
  signup_start: string | null;
  signup_deadline: string | null;
  run_start: string;
  run_end: string;
  dates_estimated: Generated<number>;
  requirements: Generated<string>;
  tools: Generated<string>;
  notes: Generated<string>;
  status: Generated<'planned' | 'signedUp' | 'skipped'>;
  signed_up_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignProductsTable {
  id: Generated<number>;
  campaign_id: number;
  product_id: number;
  price_fen: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignSeededYearsTable {
  year: number;
  seeded_at: string;
}

export interface CampaignSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** The products table comes with it: a campaign's products are sourcing products. */
export interface CampaignDatabase extends SourcingDatabase {
  campaigns: CampaignsTable;
  campaign_products: CampaignProductsTable;
  campaign_seeded_years: CampaignSeededYearsTable;
  campaign_settings: CampaignSettingsTable;
}

export type CampaignDb = Kysely<CampaignDatabase>;
export type CampaignExecutor = Kysely<CampaignDatabase> | Transaction<CampaignDatabase>;

/** The open database (RECOVERY_MODE when there is none), typed with the campaign tables. */
export const campaignDb = (ctx: Pick<CoreContext, 'session'>): CampaignDb => ctx.session.require().db as unknown as CampaignDb;
