import { sql } from 'kysely';
import { formatFen } from '../../shared/domain/cost-stack';
import { BUILTIN_TYPE_TEXTS, type AftersaleType } from '../../shared/domain/aftersale-type';
import { AppError } from '../../shared/errors';
import type { AftersaleCaseDetail, AftersaleResults, CaseKey, CasePatch } from '../../shared/rpc/domains/aftersales';
import type { FieldKey } from '../../shared/validation/field-specs';
import type { Problem } from '../../shared/validation/problems';
import { validationMessage } from '../../shared/i18n/validation-messages';
import type { AftersaleExecutor } from './aftersale-schema';
import { caseRows } from './case-list';
import { listEvidence } from './evidence';
import { returnCard } from './return-card';

/** A case key as the records scope it: an imported 售后单号 + 商品单号, or a hand-made case's id. */
export function parseCaseKey(key: CaseKey): { aftersaleId: string; subOrderId: string } | { caseId: number } {
  if (key.startsWith('m')) return { caseId: Number(key.slice(1)) };
  const [aftersaleId = '', subOrderId = ''] = key.split('/');
  return { aftersaleId, subOrderId };
}

const invalid = (path: string, field: FieldKey, problem: Problem) =>
  new AppError('VALIDATION', validationMessage({ field, problem }, 'en-US'), { issues: [{ path, field, problem, message: validationMessage({ field, problem }, 'en-US') }] });

const notFound = (key: string) => new AppError('NOT_FOUND', `no after-sales case ${key}`);

