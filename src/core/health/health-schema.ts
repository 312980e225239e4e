import type { Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../core-context';
import type { Database } from '../db/schema';

/* The shop-health tables (migration 0013), typed here so the domain does not widen schema.ts. */
export interface ShopHealthTable {
  on_date: string;
  experience_score: number | null;
  product_score: number | null;
  logistics_score: number | null;
  service_score: number | null;
  dsr: number | null;
  good_review_pct: number | null;
  visitors: number | null;
  clickers: number | null;
  ctr_pct: number | null;
  conversion_pct: number | null;
  reply_3m_pct: number | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface ShopHealthSettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: string;
}

export interface HealthDatabase extends Database {
  shop_health: ShopHealthTable;
  shop_health_settings: ShopHealthSettingsTable;
}

export type HealthExecutor = Kysely<HealthDatabase> | Transaction<HealthDatabase>;

export const healthDb = (ctx: Pick<CoreContext, 'session'>): Kysely<HealthDatabase> => ctx.session.require().db as unknown as Kysely<HealthDatabase>;
