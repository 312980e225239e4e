import type { Selectable, Updateable } from 'kysely';
import { CAMPAIGN_TOOLS, type CampaignTool } from '../../shared/domain/campaign-calendar';
import { checkCampaignPrice, isBelowFloor, type PriceFloorCheck } from '../../shared/domain/campaign-price-floor';
import { chinaDate } from '../../shared/domain/china-time';
import { AppError } from '../../shared/errors';
import { validationMessage } from '../../shared/i18n/validation-messages';
import type { CampaignFields, CampaignProduct, CampaignStatus, CampaignSummary } from '../../shared/rpc/domains/campaigns';
import type { ValidationIssue } from '../../shared/validation/issues';
import { costInputsOf } from '../sourcing/product-rows';
import { campaignDateIssues, campaignPhase, daysToDeadline, isSignupOpen } from './campaign-phase';
import type { CampaignDb, CampaignExecutor, CampaignsTable } from './campaign-schema';
import { ensureSeeded } from './campaign-seed';

type CampaignRow = Selectable<CampaignsTable>;

const refuse = (issues: ValidationIssue[]): AppError => new AppError('VALIDATION', issues.map((i) => i.message).join('; '), { issues });
const notFound = (what: string, id: number): AppError => new AppError('NOT_FOUND', `no ${what} ${id}`, { id });

const toolsOf = (text: string): CampaignTool[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is CampaignTool => (CAMPAIGN_TOOLS as readonly unknown[]).includes(x)) : [];
  } catch {
    return [];
  }
};

export const fieldsOfRow = (r: CampaignRow): CampaignFields => ({
  name: r.name,
  origin: r.origin,
  signupStart: r.signup_start,
  signupDeadline: r.signup_deadline,
  runStart: r.run_start,
  runEnd: r.run_end,
  datesEstimated: r.dates_estimated === 1,
  requirements: r.requirements,
  tools: toolsOf(r.tools),
  notes: r.notes,
});

function columnsOf(f: Partial<CampaignFields>): Updateable<CampaignsTable> {
  const c: Updateable<CampaignsTable> = {};
  if (f.name !== undefined) c.name = f.name.trim();
  if (f.origin !== undefined) c.origin = f.origin;
  if (f.signupStart !== undefined) c.signup_start = f.signupStart;
  if (f.signupDeadline !== undefined) c.signup_deadline = f.signupDeadline;
  if (f.runStart !== undefined) c.run_start = f.runStart;
  if (f.runEnd !== undefined) c.run_end = f.runEnd;
  if (f.datesEstimated !== undefined) c.dates_estimated = f.datesEstimated ? 1 : 0;
  if (f.requirements !== undefined) c.requirements = f.requirements;
  if (f.tools !== undefined) c.tools = JSON.stringify([...new Set(f.tools)]);
  if (f.notes !== undefined) c.notes = f.notes;
  return c;
}

type ProductFacts = {
  entryId: number;
  campaignId: number;
  productId: number;
  priceFen: number;
  title: string;
  stage: string;
  plannedPriceFen: number | null;
  check: PriceFloorCheck;
};

async function productEntries(db: CampaignExecutor, campaignIds: readonly number[]): Promise<Map<number, CampaignProduct[]>> {
  const byCampaign = new Map<number, CampaignProduct[]>();
  if (campaignIds.length === 0) return byCampaign;
  const rows = await db
    .selectFrom('campaign_products as cp')
    .innerJoin('products as p', 'p.id', 'cp.product_id')
    .select(['cp.id as entryId', 'cp.campaign_id as campaignId', 'cp.product_id as productId', 'cp.price_fen as priceFen', 'p.title', 'p.stage', 'p.planned_price_fen as plannedPriceFen'])
    .select(['p.cost_fen', 'p.supplier_freight_fen', 'p.coupon_fen', 'p.commission_bp', 'p.platform_fee_bp', 'p.return_allowance_bp', 'p.target_margin_bp'])
    .where('cp.campaign_id', 'in', campaignIds)
    .orderBy('cp.id')
    .execute();
  for (const r of rows) {
    const facts: ProductFacts = { ...r, check: checkCampaignPrice(costInputsOf(r), r.target_margin_bp, r.priceFen) };
    const list = byCampaign.get(r.campaignId) ?? [];
    list.push({ id: facts.entryId, productId: facts.productId, title: facts.title, stage: facts.stage, priceFen: facts.priceFen, plannedPriceFen: facts.plannedPriceFen, check: facts.check });
    byCampaign.set(r.campaignId, list);
  }
  return byCampaign;
}

