import type { Generated, Kysely } from 'kysely';
import type { CoreContext } from '../core-context';
import type { BillRow, FundsRow } from './movements';

/*
 * The tables money reads and writes, typed here so the domain does not depend on the rest of the
 * schema file: its own (migration 0005: money_settings, deposit_rates, deposit_ledger) and the
 * columns it reads from the importer's tables (migration 0002), which it never writes.
 */
export interface MoneySettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: string;
}

export interface DepositRatesTable {
  entity: 'individual' | 'soleProprietor' | 'company';
  category: string;
  /** Null: the category is not open to the entity type, or the figure is unknown. */
  amount_fen: number | null;
  position: number;
}

/** Deposit movements typed in by the user; funds-flow ones are recognised at read time. */
export interface DepositLedgerTable {
  id: Generated<number>;
  on_date: string;
  kind: 'paid' | 'topUp' | 'deduction' | 'refund';
  /** Magnitude; the kind gives the sign. */
  amount_fen: number;
  note: string;
  created_at: string;
}

type ReadOnlyOrderLines = {
  sub_order_id: string;
  order_id: string;
  product_title: string | null;
  payable_fen: number | null;
  platform_borne_fen: number | null;
  influencer_borne_fen: number | null;
  influencer_id: string | null;
  shipped_at: string | null;
  completed_at: string | null;
  status: string | null;
  aftersale_status: string | null;
};

type ReadOnlyAftersales = {
  aftersale_id: string;
  sub_order_id: string;
  status: string | null;
  refund_goods_fen: number | null;
  applied_at: string | null;
  closed_at: string | null;
  finished_at: string | null;
};

/** The forecast's snapshot kept on disk (migration 0019, money-snapshot.ts): one row. */
export interface MoneyKeptSnapshotTable {
  id: number;
  /** importsVersion() of the data the snapshot was built from. */
  version: string;
  format: number;
  /** JSON (encodeSnapshot). */
  body: string;
  kept_at: string;
}

export interface MoneyDatabase {
  money_settings: MoneySettingsTable;
  money_kept_snapshot: MoneyKeptSnapshotTable;
  deposit_rates: DepositRatesTable;
  deposit_ledger: DepositLedgerTable;
  order_lines: ReadOnlyOrderLines;
  aftersales: ReadOnlyAftersales;
  funds_flows: FundsRow & { note: string | null; account: string | null };
  settlement_lines: BillRow;
}

/** The open database (RECOVERY_MODE when there is none), typed with money's tables. */
export const moneyDb = (ctx: Pick<CoreContext, 'session'>): Kysely<MoneyDatabase> => ctx.session.require().db as unknown as Kysely<MoneyDatabase>;
