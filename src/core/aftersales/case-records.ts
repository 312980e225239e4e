import { sql, type RawBuilder } from 'kysely';
import { deadlineCountdown } from '../../shared/domain/aftersale-deadline';
import { arbitrationState, isCaseOpen, type ArbitrationState } from '../../shared/domain/aftersale-state';
import { mapAftersaleType, type AftersaleType } from '../../shared/domain/aftersale-type';
import { parseChinaDateTime } from '../../shared/domain/china-time';
import { caseOwedFen } from '../../shared/domain/supplier-owed';
import type { AftersaleCaseRow, CaseKey, SupplierSource } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';

/*
 * Every case as one record: the imported `aftersales` rows (售后单号 + 商品单号) with what the seller
 * added to them, and the cases made by hand. The export is read live, so a later export's status,
 * amounts and deadline show at once; the seller's fields are joined by the key. A case's supplier
 * is the one set on it, else the supplier of the purchase covering its line, else the product's
 * default (sourcing's product by 商品ID, else 商家编码; then product_default_suppliers).
 */
type RecordRow = {
  case_id: number | null;
  aftersale_id: string | null;
  sub_order_id: string;
  order_id: string | null;
  product_id: string | null;
  product_title: string | null;
  type_text: string | null;
  reason: string | null;
  status: string | null;
  refund_goods_fen: number | null;
  refund_freight_fen: number | null;
  refund_pay_discount_fen: number | null;
  applied_at: string | null;
  deadline_at: string | null;
  arbitration_text: string | null;
  manual_arbitration: string | null;
  return_waybill: string | null;
  return_carrier: string | null;
  case_supplier_id: number | null;
  purchase_supplier_id: number | null;
  product_supplier_id: number | null;
  forward_tracking: string | null;
  forward_courier: string | null;
  forwarded_at: string | null;
  supplier_claim_fen: number | null;
  supplier_refunded: number | null;
  supplier_refund_fen: number | null;
  closed_at: string | null;
  cause_id: number | null;
  cause_name: string | null;
  close_note: string | null;
  evidence_count: number;
  supplier_name: string | null;
};

export const caseKeyOf = (r: { case_id: number | null; aftersale_id: string | null; sub_order_id: string }): CaseKey =>
  r.aftersale_id !== null ? `${r.aftersale_id}/${r.sub_order_id}` : `m${r.case_id ?? 0}`;

/**
 * Narrowing by key columns. `rowids`: these imported cases only (a list page), no hand-made one.
 * `touched`: the cases the seller decides for, not the export — every hand-made case and every
 * imported case the seller closed (case-list.ts reads these in memory and the rest from indexes).
 */
export type RecordScope = {
  orderId?: string;
  subOrderId?: string;
  aftersaleId?: string;
  caseId?: number;
  withDeadline?: boolean;
  /** `aftersales` rowids (a page's cases, as the walk found them). */
  rowids?: readonly number[];
  touched?: boolean;
  /** Only cases whose deadline (China date-time text) is at or after this: the reminder check's window. */
  deadlineFrom?: string;
  /** Only cases with a supplier claim (应退) or refund (已退) recorded: the supplier balances' cases. */
  claimed?: boolean;
};

export const productSupplier = (productId: RawBuilder<unknown>, skuCode: RawBuilder<unknown>) => sql`COALESCE(
    (SELECT p.supplier_id FROM products p WHERE p.douyin_product_id = ${productId} AND p.douyin_product_id <> '' AND p.stage <> 'abandoned' ORDER BY p.id LIMIT 1),
    (SELECT p.supplier_id FROM products p WHERE p.merchant_code = ${skuCode} AND p.merchant_code <> '' AND p.stage <> 'abandoned' ORDER BY p.id LIMIT 1),
    (SELECT d.supplier_id FROM product_default_suppliers d WHERE d.douyin_product_id = ${productId}))`;

export const purchaseSupplier = (subOrderId: RawBuilder<unknown>) =>
  sql`(SELECT pu.supplier_id FROM purchase_lines pl JOIN purchases pu ON pu.id = pl.purchase_id WHERE pl.sub_order_id = ${subOrderId})`;

