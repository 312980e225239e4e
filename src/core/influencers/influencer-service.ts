import type { Selectable, Updateable } from 'kysely';
import { chinaDate } from '../../shared/domain/china-time';
import type { ContactChannel, InfluencerSource, InfluencerStage } from '../../shared/domain/influencer-pipeline';
import { sampleRoiBp, sampleScore } from '../../shared/domain/sample-rules';
import { AppError } from '../../shared/errors';
import type { ContactEntry, InfluencerDetail, InfluencerFields, InfluencerSettings, InfluencerSummary, SampleView } from '../../shared/rpc/domains/influencers';
import { amountSince, attribute, type Attribution, type AttributedLine } from './attribution';
import type { InfluencerDb, InfluencerExecutor, InfluencersTable, SamplesTable } from './influencer-schema';
import { readInfluencerSettings } from './influencer-settings';
import { loadAttributionFacts, loadInfluencerLines } from './order-influencers';
import { factsOf, sampleViewOf } from './sample-service';

type InfluencerRow = Selectable<InfluencersTable>;

const jsonArray = (text: string): string[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

const cleanList = (list: readonly string[]) => JSON.stringify([...new Set(list.map((x) => x.trim()).filter((x) => x !== ''))]);

export function columnsOf(f: Partial<InfluencerFields>): Updateable<InfluencersTable> {
  const c: Updateable<InfluencersTable> = {};
  if (f.nickname !== undefined) c.nickname = f.nickname.trim();
  if (f.douyinId !== undefined) c.douyin_id = f.douyinId === '' ? null : f.douyinId;
  if (f.platform !== undefined) c.platform = f.platform.trim();
  if (f.wechat !== undefined) c.wechat = f.wechat.trim();
  if (f.phone !== undefined) c.phone = f.phone.trim();
  if (f.fans !== undefined) c.fans = f.fans;
  if (f.categories !== undefined) c.categories = cleanList(f.categories);
  if (f.contactPerson !== undefined) c.contact_person = f.contactPerson.trim();
  if (f.notes !== undefined) c.notes = f.notes;
  if (f.tags !== undefined) c.tags = cleanList(f.tags);
  if (f.stage !== undefined) c.stage = f.stage;
  if (f.nextContactOn !== undefined) c.next_contact_on = f.nextContactOn;
  return c;
}

const EMPTY_SALES = { orders: 0, lines: 0, amountFen: 0, refundedFen: 0 };
const EMPTY_COMMISSION = { fen: 0, fromFundsLines: 0, estimatedLines: 0, unknownLines: 0 };

function summaryOf(
  r: InfluencerRow,
  a: Attribution | undefined,
  samples: Selectable<SamplesTable>[],
  lines: readonly AttributedLine[],
  lastContactOn: string | null,
  settings: InfluencerSettings,
  today: string,
): InfluencerSummary {
  const score = sampleScore(samples.map(factsOf), settings, today);
  const since = score.firstSentOn !== null && r.douyin_id !== null ? amountSince(lines, r.douyin_id, score.firstSentOn) : 0;
  return {
    id: r.id,
    nickname: r.nickname,
    douyinId: r.douyin_id ?? '',
    platform: r.platform,
    wechat: r.wechat,
    phone: r.phone,
    fans: r.fans,
    categories: jsonArray(r.categories),
    contactPerson: r.contact_person,
    notes: r.notes,
    tags: jsonArray(r.tags),
    stage: r.stage as InfluencerStage,
    nextContactOn: r.next_contact_on,
    source: r.source as InfluencerSource,
    exportNickname: r.export_nickname,
    sales: a?.sales ?? EMPTY_SALES,
    commission: a?.commission ?? EMPTY_COMMISSION,
    samples: { sent: score.sent, signed: score.signed, withContent: score.withContent },
    fulfilmentBp: score.fulfilmentBp,
    sampleCostFen: score.costFen,
    salesSinceFirstSampleFen: since,
    roiBp: sampleRoiBp(since, score.costFen),
    noContentFlag: score.overdueWithoutContent > 0,
    lastContactOn,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type InfluencerFilter = { search?: string; stage?: InfluencerStage; source?: InfluencerSource; tag?: string; followUpDue?: boolean; noContent?: boolean };

function groupBy<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Influencers with their attributed sales and sample figures; newest first. */
export async function listInfluencers(db: InfluencerExecutor, filter: InfluencerFilter, now: Date): Promise<InfluencerSummary[]> {
  const today = chinaDate(now);
  let q = db.selectFrom('influencers').selectAll();
  if (filter.stage) q = q.where('stage', '=', filter.stage);
  if (filter.source) q = q.where('source', '=', filter.source);
  if (filter.followUpDue) q = q.where('next_contact_on', '<=', today);
  const s = filter.search?.trim();
  if (s) {
    const like = `%${s}%`;
    q = q.where((eb) => eb.or([eb('nickname', 'like', like), eb('douyin_id', 'like', like), eb('wechat', 'like', like), eb('phone', 'like', like), eb('export_nickname', 'like', like), eb('notes', 'like', like), eb('categories', 'like', like), eb('tags', 'like', like)]));
  }
  const rows = await q.orderBy('id', 'desc').execute();
  const [lines, facts, settings, samples, contacts] = await Promise.all([
    loadInfluencerLines(db),
    loadAttributionFacts(db),
    readInfluencerSettings(db),
    db.selectFrom('samples').selectAll().execute(),
    db.selectFrom('influencer_contacts').select(['influencer_id', (eb) => eb.fn.max('on_date').as('last')]).groupBy('influencer_id').execute(),
  ]);
  const attribution = attribute(lines, facts);
  const samplesBy = groupBy(samples, (x) => x.influencer_id);
  const lastBy = new Map(contacts.map((c) => [c.influencer_id, c.last as string | null]));
  const linesBy = new Map<string, AttributedLine[]>();
  for (const l of lines) {
    const key = l.influencerId ?? '';
    const list = linesBy.get(key);
    if (list) list.push(l);
    else linesBy.set(key, [l]);
  }
  const tag = filter.tag?.trim();
  return rows
    .map((r) => summaryOf(r, attribution.get(r.douyin_id ?? ''), samplesBy.get(r.id) ?? [], linesBy.get(r.douyin_id ?? '') ?? [], lastBy.get(r.id) ?? null, settings, today))
    .filter((x) => (tag ? x.tags.includes(tag) : true) && (filter.noContent ? x.noContentFlag : true));
}

async function requireRow(db: InfluencerExecutor, id: number): Promise<InfluencerRow> {
  const row = await db.selectFrom('influencers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no influencer ${id}`);
  return row;
}

export async function getInfluencer(db: InfluencerExecutor, id: number, now: Date): Promise<InfluencerDetail> {
  const today = chinaDate(now);
  const row = await requireRow(db, id);
  const douyinId = row.douyin_id;
  const lines = douyinId === null ? [] : await loadInfluencerLines(db, douyinId);
  const facts = douyinId === null ? null : await loadAttributionFacts(db, douyinId);
  const a = facts === null || douyinId === null ? undefined : attribute(lines, facts).get(douyinId);
  const settings = await readInfluencerSettings(db);
  const samples = await db.selectFrom('samples').selectAll().where('influencer_id', '=', id).orderBy('id', 'desc').execute();
  const contacts = await db.selectFrom('influencer_contacts').selectAll().where('influencer_id', '=', id).orderBy('on_date', 'desc').orderBy('id', 'desc').execute();
  const contactList: ContactEntry[] = contacts.map((c) => ({ id: c.id, influencerId: c.influencer_id, on: c.on_date, channel: c.channel as ContactChannel, note: c.note, createdAt: c.created_at }));
  const sampleList: SampleView[] = samples.map((x) => sampleViewOf({ ...x, nickname: row.nickname }, settings, today));
  return {
    ...summaryOf(row, a, samples, lines, contactList[0]?.on ?? null, settings, today),
    contacts: contactList,
    sampleList,
    byProduct: a?.byProduct ?? [],
    byMonth: a?.byMonth ?? [],
  };
}

async function refuseDuplicate(db: InfluencerExecutor, douyinId: string | undefined, exceptId: number | null): Promise<void> {
  if (douyinId === undefined || douyinId === '') return;
  const other = await db.selectFrom('influencers').select(['id', 'nickname']).where('douyin_id', '=', douyinId).executeTakeFirst();
  if (other && other.id !== exceptId) {
    throw new AppError('VALIDATION', `达人ID ${douyinId} is already in the CRM (${other.nickname})`, {
      issues: [{ path: 'douyinId', field: 'douyinId', problem: 'duplicate', message: 'Influencer ID must not repeat' }],
      existingId: other.id,
    });
  }
}

/** Entered by the seller: counts toward today's goal (`added_on`). Inside the caller's transaction when given one (CSV imports). */
export async function createInfluencerRow(db: InfluencerExecutor, fields: Partial<InfluencerFields> & { nickname: string }, now: Date): Promise<number> {
  await refuseDuplicate(db, fields.douyinId, null);
  const at = now.toISOString();
  const row = await db
    .insertInto('influencers')
    .values({ ...columnsOf(fields), nickname: fields.nickname.trim(), source: 'manual', added_on: chinaDate(now), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateInfluencer(db: InfluencerExecutor, id: number, patch: Partial<InfluencerFields>, now: Date): Promise<void> {
  await requireRow(db, id);
  await refuseDuplicate(db, patch.douyinId, id);
  await db.updateTable('influencers').set({ ...columnsOf(patch), updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function removeInfluencer(db: InfluencerDb, id: number): Promise<boolean> {
  const r = await db.deleteFrom('influencers').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function addContact(db: InfluencerDb, p: { influencerId: number; on: string; channel: ContactChannel; note: string; nextContactOn?: string | null | undefined }, now: Date): Promise<void> {
  await requireRow(db, p.influencerId);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('influencer_contacts').values({ influencer_id: p.influencerId, on_date: p.on, channel: p.channel, note: p.note.trim(), created_at: now.toISOString() }).execute();
    const set: Updateable<InfluencersTable> = { updated_at: now.toISOString() };
    if (p.nextContactOn !== undefined) set.next_contact_on = p.nextContactOn;
    await trx.updateTable('influencers').set(set).where('id', '=', p.influencerId).execute();
  });
}

export async function removeContact(db: InfluencerDb, id: number): Promise<boolean> {
  const r = await db.deleteFrom('influencer_contacts').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

