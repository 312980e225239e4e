import type { Generated, Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../core-context';
import type { SourcingDatabase } from '../sourcing/sourcing-schema';

/*
 * The purchase tables (migration 0006), kept beside their domain like sourcing's. Money is fen,
 * instants ISO UTC text; `platform_tracking` is the order export's 快递信息 as last seen.
 */
export interface PurchaseChannelsTable {
  id: Generated<number>;
  builtin: string | null;
  name: string;
  position: number;
  archived: Generated<number>;
}

export interface PurchasesTable {
  id: Generated<number>;
  order_id: string;
  supplier_id: number | null;
  supplier_order_no: Generated<string>;
  amount_fen: number | null;
  paid_at: string | null;
  channel_id: number | null;
  tracking_no: Generated<string>;
  courier: Generated<string>;
  status: Generated<string>;
  status_note: Generated<string>;
  notes: Generated<string>;
  platform_tracking: Generated<string>;
  platform_shipped_at: string | null;
  tracking_mismatch: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PurchaseLinesTable {
  sub_order_id: string;
  purchase_id: number;
}

export interface PurchaseEventsTable {
  id: Generated<number>;
  purchase_id: number;
  at: string;
  source: 'user' | 'import';
  kind: 'created' | 'status' | 'edited' | 'proof_added' | 'proof_removed' | 'tracking';
  from_status: string | null;
  to_status: string | null;
  note: Generated<string>;
}

export interface PurchaseProofsTable {
  id: Generated<number>;
  purchase_id: number;
  original_name: string;
  mime: string;
  bytes: number;
  data: Buffer;
  created_at: string;
}

export interface ProductDefaultSuppliersTable {
  douyin_product_id: string;
  supplier_id: number;
  set_at: string;
}

export interface PurchaseDatabase extends SourcingDatabase {
  purchase_channels: PurchaseChannelsTable;
  purchases: PurchasesTable;
  purchase_lines: PurchaseLinesTable;
  purchase_events: PurchaseEventsTable;
  purchase_proofs: PurchaseProofsTable;
  product_default_suppliers: ProductDefaultSuppliersTable;
}

export type PurchaseDb = Kysely<PurchaseDatabase>;
export type PurchaseExecutor = Kysely<PurchaseDatabase> | Transaction<PurchaseDatabase>;

/** The open database (RECOVERY_MODE when there is none), typed with the purchase tables. */
export const purchaseDb = (ctx: Pick<CoreContext, 'session'>): PurchaseDb => ctx.session.require().db as unknown as PurchaseDb;
