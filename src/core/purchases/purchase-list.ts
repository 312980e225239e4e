import { sql } from 'kysely';
import type { PurchaseStatus } from '../../shared/domain/purchase-status';
import { parseTrackingInfo } from '../../shared/domain/tracking';
import type { CostCoverage, PurchaseRow } from '../../shared/rpc/domains/purchases';
import { UNSHIPPED_STATUSES } from '../orders/shipping';
import { loadLineFacts, type LineFacts } from './line-facts';
import type { PurchaseExecutor } from './purchase-schema';
import { profitOfLines } from './purchase-views';

/*
 * The purchases list: every purchase, plus every order with unshipped lines no purchase covers yet
 * (status 待采购, `purchaseId: null`) — in the no-inventory model each such order still has to be
 * bought. Sorted by the earliest 承诺发货时间 (else paid time), one page hydrated. The unshipped lines
 * are found through order_lines_by_status; grouping them by order is the cost at size (see README).
 */
export type ListFilter = { supplierId?: number; status?: PurchaseStatus; orderId?: string; limit: number; offset: number };

const digits = (text: string) => text.replace(/\D/g, '');

function sources(f: ListFilter) {
  const conditions = [sql`1 = 1`];
  if (f.supplierId !== undefined) conditions.push(sql`p.supplier_id = ${f.supplierId}`);
  if (f.status !== undefined) conditions.push(sql`p.status = ${f.status}`);
  const order = f.orderId === undefined ? '' : digits(f.orderId);
  if (order !== '') conditions.push(sql`p.order_id = ${order}`);
  const purchases = sql`SELECT p.id AS purchase_id, p.order_id AS order_id, p.amount_fen AS amount_fen,
      (SELECT MIN(COALESCE(ol.promised_ship_at, ol.paid_at)) FROM purchase_lines pl JOIN order_lines ol ON ol.sub_order_id = pl.sub_order_id WHERE pl.purchase_id = p.id) AS ship_key
    FROM purchases p WHERE ${sql.join(conditions, sql` AND `)}`;
  // Orders still to buy: only when the filter can include them (no supplier chosen yet, status 待采购).
  if (f.supplierId !== undefined || (f.status !== undefined && f.status !== 'pending')) return purchases;
  const orderCondition = order === '' ? sql`` : sql` AND ol.order_id = ${order}`;
  return sql`${purchases} UNION ALL
    SELECT NULL, ol.order_id, NULL, MIN(COALESCE(ol.promised_ship_at, ol.paid_at))
    FROM order_lines ol
    WHERE ol.status IN (${sql.join([...UNSHIPPED_STATUSES])})${orderCondition}
      AND NOT EXISTS (SELECT 1 FROM purchase_lines pl WHERE pl.sub_order_id = ol.sub_order_id)
    GROUP BY ol.order_id`;
}