function summaryOf(r: CampaignRow, products: CampaignProduct[], today: string): CampaignSummary {
  const fields = fieldsOfRow(r);
  const days = { ...fields, status: r.status };
  return {
    ...fields,
    id: r.id,
    seedKey: r.seed_key,
    year: r.year,
    status: r.status,
    signedUpAt: r.signed_up_at,
    isOpen: isSignupOpen(days, today),
    daysToDeadline: daysToDeadline(days, today),
    phase: campaignPhase(days, today),
    products,
    flagged: products.filter((p) => isBelowFloor(p.check)).length,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Looking at next year seeds its estimates too; past and far years are not invented. */
export const seedYearOf = (now: Date, year: number | undefined): number | undefined =>
  year !== undefined && year === Number(chinaDate(now).slice(0, 4)) + 1 ? year : undefined;

/**
 * A year's campaigns by run start (default: this China year), or every campaign open for sign-up
 * today. This year's (and from October the next year's) platform calendar is seeded on first use.
 */
export async function listCampaigns(db: CampaignDb, now: Date, filter: { year?: number | undefined; open?: boolean | undefined }): Promise<CampaignSummary[]> {
  const today = chinaDate(now);
  await ensureSeeded(db, now, seedYearOf(now, filter.year));
  let query = db.selectFrom('campaigns').selectAll().orderBy('run_start').orderBy('id');
  if (filter.open) query = query.where('status', '=', 'planned').where('origin', '=', 'platform').where('signup_deadline', '>=', today);
  else query = query.where('year', '=', filter.year ?? Number(today.slice(0, 4)));
  const rows = (await query.execute()).filter((r) => !filter.open || isSignupOpen({ ...fieldsOfRow(r), status: r.status }, today));
  const products = await productEntries(db, rows.map((r) => r.id));
  return rows.map((r) => summaryOf(r, products.get(r.id) ?? [], today));
}

export async function getCampaign(db: CampaignExecutor, id: number, now: Date): Promise<CampaignSummary> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('campaign', id);
  const products = await productEntries(db, [id]);
  return summaryOf(row, products.get(id) ?? [], chinaDate(now));
}

const EMPTY: Omit<CampaignFields, 'name' | 'runStart' | 'runEnd'> = { origin: 'own', signupStart: null, signupDeadline: null, datesEstimated: false, requirements: '', tools: [], notes: '' };

export async function createCampaign(db: CampaignExecutor, input: Partial<CampaignFields> & Pick<CampaignFields, 'name' | 'runStart' | 'runEnd'>, now: Date): Promise<number> {
  const fields: CampaignFields = { ...EMPTY, ...input };
  const issues = campaignDateIssues(fields, '');
  if (issues.length > 0) throw refuse(issues);
  const at = now.toISOString();
  const row = await db
    .insertInto('campaigns')
    .values({ ...columnsOf(fields), name: fields.name.trim(), origin: fields.origin, run_start: fields.runStart, run_end: fields.runEnd, year: Number(fields.runStart.slice(0, 4)), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A patch is checked on the merged campaign, so an end moved before the stored start is refused; nothing is written then. */
export async function updateCampaign(db: CampaignExecutor, id: number, patch: Partial<CampaignFields>, now: Date): Promise<void> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('campaign', id);
  const merged = { ...fieldsOfRow(row), ...patch };
  const issues = campaignDateIssues(merged, 'patch.');
  if (issues.length > 0) throw refuse(issues);
  // Kept as given: an own campaign's sign-up days (the screen sends none) are simply never open nor reminded of.
  const columns = columnsOf(patch);
  // A seeded campaign keeps its year (its seed key is per year); a typed one follows its run start.
  if (row.seed_key === null && patch.runStart !== undefined) columns.year = Number(patch.runStart.slice(0, 4));
  await db.updateTable('campaigns').set({ ...columns, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function removeCampaign(db: CampaignExecutor, id: number): Promise<boolean> {
  await db.deleteFrom('campaign_products').where('campaign_id', '=', id).execute();
  const result = await db.deleteFrom('campaigns').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function setCampaignStatus(db: CampaignExecutor, id: number, status: CampaignStatus, now: Date): Promise<void> {
  const at = now.toISOString();
  const result = await db
    .updateTable('campaigns')
    .set({ status, signed_up_at: status === 'signedUp' ? at : null, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('campaign', id);
}

async function productRow(db: CampaignExecutor, productId: number) {
  const p = await db.selectFrom('products').selectAll().where('id', '=', productId).executeTakeFirst();
  if (!p) throw notFound('product', productId);
  return p;
}

/** The floor check of `priceFen` for a product, from its cost stack. */
export async function checkPrice(db: CampaignExecutor, productId: number, priceFen: number): Promise<PriceFloorCheck & { productId: number; title: string }> {
  const p = await productRow(db, productId);
  return { ...checkCampaignPrice(costInputsOf(p), p.target_margin_bp, priceFen), productId, title: p.title };
}

export async function addProduct(db: CampaignExecutor, campaignId: number, productId: number, priceFen: number, now: Date): Promise<void> {
  const campaign = await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).executeTakeFirst();
  if (!campaign) throw notFound('campaign', campaignId);
  await productRow(db, productId);
  const existing = await db.selectFrom('campaign_products').select('id').where('campaign_id', '=', campaignId).where('product_id', '=', productId).executeTakeFirst();
  if (existing) throw refuse([{ path: 'productId', field: 'campaignProduct', problem: 'duplicate', message: validationMessage({ field: 'campaignProduct', problem: 'duplicate' }, 'en-US') }]);
  const at = now.toISOString();
  await db.insertInto('campaign_products').values({ campaign_id: campaignId, product_id: productId, price_fen: priceFen, created_at: at, updated_at: at }).execute();
  await db.updateTable('campaigns').set({ updated_at: at }).where('id', '=', campaignId).execute();
}

/** The entry's campaign id (for the answer). */
export async function updateProduct(db: CampaignExecutor, entryId: number, priceFen: number, now: Date): Promise<number> {
  const entry = await db.selectFrom('campaign_products').select('campaign_id').where('id', '=', entryId).executeTakeFirst();
  if (!entry) throw notFound('campaign product', entryId);
  await db.updateTable('campaign_products').set({ price_fen: priceFen, updated_at: now.toISOString() }).where('id', '=', entryId).execute();
  return entry.campaign_id;
}

export async function removeProduct(db: CampaignExecutor, entryId: number): Promise<number> {
  const entry = await db.selectFrom('campaign_products').select('campaign_id').where('id', '=', entryId).executeTakeFirst();
  if (!entry) throw notFound('campaign product', entryId);
  await db.deleteFrom('campaign_products').where('id', '=', entryId).execute();
  return entry.campaign_id;
}
