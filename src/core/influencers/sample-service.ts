import type { Selectable, Updateable } from 'kysely';
import { chinaDate } from '../../shared/domain/china-time';
import { checkSampleMove, describeSampleRefusal, type SampleState } from '../../shared/domain/influencer-pipeline';
import { isSampleLate, sampleDue, type SampleFacts, type SampleSettings } from '../../shared/domain/sample-rules';
import { AppError } from '../../shared/errors';
import type { SampleFields, SampleView } from '../../shared/rpc/domains/influencers';
import type { InfluencerDb, InfluencerExecutor, SamplesTable } from './influencer-schema';
import { readInfluencerSettings } from './influencer-settings';

type SampleRow = Selectable<SamplesTable> & { nickname: string };

export const factsOf = (r: Selectable<SamplesTable>): SampleFacts => ({
  id: r.id,
  state: r.state as SampleState,
  sentOn: r.sent_on,
  signedOn: r.signed_on,
  contentDueOn: r.content_due_on,
  costFen: r.cost_fen,
  freightFen: r.freight_fen,
});

export function sampleViewOf(r: SampleRow, settings: SampleSettings, today: string): SampleView {
  const facts = factsOf(r);
  const due = sampleDue(facts, settings);
  return {
    id: r.id,
    influencerId: r.influencer_id,
    influencerNickname: r.nickname,
    productId: r.product_id,
    productTitle: r.product_title,
    costFen: r.cost_fen,
    freightFen: r.freight_fen,
    state: facts.state,
    sentOn: r.sent_on,
    trackingNo: r.tracking_no,
    signedOn: r.signed_on,
    contentDueOn: r.content_due_on,
    contentLink: r.content_link,
    contentOn: r.content_on,
    result: r.result,
    due: due === null ? null : { rule: due.rule, dueOn: due.dueOn, isLate: isSampleLate(facts, settings, today) !== null },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const selectSamples = (db: InfluencerExecutor) =>
  db.selectFrom('samples').innerJoin('influencers', 'influencers.id', 'samples.influencer_id').selectAll('samples').select('influencers.nickname as nickname');

export async function listSamples(db: InfluencerExecutor, filter: { due?: boolean; influencerId?: number; state?: SampleState }, now: Date): Promise<SampleView[]> {
  const settings = await readInfluencerSettings(db);
  const today = chinaDate(now);
  let q = selectSamples(db);
  if (filter.influencerId !== undefined) q = q.where('samples.influencer_id', '=', filter.influencerId);
  if (filter.state !== undefined) q = q.where('samples.state', '=', filter.state);
  const rows = await q.orderBy('samples.id', 'desc').execute();
  const views = rows.map((r) => sampleViewOf(r, settings, today));
  return filter.due ? views.filter((v) => v.due?.isLate === true).sort((a, b) => (a.due!.dueOn < b.due!.dueOn ? -1 : a.due!.dueOn > b.due!.dueOn ? 1 : a.id - b.id)) : views;
}

export async function getSample(db: InfluencerExecutor, id: number, now: Date): Promise<SampleView> {
  const row = await selectSamples(db).where('samples.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no sample ${id}`);
  return sampleViewOf(row, await readInfluencerSettings(db), chinaDate(now));
}

function columnsOf(f: Partial<SampleFields>): Updateable<SamplesTable> {
  const c: Updateable<SamplesTable> = {};
  if (f.productId !== undefined) c.product_id = f.productId;
  if (f.productTitle !== undefined) c.product_title = f.productTitle.trim();
  if (f.costFen !== undefined) c.cost_fen = f.costFen;
  if (f.freightFen !== undefined) c.freight_fen = f.freightFen;
  if (f.trackingNo !== undefined) c.tracking_no = f.trackingNo.trim();
  if (f.contentDueOn !== undefined) c.content_due_on = f.contentDueOn;
  if (f.contentLink !== undefined) c.content_link = f.contentLink.trim();
  if (f.result !== undefined) c.result = f.result;
  if (f.sentOn !== undefined) c.sent_on = f.sentOn;
  if (f.signedOn !== undefined) c.signed_on = f.signedOn;
  if (f.contentOn !== undefined) c.content_on = f.contentOn;
  return c;
}

const refused = (path: string, field: 'sampleProductTitle' | 'sampleState', message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION', message, { issues: [{ path, field: field === 'sampleState' ? undefined : field, problem: field === 'sampleState' ? 'invalid' : 'required', message }], ...extra });

/**
 * A sample for an influencer. With a product from 选品 its title and cost come from the product's
 * cost stack (进货价 + 供应商运费: what one unit costs the shop, shared/domain/cost-stack.ts) unless given.
 */
export async function createSample(db: InfluencerDb, fields: Partial<SampleFields> & { influencerId: number }, now: Date): Promise<number> {
  const influencer = await db.selectFrom('influencers').select('id').where('id', '=', fields.influencerId).executeTakeFirst();
  if (!influencer) throw new AppError('NOT_FOUND', `no influencer ${fields.influencerId}`);
  let title = fields.productTitle?.trim() ?? '';
  let costFen = fields.costFen;
  if (fields.productId !== undefined && fields.productId !== null) {
    const product = await db.selectFrom('products').select(['title', 'cost_fen', 'supplier_freight_fen']).where('id', '=', fields.productId).executeTakeFirst();
    if (!product) throw new AppError('NOT_FOUND', `no product ${fields.productId}`);
    if (title === '') title = product.title;
    costFen ??= product.cost_fen + product.supplier_freight_fen;
  }
  if (title === '') throw refused('productTitle', 'sampleProductTitle', 'choose a product or name the sample');
  const at = now.toISOString();
  const row = await db
    .insertInto('samples')
    .values({ ...columnsOf(fields), influencer_id: fields.influencerId, product_title: title, cost_fen: costFen ?? 0, state: 'to_send', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSample(db: InfluencerDb, id: number, patch: Partial<SampleFields>, now: Date): Promise<void> {
  const r = await db.updateTable('samples').set({ ...columnsOf(patch), updated_at: now.toISOString() }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `no sample ${id}`);
}

/**
 * Moves a sample along SAMPLE_TRANSITIONS. The day (`on`, today by default) becomes the sent,
 * signed or content date of the step; an illegal move is refused whole, nothing written.
 */
export async function moveSample(db: InfluencerDb, params: { id: number; to: SampleState; on?: string; trackingNo?: string; contentLink?: string; result?: string }, now: Date): Promise<void> {
  const row = await db.selectFrom('samples').selectAll().where('id', '=', params.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no sample ${params.id}`);
  const from = row.state as SampleState;
  const link = params.contentLink ?? row.content_link;
  const refusal = checkSampleMove(from, params.to, link);
  if (refusal !== null) {
    const path = refusal === 'link_required' ? 'contentLink' : 'to';
    throw refused(path, 'sampleState', describeSampleRefusal(refusal, from, params.to, 'en'), {
      refusal,
      from,
      to: params.to,
      zh: describeSampleRefusal(refusal, from, params.to, 'zh'),
    });
  }
  const on = params.on ?? chinaDate(now);
  const set: Updateable<SamplesTable> = { state: params.to, updated_at: now.toISOString() };
  if (params.to === 'sent') set.sent_on = on;
  if (params.to === 'to_send') set.sent_on = null;
  if (params.to === 'signed') set.signed_on = on;
  if (params.to === 'content') {
    set.content_on = on;
    set.content_link = link.trim();
  }
  if (params.trackingNo !== undefined) set.tracking_no = params.trackingNo.trim();
  if (params.result !== undefined) set.result = params.result;
  await db.updateTable('samples').set(set).where('id', '=', params.id).execute();
}

export async function removeSample(db: InfluencerDb, id: number): Promise<boolean> {
  const r = await db.deleteFrom('samples').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
