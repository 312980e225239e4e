import type { Generated, Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../core-context';
import type { PurchaseDatabase } from '../purchases/purchase-schema';

/*
 * The after-sales desk's tables (migration 0008), kept beside their domain like purchases'. Money
 * is fen; instants ISO UTC text; `deadline_at` / `forwarded_at` are China wall-clock text like the
 * export's 自动处理截止时间.
 */
export interface AftersaleCasesTable {
  id: Generated<number>;
  aftersale_id: string | null;
  sub_order_id: string;
  order_id: string;
  type_text: Generated<string>;
  reason: Generated<string>;
  refund_fen: number | null;
  deadline_at: string | null;
  arbitration: Generated<'none' | 'in_arbitration' | 'awaiting_evidence'>;
  supplier_id: number | null;
  forward_tracking: Generated<string>;
  forward_courier: Generated<string>;
  forwarded_at: string | null;
  supplier_claim_fen: number | null;
  supplier_refunded: number | null;
  supplier_refund_fen: number | null;
  closed_at: string | null;
  cause_id: number | null;
  close_note: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface AftersaleEvidenceTable {
  id: Generated<number>;
  case_id: number;
  kind: 'note' | 'file';
  note: Generated<string>;
  original_name: Generated<string>;
  mime: Generated<string>;
  bytes: Generated<number>;
  data: Buffer | null;
  created_at: string;
}

export interface AftersaleCausesTable {
  id: Generated<number>;
  builtin: string | null;
  name: string;
  position: number;
  archived: Generated<number>;
}

export interface AftersaleTypeMappingsTable {
  text: string;
  type: string;
  created_at: string;
}

export interface AftersaleTemplatesTable {
  key: string;
  body: string;
  updated_at: string;
}

export interface AftersaleSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface AftersaleDatabase extends PurchaseDatabase {
  aftersale_cases: AftersaleCasesTable;
  aftersale_evidence: AftersaleEvidenceTable;
  aftersale_causes: AftersaleCausesTable;
  aftersale_type_mappings: AftersaleTypeMappingsTable;
  aftersale_templates: AftersaleTemplatesTable;
  aftersale_settings: AftersaleSettingsTable;
}

export type AftersaleDb = Kysely<AftersaleDatabase>;
export type AftersaleExecutor = Kysely<AftersaleDatabase> | Transaction<AftersaleDatabase>;

/** The open database (RECOVERY_MODE when there is none), typed with the after-sales tables. */
export const aftersaleDb = (ctx: Pick<CoreContext, 'session'>): AftersaleDb => ctx.session.require().db as unknown as AftersaleDb;
