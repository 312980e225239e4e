import { chinaDate, parseChinaDateTime } from '../../shared/domain/china-time';
import { computeCostStack } from '../../shared/domain/cost-stack';
import { extractLink, extractPriceFen, normaliseLink } from '../../shared/domain/product-link';
import { shareTitle } from '../../shared/domain/share-title';
import { validationMessage } from '../../shared/i18n/validation-messages';
import { FIELD_SPECS } from '../../shared/validation/field-specs';
import { checkMove, type AbandonReason, type ProductStage } from '../../shared/domain/sourcing-pipeline';
import { AppError } from '../../shared/errors';
import type {
  DuplicateHit,
  LogKind,
  ListingSnapshot,
  MoveRefusal,
  ProductDetail,
  ProductFields,
  ProductLogEntry,
  ProductSummary,
  SourceChannel,
  UpdateResult,
} from '../../shared/rpc/domains/sourcing';
import { supplierFacts } from '../suppliers/supplier-facts';
import { firstOrderTime, orderFigures } from './order-links';
import { columnsOf, costInputsOf, fieldsOf, parseSnapshot, summaryOf, type ProductRow } from './product-rows';
import type { Updateable } from 'kysely';
import type { ProductsTable, SourcingDb, SourcingExecutor } from './sourcing-schema';

const LISTED_STAGES: readonly ProductStage[] = ['listed', 'selling', 'delisted'];