export async function loadRecords(db: AftersaleExecutor, scope: RecordScope = {}): Promise<RecordRow[]> {
  const importedWhere: RawBuilder<unknown>[] = [sql`1 = 1`];
  const manualWhere: RawBuilder<unknown>[] = [sql`c.aftersale_id IS NULL`];
  if (scope.orderId !== undefined) {
    importedWhere.push(sql`COALESCE(a.order_id, ol.order_id) = ${scope.orderId}`);
    manualWhere.push(sql`c.order_id = ${scope.orderId}`);
  }
  if (scope.subOrderId !== undefined) {
    importedWhere.push(sql`a.sub_order_id = ${scope.subOrderId}`);
    manualWhere.push(sql`c.sub_order_id = ${scope.subOrderId}`);
  }
  if (scope.aftersaleId !== undefined) {
    importedWhere.push(sql`a.aftersale_id = ${scope.aftersaleId}`);
    manualWhere.push(sql`0 = 1`);
  }
  if (scope.caseId !== undefined) {
    importedWhere.push(sql`0 = 1`);
    manualWhere.push(sql`c.id = ${scope.caseId}`);
  }
  if (scope.rowids !== undefined) {
    importedWhere.push(scope.rowids.length === 0 ? sql`0 = 1` : sql`a.rowid IN (${sql.join(scope.rowids.map((id) => sql`${id}`))})`);
    manualWhere.push(sql`0 = 1`);
  }
  // Driven from the seller's rows (a few), not a pass over every imported case.
  if (scope.touched === true)
    importedWhere.push(sql`a.rowid IN (SELECT s.rowid FROM aftersale_cases t JOIN aftersales s ON s.aftersale_id = t.aftersale_id AND s.sub_order_id = t.sub_order_id WHERE t.aftersale_id IS NOT NULL AND t.closed_at IS NOT NULL)`);
  // Also driven from the seller's rows: a supplier balance is a few hundred claims among 200k cases.
  const claimed = (t: string) => sql.raw(`(${t}.supplier_claim_fen IS NOT NULL OR ${t}.supplier_refund_fen IS NOT NULL)`);
  if (scope.claimed === true) {
    importedWhere.push(sql`a.rowid IN (SELECT s.rowid FROM aftersale_cases t JOIN aftersales s ON s.aftersale_id = t.aftersale_id AND s.sub_order_id = t.sub_order_id WHERE t.aftersale_id IS NOT NULL AND ${claimed('t')})`);
    manualWhere.push(claimed('c'));
  }
  if (scope.deadlineFrom !== undefined) {
    importedWhere.push(sql`a.auto_deadline_at >= ${scope.deadlineFrom}`);
    manualWhere.push(sql`c.deadline_at >= ${scope.deadlineFrom}`);
  }
  if (scope.withDeadline === true) {
    // The reminder check (every 30 s) needs only cases with a deadline, not the whole history.
    importedWhere.push(sql`a.auto_deadline_at IS NOT NULL`);
    manualWhere.push(sql`c.deadline_at IS NOT NULL`);
  }
  const evidence = sql`(SELECT COUNT(*) FROM aftersale_evidence e WHERE e.case_id = c.id)`;
  const imported = sql`SELECT c.id AS case_id, a.aftersale_id, a.sub_order_id, COALESCE(a.order_id, ol.order_id) AS order_id,
      COALESCE(a.product_id, ol.product_id) AS product_id, COALESCE(a.product_title, ol.product_title) AS product_title, a.aftersale_type AS type_text,
      COALESCE(NULLIF(a.reason, ''), a.reason_tag) AS reason, a.status, a.refund_goods_fen, a.refund_freight_fen, a.refund_pay_discount_fen, a.applied_at,
      a.auto_deadline_at AS deadline_at, a.arbitration_status AS arbitration_text, NULL AS manual_arbitration, a.return_waybill, a.return_carrier,
      c.supplier_id AS case_supplier_id, ${purchaseSupplier(sql`a.sub_order_id`)} AS purchase_supplier_id,
      ${productSupplier(sql`COALESCE(a.product_id, ol.product_id)`, sql`COALESCE(a.sku_code, ol.sku_code)`)} AS product_supplier_id,
      c.forward_tracking, c.forward_courier, c.forwarded_at, c.supplier_claim_fen, c.supplier_refunded, c.supplier_refund_fen, c.closed_at, c.cause_id,
      ca.name AS cause_name, c.close_note, COALESCE(${evidence}, 0) AS evidence_count
    FROM aftersales a
    LEFT JOIN order_lines ol ON ol.sub_order_id = a.sub_order_id
    LEFT JOIN aftersale_cases c ON c.aftersale_id = a.aftersale_id AND c.sub_order_id = a.sub_order_id
    LEFT JOIN aftersale_causes ca ON ca.id = c.cause_id
    WHERE ${sql.join(importedWhere, sql` AND `)}`;
  const manual = sql`SELECT c.id AS case_id, NULL AS aftersale_id, c.sub_order_id, c.order_id, ol.product_id, ol.product_title, c.type_text, c.reason, NULL AS status,
      c.refund_fen AS refund_goods_fen, NULL AS refund_freight_fen, NULL AS refund_pay_discount_fen, c.created_at AS applied_at, c.deadline_at,
      NULL AS arbitration_text, c.arbitration AS manual_arbitration, NULL AS return_waybill, NULL AS return_carrier,
      c.supplier_id AS case_supplier_id, ${purchaseSupplier(sql`c.sub_order_id`)} AS purchase_supplier_id,
      ${productSupplier(sql`ol.product_id`, sql`ol.sku_code`)} AS product_supplier_id,
      c.forward_tracking, c.forward_courier, c.forwarded_at, c.supplier_claim_fen, c.supplier_refunded, c.supplier_refund_fen, c.closed_at, c.cause_id,
      ca.name AS cause_name, c.close_note, ${evidence} AS evidence_count
    FROM aftersale_cases c
    LEFT JOIN order_lines ol ON ol.sub_order_id = c.sub_order_id
    LEFT JOIN aftersale_causes ca ON ca.id = c.cause_id
    WHERE ${sql.join(manualWhere, sql` AND `)}`;
  const rows = (await sql<Omit<RecordRow, 'supplier_name'>>`${imported} UNION ALL ${manual}`.execute(db)).rows;
  const supplierIds = [...new Set(rows.map((r) => r.case_supplier_id ?? r.purchase_supplier_id ?? r.product_supplier_id).filter((v): v is number => v !== null))];
  const names = new Map<number, string>();
  if (supplierIds.length > 0) for (const s of await db.selectFrom('suppliers').select(['id', 'name']).where('id', 'in', supplierIds).execute()) names.set(s.id, s.name);
  return rows.map((r) => {
    const supplierId = r.case_supplier_id ?? r.purchase_supplier_id ?? r.product_supplier_id;
    return { ...r, evidence_count: Number(r.evidence_count), supplier_name: supplierId === null ? null : (names.get(supplierId) ?? null) };
  });
}

