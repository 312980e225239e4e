import { allocate, lineProfit, sumProfit, type ProfitBreakdown } from '../../shared/domain/profit';
import type { PurchaseStatus } from '../../shared/domain/purchase-status';
import { parseTrackingInfo } from '../../shared/domain/tracking';
import type { PurchaseEvent, PurchaseView, ProofInfo } from '../../shared/rpc/domains/purchases';
import { loadLineFacts, type LineFacts } from './line-facts';
import type { PurchaseExecutor } from './purchase-schema';

/*
 * Purchases as the contract shows them: their lines (from the imported export), proofs (without
 * bytes), events, names and the profit of their lines. A purchase's recorded amount is split over
 * its lines by payable (whole fen, adding up exactly) so per-product profit can use it too.
 */
export function profitOfLines(facts: readonly LineFacts[], amountFen: number | null): ProfitBreakdown {
  const shares = amountFen === null ? null : allocate(amountFen, facts.map((f) => f.profit.payableFen ?? 0));
  return sumProfit(facts.map((f, i) => lineProfit({ ...f.profit, purchaseCostFen: shares === null ? null : shares[i]! })));
}

export async function loadPurchaseViews(db: PurchaseExecutor, ids: readonly number[]): Promise<PurchaseView[]> {
  if (ids.length === 0) return [];
  const purchases = await db
    .selectFrom('purchases')
    .leftJoin('suppliers', 'suppliers.id', 'purchases.supplier_id')
    .leftJoin('purchase_channels', 'purchase_channels.id', 'purchases.channel_id')
    .selectAll('purchases')
    .select(['suppliers.name as supplier_name', 'purchase_channels.name as channel_name'])
    .where('purchases.id', 'in', ids)
    .execute();
  const lines = await db.selectFrom('purchase_lines').selectAll().where('purchase_id', 'in', ids).execute();
  const facts = await loadLineFacts(db, { subOrderIds: lines.map((l) => l.sub_order_id) });
  const factBySub = new Map(facts.map((f) => [f.view.subOrderId, f]));
  const proofs = await db.selectFrom('purchase_proofs').select(['id', 'purchase_id', 'original_name', 'mime', 'bytes', 'created_at']).where('purchase_id', 'in', ids).orderBy('id').execute();
  const events = await db.selectFrom('purchase_events').selectAll().where('purchase_id', 'in', ids).orderBy('id').execute();
  const byId = new Map(
    purchases.map((p) => {
      const own = lines.filter((l) => l.purchase_id === p.id).map((l) => factBySub.get(l.sub_order_id)).filter((f): f is LineFacts => f !== undefined);
      const view: PurchaseView = {
        id: p.id,
        orderId: p.order_id,
        status: p.status as PurchaseStatus,
        statusNote: p.status_note,
        supplierId: p.supplier_id,
        supplierName: p.supplier_name,
        supplierOrderNo: p.supplier_order_no,
        amountFen: p.amount_fen,
        paidAt: p.paid_at,
        channelId: p.channel_id,
        channelName: p.channel_name,
        trackingNo: p.tracking_no,
        courier: p.courier,
        notes: p.notes,
        lines: own.map((f) => f.view),
        platformTracking: parseTrackingInfo(p.platform_tracking === '' ? null : p.platform_tracking),
        platformShippedAt: p.platform_shipped_at,
        trackingMismatch: p.tracking_mismatch === 1,
        refundRequested: own.some((f) => f.refundRequested),
        proofs: proofs.filter((x) => x.purchase_id === p.id).map((x): ProofInfo => ({ id: x.id, purchaseId: x.purchase_id, fileName: x.original_name, mime: x.mime, bytes: x.bytes, createdAt: x.created_at })),
        events: events
          .filter((e) => e.purchase_id === p.id)
          .map((e): PurchaseEvent => ({ id: e.id, at: e.at, source: e.source, kind: e.kind, fromStatus: e.from_status as PurchaseStatus | null, toStatus: e.to_status as PurchaseStatus | null, note: e.note })),
        profit: profitOfLines(own, p.amount_fen),
        createdAt: p.created_at,
        updatedAt: p.updated_at,
      };
      return [p.id, view] as const;
    }),
  );
  return ids.map((id) => byId.get(id)).filter((v): v is PurchaseView => v !== undefined);
}
