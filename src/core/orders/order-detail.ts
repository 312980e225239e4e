import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { OrderDetail, OrderImportRef, OrderLineDetail, OrderNote, OrderTimelineEntry } from '../../shared/rpc/domains/orders';
import type { Database } from '../db/schema';
import { lineSummary, orderShipBy } from './order-list';

/*
 * One 主订单 for the drawer: every stored column of its lines and the file's other columns
 * (extra_json, personal data already left out at import), the imports that wrote it, each line's
 * status across imports (row_history keeps a line's values before an import changed them), and
 * the seller's notes.
 */

const notFound = (orderId: string) => new AppError('NOT_FOUND', 'no such order', { orderId });

type Row = Record<string, string | number | null> & { sub_order_id: string; order_id: string; status: string | null; extra_json: string; ship_by_key: number; first_import_id: number; last_import_id: number };

const parseRaw = (json: string): Record<string, string> => {
  const value = JSON.parse(json) as unknown;
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v === null ? '' : String(v)]));
};

export async function loadOrderNotes(db: Kysely<Database>, orderId: string): Promise<OrderNote[]> {
  const rows = await db.selectFrom('order_notes').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, orderId: r.order_id, text: r.text, createdAt: r.created_at, updatedAt: r.updated_at }));
}

export async function loadOrderDetail(db: Kysely<Database>, orderId: string): Promise<OrderDetail> {
  const { rows } = await sql<Row>`SELECT *, ship_by_key FROM order_lines WHERE order_id = ${orderId} ORDER BY sub_order_id`.execute(db);
  if (rows.length === 0) throw notFound(orderId);
  const subs = rows.map((r) => r.sub_order_id);
  const history = await db
    .selectFrom('row_history')
    .select(['import_id', 'row_key', 'previous_import_id', sql<string | null>`json_extract(previous, '$.status')`.as('status'), sql<string | null>`json_extract(previous, '$.aftersale_status')`.as('aftersale_status'), sql<string | null>`json_extract(previous, '$.shipped_at')`.as('shipped_at')])
    .where('table_name', '=', 'order_lines')
    .where('row_key', 'in', subs)
    .execute();
  const importIds = new Set<number>();
  for (const r of rows) importIds.add(r.first_import_id).add(r.last_import_id);
  for (const h of history) importIds.add(h.import_id).add(h.previous_import_id);
  const imports: OrderImportRef[] = (
    await db.selectFrom('imports').select(['id', 'file_name', 'imported_at', 'export_time', 'status']).where('id', 'in', [...importIds]).orderBy('id').execute()
  ).map((i) => ({ id: i.id, fileName: i.file_name, importedAt: i.imported_at, exportTime: i.export_time, status: i.status }));
  const importedAt = new Map(imports.map((i) => [i.id, i.importedAt]));

  // A history row holds what the line was before `import_id` changed it: the version `previous_import_id` wrote.
  const timeline: OrderTimelineEntry[] = [
    ...history.map((h) => ({ subOrderId: h.row_key, importId: h.previous_import_id, importedAt: importedAt.get(h.previous_import_id) ?? null, status: h.status, aftersaleStatus: h.aftersale_status, shippedAt: h.shipped_at })),
    ...rows.map((r) => ({ subOrderId: r.sub_order_id, importId: r.last_import_id, importedAt: importedAt.get(r.last_import_id) ?? null, status: r.status as string | null, aftersaleStatus: r.aftersale_status as string | null, shippedAt: r.shipped_at as string | null })),
  ].sort((a, b) => a.importId - b.importId || (a.subOrderId < b.subOrderId ? -1 : a.subOrderId > b.subOrderId ? 1 : 0));

  const lines = rows.map((r): OrderLineDetail => {
    // The summary carries the current 售后状态 (the after-sales export's latest request first, as the list and Today); `columns` the line's own.
    const { extra_json: extra, aftersale_latest: latest, ...columns } = r;
    return { ...lineSummary({ ...r, aftersale_status: latest ?? r.aftersale_status } as never), columns, raw: parseRaw(extra), firstImportId: r.first_import_id, lastImportId: r.last_import_id };
  });
  return { mainOrderId: orderId, shipBy: orderShipBy(rows), lines, imports, timeline, notes: await loadOrderNotes(db, orderId) };
}

export async function addOrderNote(db: Kysely<Database>, orderId: string, text: string, now: Date): Promise<OrderNote[]> {
  const exists = await db.selectFrom('order_lines').select('sub_order_id').where('order_id', '=', orderId).limit(1).executeTakeFirst();
  if (!exists) throw notFound(orderId);
  const at = now.toISOString();
  await db.insertInto('order_notes').values({ order_id: orderId, text, created_at: at, updated_at: at }).execute();
  return loadOrderNotes(db, orderId);
}

export async function updateOrderNote(db: Kysely<Database>, id: number, text: string, now: Date): Promise<OrderNote[]> {
  const note = await db.selectFrom('order_notes').select('order_id').where('id', '=', id).executeTakeFirst();
  if (!note) throw new AppError('NOT_FOUND', 'no such note', { id });
  await db.updateTable('order_notes').set({ text, updated_at: now.toISOString() }).where('id', '=', id).execute();
  return loadOrderNotes(db, note.order_id);
}

export async function removeOrderNote(db: Kysely<Database>, id: number): Promise<OrderNote[]> {
  const note = await db.selectFrom('order_notes').select('order_id').where('id', '=', id).executeTakeFirst();
  if (!note) throw new AppError('NOT_FOUND', 'no such note', { id });
  await db.deleteFrom('order_notes').where('id', '=', id).execute();
  return loadOrderNotes(db, note.order_id);
}
