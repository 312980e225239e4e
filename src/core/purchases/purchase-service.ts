import { AppError } from '../../shared/errors';
import { sumProfit } from '../../shared/domain/profit';
import { checkMove, isPurchaseStatus, type PurchaseStatus } from '../../shared/domain/purchase-status';
import type { MoveResult, OrderPurchases, PurchaseFields, PurchaseView } from '../../shared/rpc/domains/purchases';
import { trackingMismatch, parseTrackingInfo } from '../../shared/domain/tracking';
import { isClosedLine, loadLineFacts } from './line-facts';
import type { PurchaseDb, PurchaseExecutor } from './purchase-schema';
import { loadPurchaseViews, profitOfLines } from './purchase-views';

const invalid = (path: string, message: string, extra: Record<string, unknown> = {}) => new AppError('VALIDATION', message, { issues: [{ path, message }], ...extra });

export async function addEvent(db: PurchaseExecutor, purchaseId: number, at: Date, e: { source?: 'user' | 'import'; kind: 'created' | 'status' | 'edited' | 'proof_added' | 'proof_removed' | 'tracking'; from?: string | null; to?: string | null; note?: string }) {
  await db
    .insertInto('purchase_events')
    .values({ purchase_id: purchaseId, at: at.toISOString(), source: e.source ?? 'user', kind: e.kind, from_status: e.from ?? null, to_status: e.to ?? null, note: e.note ?? '' })
    .execute();
}

async function checkReferences(db: PurchaseExecutor, fields: Partial<PurchaseFields>) {
  if (fields.supplierId != null && !(await db.selectFrom('suppliers').select('id').where('id', '=', fields.supplierId).executeTakeFirst())) {
    throw invalid('supplierId', `no supplier ${fields.supplierId}`);
  }
  if (fields.channelId != null && !(await db.selectFrom('purchase_channels').select('id').where('id', '=', fields.channelId).executeTakeFirst())) {
    throw invalid('channelId', `no channel ${fields.channelId}`);
  }
}

const FIELD_OF_COLUMN: Record<string, keyof PurchaseFields> = {
  supplier_id: 'supplierId', supplier_order_no: 'supplierOrderNo', amount_fen: 'amountFen', paid_at: 'paidAt', channel_id: 'channelId', tracking_no: 'trackingNo', courier: 'courier', notes: 'notes',
};

const columnsOf = (f: Partial<PurchaseFields>) => ({
  ...(f.supplierId !== undefined && { supplier_id: f.supplierId }),
  ...(f.supplierOrderNo !== undefined && { supplier_order_no: f.supplierOrderNo.trim() }),
  ...(f.amountFen !== undefined && { amount_fen: f.amountFen }),
  ...(f.paidAt !== undefined && { paid_at: f.paidAt === null ? null : new Date(f.paidAt).toISOString() }),
  ...(f.channelId !== undefined && { channel_id: f.channelId }),
  ...(f.trackingNo !== undefined && { tracking_no: f.trackingNo.trim() }),
  ...(f.courier !== undefined && { courier: f.courier.trim() }),
  ...(f.notes !== undefined && { notes: f.notes }),
});

/** The open lines of an order no purchase covers (closed/cancelled lines need no buying). */
async function uncoveredLines(db: PurchaseExecutor, orderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('order_lines')
    .leftJoin('purchase_lines', 'purchase_lines.sub_order_id', 'order_lines.sub_order_id')
    .select(['order_lines.sub_order_id', 'order_lines.status'])
    .where('order_lines.order_id', '=', orderId)
    .where('purchase_lines.purchase_id', 'is', null)
    .orderBy('order_lines.sub_order_id')
    .execute();
  return rows.filter((r) => !isClosedLine(r.status)).map((r) => r.sub_order_id);
}

