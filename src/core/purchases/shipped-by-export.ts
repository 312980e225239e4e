import { SHIPPABLE_BY_EXPORT, isPurchaseStatus } from '../../shared/domain/purchase-status';
import { parseTrackingInfo, trackingMismatch } from '../../shared/domain/tracking';
import { loadLineFacts } from './line-facts';
import type { PurchaseDb } from './purchase-schema';
import { addEvent } from './purchase-service';

/*
 * Runs after an import committed (the core's `imports.finished` event, see purchase-listener.ts):
 * a later order export that shows every line of a purchase shipped (发货时间) moves it to 已发货,
 * recorded as an `import` event — the platform is the authority that the parcel left, so this
 * move may skip steps the seller never clicked (待采购 → 已发货). The export's 快递信息 is kept
 * beside the supplier's tracking number, never over it; when both exist and differ the purchase
 * is flagged (`tracking_mismatch`). Purchases already shipped or received only get their platform
 * tracking refreshed. Returns the purchases it changed.
 */
export async function applyShippedFromExports(db: PurchaseDb, now: Date): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('purchases').selectAll().where('status', 'not in', ['cancelled', 'received']).execute();
    if (open.length === 0) return [];
    const links = await trx.selectFrom('purchase_lines').innerJoin('purchases', 'purchases.id', 'purchase_lines.purchase_id').select(['purchase_lines.sub_order_id', 'purchase_lines.purchase_id']).where('purchases.status', 'not in', ['cancelled', 'received']).execute();
    const facts = await loadLineFacts(trx, { subOrderIds: links.map((l) => l.sub_order_id) });
    const bySub = new Map(facts.map((f) => [f.view.subOrderId, f]));
    const subsOf = new Map<number, string[]>();
    for (const l of links) subsOf.set(l.purchase_id, [...(subsOf.get(l.purchase_id) ?? []), l.sub_order_id]);
    const changed: number[] = [];
    for (const p of open) {
      const own = (subsOf.get(p.id) ?? []).map((sub) => bySub.get(sub)).filter((f) => f !== undefined);
      if (own.length === 0) continue;
      const shippedTimes = own.map((f) => f.view.shippedAt);
      const allShipped = shippedTimes.every((t) => t !== null);
      const tracking = [...new Set(own.map((f) => f.trackingInfo).filter((t): t is string => t !== null))].join(',');
      const waybills = parseTrackingInfo(tracking === '' ? null : tracking);
      const mismatch = trackingMismatch(p.tracking_no, waybills) ? 1 : 0;
      const shippedAt = allShipped ? (shippedTimes as string[]).sort().at(-1)! : null;
      const status = isPurchaseStatus(p.status) ? p.status : 'pending';
      const move = allShipped && SHIPPABLE_BY_EXPORT.includes(status);
      const trackingChanged = tracking !== p.platform_tracking || mismatch !== p.tracking_mismatch || (shippedAt !== null && shippedAt !== p.platform_shipped_at);
      if (!move && !trackingChanged) continue;
      await trx
        .updateTable('purchases')
        .set({ ...(move && { status: 'shipped', status_note: '' }), platform_tracking: tracking, tracking_mismatch: mismatch, platform_shipped_at: shippedAt ?? p.platform_shipped_at, updated_at: now.toISOString() })
        .where('id', '=', p.id)
        .execute();
      if (move) await addEvent(trx, p.id, now, { source: 'import', kind: 'status', from: status, to: 'shipped', note: `发货时间 ${shippedAt}${tracking ? ` · 快递信息 ${tracking}` : ''}` });
      else await addEvent(trx, p.id, now, { source: 'import', kind: 'tracking', note: tracking });
      changed.push(p.id);
    }
    return changed;
  });
}
