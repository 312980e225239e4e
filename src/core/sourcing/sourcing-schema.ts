import type { Generated, Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../core-context';
import type { Database } from '../db/schema';

/*
 * The sourcing and supplier tables (migration 0004), kept beside their domain like the
 * routine's, so the shared schema file is not edited by every domain. Money is fen, rates bp,
 * instants ISO UTC text, China days `YYYY-MM-DD`; JSON arrays are TEXT.
 */
export interface SuppliersTable {
  id: Generated<number>;
  name: string;
  wechat: Generated<string>;
  phone: Generated<string>;
  qq: Generated<string>;
  contact_person: Generated<string>;
  shop_links: Generated<string>;
  purchase_channel: Generated<'wechat' | '1688' | 'other'>;
  ship_from: Generated<string>;
  cutoff_time: Generated<string>;
  usual_ship_hours: number | null;
  notes: Generated<string>;
  blacklisted: Generated<number>;
  blacklist_reason: Generated<string>;
  rules_no_reason_7day: number | null;
  rules_postage_payer: 'supplier' | 'seller' | 'buyer' | 'depends' | null;
  rules_damaged: Generated<string>;
  rules_refused: Generated<string>;
  rules_window_days: number | null;
  rules_notes: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface SupplierAddressesTable {
  id: Generated<number>;
  supplier_id: number;
  province_code: string;
  province: string;
  city_code: string;
  city: string;
  district_code: string;
  district: string;
  street: string;
  recipient: string;
  phone: string;
  created_at: string;
}

export interface ProductsTable {
  id: Generated<number>;
  title: string;
  stage: Generated<string>;
  abandon_reason: string | null;
  abandon_note: Generated<string>;
  source_channel: Generated<string>;
  source_links: Generated<string>;
  supplier_id: number | null;
  supplier_sku: Generated<string>;
  supplier_link: Generated<string>;
  cost_fen: Generated<number>;
  supplier_freight_fen: Generated<number>;
  planned_price_fen: number | null;
  commission_bp: Generated<number>;
  platform_fee_bp: Generated<number>;
  coupon_fen: Generated<number>;
  return_allowance_bp: Generated<number>;
  target_margin_bp: Generated<number>;
  audience_tags: Generated<string>;
  category: Generated<string>;
  notes: Generated<string>;
  douyin_product_id: Generated<string>;
  merchant_code: Generated<string>;
  planned_slot: string | null;
  listed_at: string | null;
  first_order_at: string | null;
  /** JSON ListingSnapshot taken when the product was (last) listed. */
  listing_snapshot: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductLinksTable {
  product_id: number;
  normalised: string;
}

export interface ProductStageEventsTable {
  id: Generated<number>;
  product_id: number;
  from_stage: string | null;
  to_stage: string;
  at: string;
  china_date: string;
  reason: string | null;
  note: Generated<string>;
}

export interface ProductLogTable {
  id: Generated<number>;
  product_id: number;
  at: string;
  kind: string;
  before: string;
  after: string;
  reason: string;
}

export interface ProductImagesTable {
  id: Generated<number>;
  product_id: number;
  file_name: string;
  original_name: string;
  mime: string;
  bytes: number;
  created_at: string;
}

export interface SourcingSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SourcingDatabase extends Database {
  suppliers: SuppliersTable;
  supplier_addresses: SupplierAddressesTable;
  products: ProductsTable;
  product_links: ProductLinksTable;
  product_stage_events: ProductStageEventsTable;
  product_log: ProductLogTable;
  product_images: ProductImagesTable;
  sourcing_settings: SourcingSettingsTable;
}

export type SourcingDb = Kysely<SourcingDatabase>;
export type SourcingExecutor = Kysely<SourcingDatabase> | Transaction<SourcingDatabase>;

/** Columns with a database default are `Generated`: optional on insert. */
/** The open database (RECOVERY_MODE when there is none), typed with the sourcing tables. */
export const sourcingDb = (ctx: Pick<CoreContext, 'session'>): SourcingDb => ctx.session.require().db as unknown as SourcingDb;