/** Remembers a supplier as the default of the lines' products that have none ("set once per product"). */
async function rememberDefault(db: PurchaseExecutor, subOrderIds: readonly string[], supplierId: number, now: Date) {
  const facts = await loadLineFacts(db, { subOrderIds });
  for (const f of facts) {
    if (f.defaultSupplierId !== null) continue;
    const productId = f.view.productId;
    const code = f.skuCode;
    if (!productId && !code) continue;
    const keyed = await db
      .updateTable('products')
      .set({ supplier_id: supplierId, updated_at: now.toISOString() })
      .where('supplier_id', 'is', null)
      .where((eb) => eb.or([...(productId ? [eb('douyin_product_id', '=', productId)] : []), ...(code ? [eb('merchant_code', '=', code)] : [])]))
      .executeTakeFirst();
    if (Number(keyed.numUpdatedRows) === 0 && productId) {
      await db.insertInto('product_default_suppliers').values({ douyin_product_id: productId, supplier_id: supplierId, set_at: now.toISOString() }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}

export async function createPurchase(db: PurchaseDb, orderId: string, subOrderIds: readonly string[] | undefined, fields: Partial<PurchaseFields>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const open = await uncoveredLines(trx, orderId);
    const known = await trx.selectFrom('order_lines').select('sub_order_id').where('order_id', '=', orderId).execute();
    if (known.length === 0) throw new AppError('NOT_FOUND', `no imported order ${orderId}`, { id: orderId });
    const wanted = subOrderIds ?? open;
    for (const sub of wanted) {
      if (!known.some((k) => k.sub_order_id === sub)) throw invalid('subOrderIds', `line ${sub} is not in order ${orderId}`);
      if (!open.includes(sub)) throw invalid('subOrderIds', `line ${sub} is already in a purchase or closed`);
    }
    if (wanted.length === 0) throw invalid('subOrderIds', `order ${orderId} has no open line without a purchase`);
    await checkReferences(trx, fields);
    const facts = await loadLineFacts(trx, { subOrderIds: wanted });
    const supplierId = fields.supplierId !== undefined ? fields.supplierId : (facts.find((f) => f.defaultSupplierId !== null)?.defaultSupplierId ?? null);
    const at = now.toISOString();
    const row = await trx
      .insertInto('purchases')
      .values({ order_id: orderId, created_at: at, updated_at: at, amount_fen: null, paid_at: null, channel_id: null, platform_shipped_at: null, supplier_id: supplierId, ...columnsOf({ ...fields, supplierId }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('purchase_lines').values(wanted.map((sub) => ({ sub_order_id: sub, purchase_id: row.id }))).execute();
    await addEvent(trx, row.id, now, { kind: 'created', to: 'pending' });
    if (supplierId !== null) await rememberDefault(trx, wanted, supplierId, now);
    return row.id;
  });
}

export async function updatePurchase(db: PurchaseDb, id: number, patch: Partial<PurchaseFields>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('purchases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', `no purchase ${id}`);
    await checkReferences(trx, patch);
    const cols = columnsOf(patch);
    const changed = Object.entries(cols).filter(([k, v]) => (current as Record<string, unknown>)[k] !== v).map(([k]) => k);
    if (changed.length === 0) return;
    const tracking = cols.tracking_no ?? current.tracking_no;
    const mismatch = trackingMismatch(tracking, parseTrackingInfo(current.platform_tracking === '' ? null : current.platform_tracking)) ? 1 : 0;
    await trx.updateTable('purchases').set({ ...cols, tracking_mismatch: mismatch, updated_at: now.toISOString() }).where('id', '=', id).execute();
    // The note names the contract's fields (supplierId, amountFen …); the renderer translates them.
    await addEvent(trx, id, now, { kind: 'edited', note: changed.map((c) => FIELD_OF_COLUMN[c] ?? c).join(',') });
    if (cols.supplier_id != null && current.supplier_id === null) {
      const lines = await trx.selectFrom('purchase_lines').select('sub_order_id').where('purchase_id', '=', id).execute();
      await rememberDefault(trx, lines.map((l) => l.sub_order_id), cols.supplier_id, now);
    }
  });
}

/** The open purchases of the orders, creating a pending one for each order's uncovered open lines. */
async function purchasesOfOrders(db: PurchaseExecutor, orderIds: readonly string[], now: Date, created: number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const orderId of orderIds) {
    const open = await uncoveredLines(db, orderId);
    if (open.length > 0) {
      const facts = await loadLineFacts(db, { subOrderIds: open });
      const at = now.toISOString();
      const row = await db
        .insertInto('purchases')
        .values({ order_id: orderId, supplier_id: facts.find((f) => f.defaultSupplierId !== null)?.defaultSupplierId ?? null, amount_fen: null, paid_at: null, channel_id: null, platform_shipped_at: null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('purchase_lines').values(open.map((sub) => ({ sub_order_id: sub, purchase_id: row.id }))).execute();
      await addEvent(db, row.id, now, { kind: 'created', to: 'pending' });
      created.push(row.id);
    }
    const rows = await db.selectFrom('purchases').select('id').where('order_id', '=', orderId).where('status', 'not in', ['received', 'cancelled']).orderBy('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return [...new Set(ids)];
}

export async function movePurchases(db: PurchaseDb, sel: { ids?: number[]; orderIds?: string[] }, to: PurchaseStatus, note: string, now: Date): Promise<MoveResult> {
  return db.transaction().execute(async (trx) => {
    const created: number[] = [];
    const ids = [...new Set([...(sel.ids ?? []), ...(await purchasesOfOrders(trx, sel.orderIds ?? [], now, created))])];
    const moved: number[] = [];
    const refused: MoveResult['refused'] = [];
    for (const id of ids) {
      const row = await trx.selectFrom('purchases').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', `no purchase ${id}`);
      const from = isPurchaseStatus(row.status) ? row.status : 'pending';
      const problem = checkMove(from, to, note);
      if (problem !== null) {
        refused.push({ id, from, to, problem });
        continue;
      }
      await trx.updateTable('purchases').set({ status: to, status_note: note.trim(), updated_at: now.toISOString() }).where('id', '=', id).execute();
      await addEvent(trx, id, now, { kind: 'status', from, to, note: note.trim() });
      moved.push(id);
    }
    return { moved, created, refused };
  });
}

export async function assignSupplier(db: PurchaseDb, orderIds: readonly string[], supplierId: number, remember: boolean, now: Date) {
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, { supplierId });
    const skipped: { orderId: string; problem: 'not_found' | 'no_open_lines' }[] = [];
    const created: number[] = [];
    const touched: number[] = [];
    for (const orderId of orderIds) {
      const exists = await trx.selectFrom('order_lines').select('sub_order_id').where('order_id', '=', orderId).limit(1).executeTakeFirst();
      if (!exists) {
        skipped.push({ orderId, problem: 'not_found' });
        continue;
      }
      const ids = await purchasesOfOrders(trx, [orderId], now, created);
      if (ids.length === 0) {
        skipped.push({ orderId, problem: 'no_open_lines' });
        continue;
      }
      for (const id of ids) {
        const before = await trx.selectFrom('purchases').select('supplier_id').where('id', '=', id).executeTakeFirstOrThrow();
        if (before.supplier_id === supplierId) {
          touched.push(id);
          continue;
        }
        await trx.updateTable('purchases').set({ supplier_id: supplierId, updated_at: now.toISOString() }).where('id', '=', id).execute();
        await addEvent(trx, id, now, { kind: 'edited', note: 'supplierId' });
        touched.push(id);
      }
      if (remember) {
        const lines = await trx.selectFrom('purchase_lines').select('sub_order_id').where('purchase_id', 'in', ids).execute();
        await rememberDefault(trx, lines.map((l) => l.sub_order_id), supplierId, now);
      }
    }
    return { purchases: touched, created, skipped };
  });
}

export async function getPurchase(db: PurchaseExecutor, id: number): Promise<PurchaseView> {
  const [view] = await loadPurchaseViews(db, [id]);
  if (!view) throw new AppError('NOT_FOUND', `no purchase ${id}`);
  return view;
}

export async function forOrder(db: PurchaseExecutor, orderId: string): Promise<OrderPurchases> {
  const facts = await loadLineFacts(db, { orderIds: [orderId] });
  if (facts.length === 0) throw new AppError('NOT_FOUND', `no imported order ${orderId}`, { id: orderId });
  const rows = await db.selectFrom('purchases').select('id').where('order_id', '=', orderId).orderBy('id').execute();
  const purchases = await loadPurchaseViews(db, rows.map((r) => r.id));
  const covered = new Set(purchases.flatMap((p) => p.lines.map((l) => l.subOrderId)));
  const uncovered = facts.filter((f) => !covered.has(f.view.subOrderId) && !isClosedLine(f.view.lineStatus));
  // The order's profit: its live purchases (recorded amounts) and estimates for open lines none covers.
  const parts = [...purchases.filter((p) => p.status !== 'cancelled').map((p) => p.profit), profitOfLines(uncovered, null)];
  return {
    orderId,
    lines: facts.map((f) => f.view),
    uncoveredSubOrderIds: uncovered.map((f) => f.view.subOrderId),
    purchases,
    suggestedSupplierId: facts.find((f) => f.defaultSupplierId !== null)?.defaultSupplierId ?? null,
    refundRequested: facts.some((f) => f.refundRequested),
    profit: sumProfit(parts),
  };
}