async function requireRow(db: SourcingExecutor, id: number): Promise<ProductRow> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no product ${id}`);
  return row;
}

async function summaries(db: SourcingExecutor, rows: ProductRow[], now: Date): Promise<ProductSummary[]> {
  const facts = await supplierFacts(db, rows.flatMap((r) => (r.supplier_id === null ? [] : [r.supplier_id])));
  const images = rows.length === 0 ? [] : await db.selectFrom('product_images').select(['product_id', (eb) => eb.fn.min<number>('id').as('first')]).where('product_id', 'in', rows.map((r) => r.id)).groupBy('product_id').execute();
  const mainImage = new Map(images.map((i) => [i.product_id, i.first]));
  const result: ProductSummary[] = [];
  for (const r of rows) {
    const orders = await orderFigures(db, { douyinProductId: r.douyin_product_id, merchantCode: r.merchant_code }, now);
    result.push(summaryOf(r, orders, r.supplier_id === null ? null : (facts.get(r.supplier_id) ?? null), mainImage.get(r.id) ?? null));
  }
  return result;
}

export type ListFilter = { stages?: ProductStage[]; search?: string; supplierId?: number; sourceChannel?: SourceChannel };

export async function listProducts(db: SourcingExecutor, filter: ListFilter, now: Date): Promise<ProductSummary[]> {
  let q = db.selectFrom('products').selectAll();
  if (filter.stages && filter.stages.length > 0) q = q.where('stage', 'in', filter.stages);
  if (filter.supplierId !== undefined) q = q.where('supplier_id', '=', filter.supplierId);
  if (filter.sourceChannel !== undefined) q = q.where('source_channel', '=', filter.sourceChannel);
  const search = filter.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('title', 'like', eb.val(like)),
        eb('category', 'like', like),
        eb('douyin_product_id', '=', search),
        eb('merchant_code', '=', search),
        eb('audience_tags', 'like', like),
      ]),
    );
  }
  return summaries(db, await q.orderBy('id', 'desc').execute(), now);
}

export async function getProduct(db: SourcingExecutor, id: number, now: Date): Promise<ProductDetail> {
  const row = await requireRow(db, id);
  const [summary] = await summaries(db, [row], now);
  if (!summary) throw new AppError('NOT_FOUND', `no product ${id}`);
  const log = await db.selectFrom('product_log').selectAll().where('product_id', '=', id).orderBy('id', 'desc').execute();
  const history = await db.selectFrom('product_stage_events').selectAll().where('product_id', '=', id).orderBy('id').execute();
  const images = await db.selectFrom('product_images').selectAll().where('product_id', '=', id).orderBy('id').execute();
  const blacklist =
    row.supplier_id === null ? null : await db.selectFrom('suppliers').select(['blacklisted', 'blacklist_reason']).where('id', '=', row.supplier_id).executeTakeFirst();
  return {
    ...summary,
    snapshot: parseSnapshot(row.listing_snapshot),
    log: log.map((l) => ({ id: l.id, at: l.at, kind: l.kind as LogKind, before: l.before, after: l.after, reason: l.reason })),
    history: history.map((h) => ({ at: h.at, from: h.from_stage as ProductStage | null, to: h.to_stage as ProductStage, reason: h.reason as AbandonReason | null, note: h.note })),
    images: images.map((i) => ({ id: i.id, fileName: i.original_name, mime: i.mime, bytes: i.bytes, createdAt: i.created_at })),
    supplierBlacklistReason: blacklist?.blacklisted === 1 ? blacklist.blacklist_reason : null,
  };
}

const normalisedLinks = (links: readonly string[]): string[] => [...new Set(links.flatMap((l) => normaliseLink(l) ?? []))];

async function writeLinks(db: SourcingExecutor, productId: number, links: readonly string[]): Promise<void> {
  await db.deleteFrom('product_links').where('product_id', '=', productId).execute();
  const rows = normalisedLinks(links).map((normalised) => ({ product_id: productId, normalised }));
  if (rows.length > 0) await db.insertInto('product_links').values(rows).execute();
}

/** Other products with the same normalised link, or already listed under the same 抖店 商品ID. */
export async function findDuplicates(db: SourcingExecutor, productId: number | null, links: readonly string[], douyinProductId: string): Promise<DuplicateHit[]> {
  const hits = new Map<number, DuplicateHit>();
  const norm = normalisedLinks(links);
  if (norm.length > 0) {
    const rows = await db
      .selectFrom('product_links')
      .innerJoin('products', 'products.id', 'product_links.product_id')
      .select(['products.id', 'products.title', 'products.stage'])
      .where('product_links.normalised', 'in', norm)
      .execute();
    for (const r of rows) if (r.id !== productId) hits.set(r.id, { id: r.id, title: r.title, stage: r.stage as ProductStage, match: 'link' });
  }
  if (douyinProductId.trim() !== '') {
    const rows = await db
      .selectFrom('products')
      .select(['id', 'title', 'stage'])
      .where('douyin_product_id', '=', douyinProductId.trim())
      .where('stage', 'in', LISTED_STAGES)
      .execute();
    for (const r of rows) if (r.id !== productId && !hits.has(r.id)) hits.set(r.id, { id: r.id, title: r.title, stage: r.stage as ProductStage, match: 'douyin_product_id' });
  }
  return [...hits.values()];
}

async function recordStage(db: SourcingExecutor, productId: number, from: ProductStage | null, to: ProductStage, now: Date, reason: AbandonReason | null, note: string) {
  await db
    .insertInto('product_stage_events')
    .values({ product_id: productId, from_stage: from, to_stage: to, at: now.toISOString(), china_date: chinaDate(now), reason, note })
    .execute();
}

export async function createProduct(db: SourcingDb, fields: Partial<ProductFields> & { title: string }, now: Date): Promise<{ id: number; duplicates: DuplicateHit[] }> {
  return db.transaction().execute((trx) => insertProduct(trx, fields, now));
}

/** One new candidate inside the caller's transaction (CSV imports add many in one). */
export async function insertProduct(trx: SourcingExecutor, fields: Partial<ProductFields> & { title: string }, now: Date): Promise<{ id: number; duplicates: DuplicateHit[] }> {
  {
    const at = now.toISOString();
    const row = await trx
      .insertInto('products')
      .values({ ...columnsOf(fields), title: fields.title.trim(), created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(trx, row.id, fields.sourceLinks ?? []);
    await recordStage(trx, row.id, null, 'candidate', now, null, '');
    const duplicates = await findDuplicates(trx, row.id, fields.sourceLinks ?? [], fields.douyinProductId ?? '');
    return { id: row.id, duplicates };
  }
}

/** Pasted text → a candidate titled from the 【…】 part of a share text, or the link's host. */
/** A bare link's product: its host and path, or the host alone when the path is long. */
const linkLabel = (link: string): string => {
  const label = (normaliseLink(link) ?? link).replace(/^https:\/\//, '');
  return label.length <= FIELD_SPECS.productTitle.max ? label : (label.split('/')[0] ?? label);
};

export async function captureProduct(db: SourcingDb, text: string, priceFen: number | undefined, now: Date) {
  const link = extractLink(text);
  if (link === null) throw new AppError('VALIDATION', 'the pasted text holds no http(s) link', { issues: [{ path: 'text', message: 'no link' }] });
  const title = shareTitle(text) ?? linkLabel(link);
  // A title past the limit is refused with its reason, never cut to fit.
  if (title.length > FIELD_SPECS.productTitle.max) {
    const issue = { path: 'text', field: 'productTitle' as const, problem: 'tooLong' as const };
    throw new AppError('VALIDATION', 'the title in the pasted text is too long', { issues: [{ ...issue, message: validationMessage(issue, 'en-US') }] });
  }
  const price = priceFen ?? extractPriceFen(text);
  return createProduct(db, { title, sourceLinks: [link], ...(price === null ? {} : { costFen: price }) }, now);
}

const LOGGED: { field: 'title' | 'plannedPriceFen' | 'supplierSku'; kind: LogKind }[] = [
  { field: 'title', kind: 'title' },
  { field: 'plannedPriceFen', kind: 'price' },
  { field: 'supplierSku', kind: 'sku' },
];

export async function updateProduct(
  db: SourcingDb,
  id: number,
  patch: Partial<ProductFields>,
  options: { logReason?: string; confirmPriceChange?: boolean },
  now: Date,
): Promise<{ status: 'saved'; duplicates: DuplicateHit[] } | Exclude<UpdateResult, { status: 'saved' }>> {
  return db.transaction().execute(async (trx) => {
    const row = await requireRow(trx, id);
    const before = fieldsOf(row);
    const priceChanges = patch.plannedPriceFen !== undefined && patch.plannedPriceFen !== before.plannedPriceFen;
    if (priceChanges && !options.confirmPriceChange) {
      const orders = await orderFigures(trx, { douyinProductId: row.douyin_product_id, merchantCode: row.merchant_code }, now);
      if (orders.ordersAll > 0 || row.stage === 'selling') return { status: 'price_change_warning', ordersAll: orders.ordersAll, suggestion: 'add_cheaper_sku' };
    }
    await trx.updateTable('products').set({ ...columnsOf(patch), updated_at: now.toISOString() }).where('id', '=', id).execute();
    if (patch.sourceLinks !== undefined) await writeLinks(trx, id, patch.sourceLinks);
    // Optimisation happens after listing; earlier edits are just filling in the candidate.
    if (LISTED_STAGES.includes(row.stage as ProductStage)) {
      for (const { field, kind } of LOGGED) {
        const after = patch[field];
        if (after === undefined || after === before[field]) continue;
        await trx
          .insertInto('product_log')
          .values({ product_id: id, at: now.toISOString(), kind, before: String(before[field] ?? ''), after: String(after ?? ''), reason: options.logReason ?? '' })
          .execute();
      }
    }
    const duplicates = await findDuplicates(trx, id, patch.sourceLinks ?? before.sourceLinks, patch.douyinProductId ?? before.douyinProductId);
    return { status: 'saved' as const, duplicates };
  });
}

const snapshotOf = (row: ProductRow, now: Date): ListingSnapshot | null => {
  if (row.planned_price_fen === null) return null;
  const line = computeCostStack(costInputsOf(row), row.planned_price_fen, row.target_margin_bp).atPlanned;
  if (line === null) return null;
  return { at: now.toISOString(), priceFen: row.planned_price_fen, profitFen: line.profitFen, marginBp: line.marginBp, inputs: costInputsOf(row) };
};

/** Applies a move to every product it is allowed for (each in the same transaction); the rest are refused with why. */
export async function moveProducts(
  db: SourcingDb,
  ids: readonly number[],
  to: ProductStage,
  reason: AbandonReason | null,
  note: string,
  now: Date,
): Promise<{ moved: number[]; refused: MoveRefusal[] }> {
  return db.transaction().execute(async (trx) => {
    const moved: number[] = [];
    const refused: MoveRefusal[] = [];
    for (const id of new Set(ids)) {
      const row = await trx.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) {
        refused.push({ id, problem: 'not_found' });
        continue;
      }
      const problem = checkMove({ stage: row.stage as ProductStage, title: row.title, plannedPriceFen: row.planned_price_fen }, to, reason);
      if (problem !== null) {
        refused.push({ id, problem });
        continue;
      }
      const set: Updateable<ProductsTable> = { stage: to, updated_at: now.toISOString() };
      if (to === 'listed') {
        set.listed_at = now.toISOString();
        set.listing_snapshot = JSON.stringify(snapshotOf(row, now));
        set.planned_slot = null;
      }
      if (to === 'abandoned') {
        set.abandon_reason = reason;
        set.abandon_note = note;
      } else if (row.stage === 'abandoned') {
        set.abandon_reason = null;
        set.abandon_note = '';
      }
      if (to === 'selling' && row.first_order_at === null) set.first_order_at = now.toISOString();
      await trx.updateTable('products').set(set).where('id', '=', id).execute();
      await recordStage(trx, id, row.stage as ProductStage, to, now, to === 'abandoned' ? reason : null, note);
      moved.push(id);
    }
    return { moved, refused };
  });
}

export async function addLogEntry(db: SourcingExecutor, productId: number, entry: Omit<ProductLogEntry, 'id' | 'at'>, now: Date): Promise<ProductLogEntry> {
  await requireRow(db, productId);
  const row = await db
    .insertInto('product_log')
    .values({ product_id: productId, at: now.toISOString(), kind: entry.kind, before: entry.before, after: entry.after, reason: entry.reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, at: now.toISOString(), ...entry };
}

/**
 * Listed products whose first imported order has arrived move to 已出单 (first_order_at = the
 * order's time). Runs after every import and on demand; idempotent.
 */
export async function linkFirstOrders(db: SourcingDb, now: Date): Promise<{ linked: number; movedToSelling: number[] }> {
  return db.transaction().execute(async (trx) => {
    const listed = await trx
      .selectFrom('products')
      .selectAll()
      .where('stage', 'in', LISTED_STAGES)
      .where((eb) => eb.or([eb('douyin_product_id', '<>', ''), eb('merchant_code', '<>', '')]))
      .execute();
    const moved: number[] = [];
    let linked = 0;
    for (const row of listed) {
      const first = await firstOrderTime(trx, { douyinProductId: row.douyin_product_id, merchantCode: row.merchant_code });
      if (first === null) continue;
      linked += 1;
      if (row.stage !== 'listed') continue;
      await trx.updateTable('products').set({ stage: 'selling', first_order_at: parseChinaDateTime(first)?.toISOString() ?? now.toISOString(), updated_at: now.toISOString() }).where('id', '=', row.id).execute();
      await recordStage(trx, row.id, 'listed', 'selling', now, null, 'first imported order');
      moved.push(row.id);
    }
    return { linked, movedToSelling: moved };
  });
}
