import type { Generated, Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../core-context';
import type { SourcingDatabase } from '../sourcing/sourcing-schema';

/*
 * The influencer and sample tables (migration 0012), kept beside their domain like sourcing's.
 * `categories` and `tags` are JSON arrays of text; dates the seller types are China dates.
 */
export interface InfluencersTable {
  id: Generated<number>;
  douyin_id: string | null;
  nickname: string;
  platform: Generated<string>;
  wechat: Generated<string>;
  phone: Generated<string>;
  fans: number | null;
  categories: Generated<string>;
  contact_person: Generated<string>;
  notes: Generated<string>;
  tags: Generated<string>;
  stage: Generated<string>;
  source: string;
  /** The 达人昵称 of the newest order export that carries this 达人ID. */
  export_nickname: string | null;
  next_contact_on: string | null;
  /** The China day the seller added this influencer (counts toward the daily goal); null for those found in orders. */
  added_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface InfluencerContactsTable {
  id: Generated<number>;
  influencer_id: number;
  on_date: string;
  channel: string;
  note: string;
  created_at: string;
}

export interface SamplesTable {
  id: Generated<number>;
  influencer_id: number;
  product_id: number | null;
  product_title: string;
  cost_fen: Generated<number>;
  freight_fen: Generated<number>;
  state: Generated<string>;
  sent_on: string | null;
  tracking_no: Generated<string>;
  signed_on: string | null;
  content_due_on: string | null;
  content_link: Generated<string>;
  content_on: string | null;
  result: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface InfluencerSettingsTable {
  key: string;
  value: string;
}

export interface InfluencerDatabase extends SourcingDatabase {
  influencers: InfluencersTable;
  influencer_contacts: InfluencerContactsTable;
  samples: SamplesTable;
  influencer_settings: InfluencerSettingsTable;
}

export type InfluencerDb = Kysely<InfluencerDatabase>;
export type InfluencerExecutor = Kysely<InfluencerDatabase> | Transaction<InfluencerDatabase>;

/** The open database (RECOVERY_MODE when there is none), typed with the influencer tables. */
export const influencerDb = (ctx: Pick<CoreContext, 'session'>): InfluencerDb => ctx.session.require().db as unknown as InfluencerDb;