/** A record as the contract shows it, with its type, open state, arbitration, countdown and owed amount. */
export function toCaseRow(r: RecordRow, mappings: ReadonlyMap<string, AftersaleType>, now: Date, leadHours: number): AftersaleCaseRow {
  const imported = r.aftersale_id !== null;
  const supplierId = r.case_supplier_id ?? r.purchase_supplier_id ?? r.product_supplier_id;
  const supplierSource: SupplierSource = r.case_supplier_id !== null ? 'case' : r.purchase_supplier_id !== null ? 'purchase' : r.product_supplier_id !== null ? 'product_default' : 'none';
  const arbitration: ArbitrationState = imported ? arbitrationState(r.arbitration_text, r.status) : ((r.manual_arbitration as ArbitrationState | null) ?? 'none');
  const open = isCaseOpen({ closedBySeller: r.closed_at !== null, imported, status: r.status });
  const deadline = r.deadline_at === null ? null : parseChinaDateTime(r.deadline_at);
  const refunded = r.supplier_refunded === null ? null : r.supplier_refunded === 1;
  return {
    caseKey: caseKeyOf(r),
    origin: imported ? 'import' : 'manual',
    aftersaleId: r.aftersale_id,
    orderId: r.order_id ?? '',
    subOrderId: r.sub_order_id,
    productId: r.product_id,
    productTitle: r.product_title,
    typeText: r.type_text ?? '',
    type: mapAftersaleType(r.type_text, mappings),
    reason: r.reason ?? '',
    status: r.status,
    open,
    refundGoodsFen: r.refund_goods_fen,
    refundFreightFen: r.refund_freight_fen,
    // "One tool computes the actual buyer refund as 退商品金额 − 退支付优惠" (DOUYIN_EXPORTS.md §5).
    buyerRefundFen: r.refund_goods_fen === null ? null : r.refund_goods_fen - (r.refund_pay_discount_fen ?? 0),
    appliedAt: r.applied_at,
    deadlineAt: r.deadline_at,
    // A done case has nothing left to beat the platform to.
    countdown: deadlineCountdown(open ? deadline : null, now, leadHours),
    arbitration,
    arbitrationText: r.arbitration_text,
    returnWaybill: r.return_waybill,
    returnCarrier: r.return_carrier,
    supplierId,
    supplierName: r.supplier_name,
    supplierSource,
    forwardTracking: r.forward_tracking ?? '',
    forwardCourier: r.forward_courier ?? '',
    forwardedAt: r.forwarded_at,
    supplierClaimFen: r.supplier_claim_fen,
    supplierRefunded: refunded,
    supplierRefundFen: r.supplier_refund_fen,
    owedFen: caseOwedFen({ claimFen: r.supplier_claim_fen, refunded, refundedFen: r.supplier_refund_fen }),
    closedAt: r.closed_at,
    causeId: r.cause_id,
    causeName: r.cause_name,
    closeNote: r.close_note ?? '',
    evidenceCount: r.evidence_count,
  };
}

/** Open cases first, by deadline (soonest first, none last), then newest request first. */
export function compareCases(a: AftersaleCaseRow, b: AftersaleCaseRow): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  const da = a.countdown.msLeft;
  const db = b.countdown.msLeft;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da - db;
  }
  return (b.appliedAt ?? '').localeCompare(a.appliedAt ?? '') || a.caseKey.localeCompare(b.caseKey);
}
