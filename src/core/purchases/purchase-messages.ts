import { buildSupplierMessage, joinMessages } from '../../shared/domain/supplier-message';
import { isClosedLine, loadLineFacts, type LineFacts } from './line-facts';
import type { PurchaseExecutor } from './purchase-schema';

/*
 * "复制给供应商" for a selection: one message per purchase (its lines), or per order for lines no
 * purchase covers yet. With a supplier, only what goes to that supplier: purchases assigned to it,
 * and uncovered lines whose product's default supplier it is. Without a selection, every purchase
 * of that supplier still 待采购.
 */
export type SupplierMessage = { orderId: string; purchaseId: number | null; supplierId: number | null; text: string };

const messageOf = (orderId: string, facts: readonly LineFacts[]): string => {
  const first = facts[0];
  return buildSupplierMessage({
    orderId,
    lines: facts.map((f) => ({ productTitle: f.view.productTitle, spec: f.view.spec, quantity: f.view.quantity, skuCode: f.skuCode, supplierSku: f.supplierSku })),
    recipient: first?.recipient ?? null,
    phone: first?.phone ?? null,
    province: first?.province ?? null,
    city: first?.city ?? null,
    district: first?.district ?? null,
    street: first?.street ?? null,
    address: first?.address ?? null,
    buyerNote: first?.buyerNote ?? null,
  });
};

export async function supplierMessages(db: PurchaseExecutor, sel: { ids?: number[]; orderIds?: string[]; supplierId?: number }): Promise<{ messages: SupplierMessage[]; text: string }> {
  let purchaseQuery = db.selectFrom('purchases').select(['id', 'order_id', 'supplier_id', 'status']).where('status', '<>', 'cancelled');
  const orderIds = sel.orderIds ?? [];
  const ids = sel.ids ?? [];
  if (ids.length > 0 || orderIds.length > 0) {
    purchaseQuery = purchaseQuery.where((eb) => eb.or([...(ids.length > 0 ? [eb('id', 'in', ids)] : []), ...(orderIds.length > 0 ? [eb('order_id', 'in', orderIds)] : [])]));
  } else {
    purchaseQuery = purchaseQuery.where('status', '=', 'pending');
  }
  if (sel.supplierId !== undefined) purchaseQuery = purchaseQuery.where('supplier_id', '=', sel.supplierId);
  const purchases = await purchaseQuery.orderBy('order_id').orderBy('id').execute();
  const links = purchases.length === 0 ? [] : await db.selectFrom('purchase_lines').selectAll().where('purchase_id', 'in', purchases.map((p) => p.id)).orderBy('sub_order_id').execute();
  const facts = await loadLineFacts(db, { subOrderIds: links.map((l) => l.sub_order_id) });
  const bySub = new Map(facts.map((f) => [f.view.subOrderId, f]));
  const subsOf = new Map<number, string[]>();
  for (const l of links) subsOf.set(l.purchase_id, [...(subsOf.get(l.purchase_id) ?? []), l.sub_order_id]);
  const messages: SupplierMessage[] = purchases.map((p) => ({
    orderId: p.order_id,
    purchaseId: p.id,
    supplierId: p.supplier_id,
    text: messageOf(p.order_id, (subsOf.get(p.id) ?? []).map((sub) => bySub.get(sub)).filter((f): f is LineFacts => f !== undefined)),
  }));

  // Selected orders' lines no purchase covers yet.
  if (orderIds.length > 0) {
    const coveredRows = await db.selectFrom('purchase_lines').innerJoin('purchases', 'purchases.id', 'purchase_lines.purchase_id').select('purchase_lines.sub_order_id').where('purchases.order_id', 'in', orderIds).execute();
    const covered = new Set(coveredRows.map((r) => r.sub_order_id));
    const open = (await loadLineFacts(db, { orderIds })).filter((f) => !covered.has(f.view.subOrderId) && !isClosedLine(f.view.lineStatus) && f.view.shippedAt === null);
    for (const orderId of orderIds) {
      const own = open.filter((f) => f.orderId === orderId && (sel.supplierId === undefined || f.defaultSupplierId === sel.supplierId));
      if (own.length > 0) messages.push({ orderId, purchaseId: null, supplierId: own[0]?.defaultSupplierId ?? null, text: messageOf(orderId, own) });
    }
  }
  return { messages, text: joinMessages(messages.map((m) => m.text)) };
}