/** The seller's row of a case, created on the first write to an imported case. Returns its id. */
export async function ensureCaseRow(db: AftersaleExecutor, key: CaseKey, now: Date): Promise<number> {
  const parsed = parseCaseKey(key);
  if ('caseId' in parsed) {
    const row = await db.selectFrom('aftersale_cases').select('id').where('id', '=', parsed.caseId).where('aftersale_id', 'is', null).executeTakeFirst();
    if (!row) throw notFound(key);
    return row.id;
  }
  const existing = await db.selectFrom('aftersale_cases').select('id').where('aftersale_id', '=', parsed.aftersaleId).where('sub_order_id', '=', parsed.subOrderId).executeTakeFirst();
  if (existing) return existing.id;
  const source = (
    await sql<{ order_id: string | null }>`SELECT COALESCE(a.order_id, ol.order_id) AS order_id FROM aftersales a LEFT JOIN order_lines ol ON ol.sub_order_id = a.sub_order_id
      WHERE a.aftersale_id = ${parsed.aftersaleId} AND a.sub_order_id = ${parsed.subOrderId}`.execute(db)
  ).rows[0];
  if (!source) throw notFound(key);
  const at = now.toISOString();
  const row = await db
    .insertInto('aftersale_cases')
    .values({ aftersale_id: parsed.aftersaleId, sub_order_id: parsed.subOrderId, order_id: source.order_id ?? '', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of a case's seller row when it has one (an imported case nobody touched has none). */
async function caseRowId(db: AftersaleExecutor, key: CaseKey): Promise<number | null> {
  const parsed = parseCaseKey(key);
  if ('caseId' in parsed) return parsed.caseId;
  const row = await db.selectFrom('aftersale_cases').select('id').where('aftersale_id', '=', parsed.aftersaleId).where('sub_order_id', '=', parsed.subOrderId).executeTakeFirst();
  return row?.id ?? null;
}

export async function getCase(db: AftersaleExecutor, key: CaseKey, now: Date): Promise<AftersaleCaseDetail> {
  const { rows } = await caseRows(db, now, parseCaseKey(key));
  const row = rows.find((r) => r.caseKey === key);
  if (!row) throw notFound(key);
  const [line, note, tracking, card, evidence] = await Promise.all([
    db.selectFrom('order_lines').select(['status', 'quantity', 'payable_fen', 'buyer_note']).where('sub_order_id', '=', row.subOrderId).executeTakeFirst(),
    row.aftersaleId === null
      ? Promise.resolve(undefined)
      : db.selectFrom('aftersales').select('merchant_note').where('aftersale_id', '=', row.aftersaleId).where('sub_order_id', '=', row.subOrderId).executeTakeFirst(),
    db.selectFrom('purchase_lines').innerJoin('purchases', 'purchases.id', 'purchase_lines.purchase_id').select('purchases.tracking_no').where('purchase_lines.sub_order_id', '=', row.subOrderId).executeTakeFirst(),
    returnCard(db, row.supplierId),
    caseRowId(db, key).then((id) => listEvidence(db, id)),
  ]);
  const amount = row.buyerRefundFen ?? line?.payable_fen ?? null;
  return {
    ...row,
    lineStatus: line?.status ?? null,
    quantity: line?.quantity ?? null,
    payableFen: line?.payable_fen ?? null,
    buyerNote: line?.buyer_note ?? null,
    merchantNote: note?.merchant_note ?? null,
    returnCard: card,
    evidence,
    fillValues: {
      订单号: row.orderId,
      商品: row.productTitle,
      金额: amount === null ? null : formatFen(amount),
      退货地址: card.status === 'ok' ? card.copyText : null,
      运单号: tracking && tracking.tracking_no !== '' ? tracking.tracking_no : null,
    },
  };
}

export async function casesForOrder(db: AftersaleExecutor, orderId: string, now: Date): Promise<AftersaleResults['aftersales.forOrder']> {
  const lines = await db.selectFrom('order_lines').select(['sub_order_id', 'product_title', 'payable_fen', 'status', 'aftersale_status']).where('order_id', '=', orderId).orderBy('sub_order_id').execute();
  if (lines.length === 0) throw new AppError('NOT_FOUND', `no imported line has order number ${orderId}`);
  const { rows } = await caseRows(db, now, { orderId });
  return {
    orderId,
    lines: lines.map((l) => ({ subOrderId: l.sub_order_id, productTitle: l.product_title, payableFen: l.payable_fen, status: l.status, aftersaleStatus: l.aftersale_status })),
    cases: rows,
  };
}

export async function createCase(
  db: AftersaleExecutor,
  input: { subOrderId: string; type: AftersaleType; reason: string; refundFen: number | null; deadlineAt: string | null },
  now: Date,
): Promise<CaseKey> {
  const line = await db.selectFrom('order_lines').select(['order_id']).where('sub_order_id', '=', input.subOrderId).executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', `no imported line ${input.subOrderId}`);
  const at = now.toISOString();
  const row = await db
    .insertInto('aftersale_cases')
    .values({
      aftersale_id: null,
      sub_order_id: input.subOrderId,
      order_id: line.order_id,
      type_text: BUILTIN_TYPE_TEXTS[input.type],
      reason: input.reason,
      refund_fen: input.refundFen,
      deadline_at: normaliseDateTime(input.deadlineAt),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `m${row.id}`;
}

/** `YYYY-MM-DD HH:MM` is stored with seconds, the export's form, so texts compare as instants. */
const normaliseDateTime = (text: string | null | undefined): string | null => (text === null || text === undefined ? null : text.length === 16 ? `${text.replace('T', ' ')}:00` : text.replace('T', ' '));

const MANUAL_ONLY = { reason: 'aftersaleReason', refundFen: 'aftersaleRefund', deadlineAt: 'aftersaleDeadline', arbitration: 'aftersaleReason' } as const satisfies Partial<Record<keyof CasePatch, FieldKey>>;

export async function updateCase(db: AftersaleExecutor, key: CaseKey, patch: CasePatch, now: Date): Promise<void> {
  const imported = !key.startsWith('m');
  if (imported) {
    for (const name of Object.keys(MANUAL_ONLY) as (keyof typeof MANUAL_ONLY)[]) {
      // The export is the authority on an imported case's own fields; a later export would overwrite them anyway.
      if (patch[name] !== undefined) throw invalid(`patch.${name}`, MANUAL_ONLY[name], 'invalid');
    }
  }
  if (patch.supplierId !== undefined && patch.supplierId !== null) {
    const supplier = await db.selectFrom('suppliers').select('id').where('id', '=', patch.supplierId).executeTakeFirst();
    if (!supplier) throw new AppError('NOT_FOUND', `no supplier ${patch.supplierId}`);
  }
  await db.transaction().execute(async (trx) => {
    const id = await ensureCaseRow(trx, key, now);
    const current = await trx.selectFrom('aftersale_cases').select(['supplier_refunded', 'supplier_refund_fen']).where('id', '=', id).executeTakeFirstOrThrow();
    const refunded = patch.supplierRefunded !== undefined ? patch.supplierRefunded : current.supplier_refunded === null ? null : current.supplier_refunded === 1;
    const refundFen = patch.supplierRefundFen !== undefined ? patch.supplierRefundFen : current.supplier_refund_fen;
    // "Refunded yes" needs how much; an amount with "no" or "not known" would count as refunded nowhere.
    if (refunded === true && refundFen === null) throw invalid('patch.supplierRefundFen', 'supplierRefund', 'required');
    if (refunded !== true && refundFen !== null && patch.supplierRefundFen !== undefined) throw invalid('patch.supplierRefundFen', 'supplierRefund', 'invalid');
    await trx
      .updateTable('aftersale_cases')
      .set({
        ...(patch.supplierId === undefined ? {} : { supplier_id: patch.supplierId }),
        ...(patch.forwardTracking === undefined ? {} : { forward_tracking: patch.forwardTracking.trim() }),
        ...(patch.forwardCourier === undefined ? {} : { forward_courier: patch.forwardCourier.trim() }),
        ...(patch.forwardedAt === undefined ? {} : { forwarded_at: normaliseDateTime(patch.forwardedAt) }),
        ...(patch.supplierClaimFen === undefined ? {} : { supplier_claim_fen: patch.supplierClaimFen }),
        ...(patch.supplierRefunded === undefined ? {} : { supplier_refunded: patch.supplierRefunded === null ? null : patch.supplierRefunded ? 1 : 0 }),
        // "Not refunded" clears a stale amount rather than keeping a figure that counts nowhere.
        ...(refunded !== true ? { supplier_refund_fen: null } : patch.supplierRefundFen === undefined ? {} : { supplier_refund_fen: patch.supplierRefundFen }),
        ...(patch.reason === undefined ? {} : { reason: patch.reason }),
        ...(patch.refundFen === undefined ? {} : { refund_fen: patch.refundFen }),
        ...(patch.deadlineAt === undefined ? {} : { deadline_at: normaliseDateTime(patch.deadlineAt) }),
        ...(patch.arbitration === undefined ? {} : { arbitration: patch.arbitration }),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
  });
}

export async function closeCase(db: AftersaleExecutor, key: CaseKey, causeId: number, note: string, now: Date): Promise<void> {
  const cause = await db.selectFrom('aftersale_causes').select(['id', 'archived']).where('id', '=', causeId).executeTakeFirst();
  if (!cause || cause.archived === 1) throw new AppError('VALIDATION', 'unknown cause', { issues: [{ path: 'causeId', field: 'causeName', problem: 'invalid', message: 'Cause name is not valid' }] });
  await db.transaction().execute(async (trx) => {
    const id = await ensureCaseRow(trx, key, now);
    await trx.updateTable('aftersale_cases').set({ closed_at: now.toISOString(), cause_id: causeId, close_note: note, updated_at: now.toISOString() }).where('id', '=', id).execute();
  });
}

export async function reopenCase(db: AftersaleExecutor, key: CaseKey, now: Date): Promise<void> {
  const id = await caseRowId(db, key);
  if (id === null) return;
  await db.updateTable('aftersale_cases').set({ closed_at: null, cause_id: null, close_note: '', updated_at: now.toISOString() }).where('id', '=', id).execute();
}