export async function listPurchases(db: PurchaseExecutor, f: ListFilter): Promise<{ total: number; rows: PurchaseRow[]; coverage: CostCoverage }> {
  const from = sources(f);
  // The union is built once (MATERIALIZED) for the counts and the page: computing it twice was half the time at 300k lines.
  type PageRow = { purchase_id: number | null; order_id: string | null; total: number; orders: number; recorded: number };
  const result = await sql<PageRow>`
    WITH src AS MATERIALIZED (${from}),
      counts AS (SELECT COUNT(*) AS total, COUNT(DISTINCT order_id) AS orders, COUNT(DISTINCT CASE WHEN amount_fen IS NOT NULL THEN order_id END) AS recorded FROM src),
      page AS (SELECT purchase_id, order_id, ship_key FROM src ORDER BY ship_key IS NULL, ship_key, order_id, purchase_id LIMIT ${f.limit} OFFSET ${f.offset})
    SELECT page.purchase_id, page.order_id, counts.total, counts.orders, counts.recorded
    FROM counts LEFT JOIN page ON 1 = 1
    ORDER BY page.ship_key IS NULL, page.ship_key, page.order_id, page.purchase_id`.execute(db);
  const c = result.rows[0] ?? { total: 0, orders: 0, recorded: 0 };
  // A page past the end leaves one row of counts with no order.
  const page = { rows: result.rows.filter((r): r is PageRow & { order_id: string } => r.order_id !== null) };
  const purchaseIds = page.rows.map((r) => r.purchase_id).filter((id): id is number => id !== null);
  const purchases = purchaseIds.length === 0 ? [] : await db
    .selectFrom('purchases')
    .leftJoin('suppliers', 'suppliers.id', 'purchases.supplier_id')
    .leftJoin('purchase_channels', 'purchase_channels.id', 'purchases.channel_id')
    .selectAll('purchases')
    .select(['suppliers.name as supplier_name', 'purchase_channels.name as channel_name'])
    .select((eb) => eb.selectFrom('purchase_proofs').select(eb.fn.countAll<number>().as('n')).whereRef('purchase_proofs.purchase_id', '=', 'purchases.id').as('proofs'))
    .where('purchases.id', 'in', purchaseIds)
    .execute();
  const links = purchaseIds.length === 0 ? [] : await db.selectFrom('purchase_lines').selectAll().where('purchase_id', 'in', purchaseIds).execute();
  const openOrders = page.rows.filter((r) => r.purchase_id === null).map((r) => r.order_id);
  const facts = [...(await loadLineFacts(db, { subOrderIds: links.map((l) => l.sub_order_id) })), ...(await loadLineFacts(db, { orderIds: openOrders }))];
  const bySub = new Map(facts.map((x) => [x.view.subOrderId, x]));
  const supplierIds = [...new Set(facts.map((x) => x.defaultSupplierId).filter((v): v is number => v !== null))];
  const names = new Map((supplierIds.length === 0 ? [] : await db.selectFrom('suppliers').select(['id', 'name']).where('id', 'in', supplierIds).execute()).map((s) => [s.id, s.name]));
  const covered = new Set(links.map((l) => l.sub_order_id));

  const rows = page.rows.map((r): PurchaseRow => {
    const p = purchases.find((x) => x.id === r.purchase_id);
    const own: LineFacts[] = p
      ? links.filter((l) => l.purchase_id === p.id).map((l) => bySub.get(l.sub_order_id)).filter((x): x is LineFacts => x !== undefined)
      : facts.filter((x) => x.orderId === r.order_id && !covered.has(x.view.subOrderId) && (UNSHIPPED_STATUSES as readonly string[]).includes(x.view.lineStatus ?? ''));
    const suggested = own.find((x) => x.defaultSupplierId !== null)?.defaultSupplierId ?? null;
    const shipBy = own.map((x) => x.view.promisedShipAt).filter((v): v is string => v !== null).sort()[0] ?? null;
    return {
      purchaseId: p?.id ?? null,
      orderId: r.order_id,
      status: (p?.status ?? 'pending') as PurchaseStatus,
      supplierId: p?.supplier_id ?? null,
      supplierName: p?.supplier_name ?? null,
      suggestedSupplierId: p?.supplier_id != null ? null : suggested,
      suggestedSupplierName: p?.supplier_id != null || suggested === null ? null : (names.get(suggested) ?? null),
      lines: own.map((x) => x.view),
      amountFen: p?.amount_fen ?? null,
      paidAt: p?.paid_at ?? null,
      channelName: p?.channel_name ?? null,
      trackingNo: p?.tracking_no ?? '',
      platformTracking: parseTrackingInfo(p && p.platform_tracking !== '' ? p.platform_tracking : null),
      trackingMismatch: p?.tracking_mismatch === 1,
      refundRequested: own.some((x) => x.refundRequested),
      proofCount: Number(p?.proofs ?? 0),
      shipBy,
      profit: profitOfLines(own, p?.amount_fen ?? null),
    };
  });
  return { total: Number(c.total), rows, coverage: { orders: Number(c.orders), withRecordedCost: Number(c.recorded) } };
}
