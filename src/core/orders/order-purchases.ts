import { sql, type Kysely } from 'kysely';
import type { PurchaseStatus } from '../../shared/domain/purchase-status';
import type { Database } from '../db/schema';
import { isToPurchase } from './line-state-adapter';

/*
 * The purchase side of a page of the orders desk: which purchase (status, supplier) each listed
 * line is in, and the order's purchase state from its lines. Read by table name (migration 0006),
 * not through src/core/purchases, which itself reads this folder.
 */
export type LinePurchase = { status: PurchaseStatus; supplierId: number | null; supplierName: string | null };

/** The purchase of each of these lines that is in one. */
export async function loadLinePurchases(db: Kysely<Database>, subOrderIds: readonly string[]): Promise<Map<string, LinePurchase>> {
  const out = new Map<string, LinePurchase>();
  // A page holds at most 1,000 orders; chunks keep each statement far below SQLite's bound-variable limit.
  for (let i = 0; i < subOrderIds.length; i += 500) {
    const part = subOrderIds.slice(i, i + 500);
    const { rows } = await sql<{ sub_order_id: string; status: PurchaseStatus; supplier_id: number | null; supplier_name: string | null }>`
      SELECT pl.sub_order_id, p.status, p.supplier_id, s.name AS supplier_name
      FROM purchase_lines pl JOIN purchases p ON p.id = pl.purchase_id LEFT JOIN suppliers s ON s.id = p.supplier_id
      WHERE pl.sub_order_id IN (${sql.join(part)})`.execute(db);
    for (const r of rows) out.set(r.sub_order_id, { status: r.status, supplierId: r.supplier_id, supplierName: r.supplier_name });
  }
  return out;
}

/** Most urgent first: an exception needs the seller now, then the earliest step still to take; 已取消 last. */
const URGENCY: readonly PurchaseStatus[] = ['out_of_stock', 'delayed', 'address_issue', 'pending', 'ordered', 'paid', 'shipped', 'received', 'cancelled'];

type Line = { sub_order_id: string; status: string | null; shipped_at: string | null; aftersale_status: string | null };

/** A line's purchase state: its purchase's, else `pending` while it is still to buy, else none. */
export const linePurchaseStatus = (line: Line, purchase: LinePurchase | undefined): PurchaseStatus | null => purchase?.status ?? (isToPurchase(line) ? 'pending' : null);

/** The order's purchase state (the most urgent of its lines') and its suppliers, by name. */
export function orderPurchase(lines: readonly Line[], purchases: ReadonlyMap<string, LinePurchase>): { purchaseStatus: PurchaseStatus | null; suppliers: { id: number; name: string }[] } {
  const statuses = new Set(lines.map((l) => linePurchaseStatus(l, purchases.get(l.sub_order_id))));
  const suppliers = new Map<number, string>();
  for (const l of lines) {
    const p = purchases.get(l.sub_order_id);
    if (p?.supplierId != null) suppliers.set(p.supplierId, p.supplierName ?? '');
  }
  return { purchaseStatus: URGENCY.find((s) => statuses.has(s)) ?? null, suppliers: [...suppliers].map(([id, name]) => ({ id, name })) };
}
