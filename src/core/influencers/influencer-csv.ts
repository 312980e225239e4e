import { INFLUENCER_STAGES, STAGE_LABELS, type InfluencerStage } from '../../shared/domain/influencer-pipeline';
import { AppError } from '../../shared/errors';
import { influencerFieldsSchema, type InfluencerCsvResult, type InfluencerFields, type InfluencerSummary } from '../../shared/rpc/domains/influencers';
import { checkParams, type ValidationIssue } from '../../shared/validation/issues';
import { toCsv } from '../sourcing/csv-export';
import { readTable } from '../sourcing/csv-import';
import type { InfluencerDb } from './influencer-schema';
import { columnsOf, createInfluencerRow } from './influencer-service';

/*
 * The CRM as a spreadsheet and back (issue 13: "spreadsheets break past ~20 influencers"). Export:
 * UTF-8 with BOM, formula-safe (sourcing/csv-export.ts). Import: the export's columns, by their
 * Chinese or English names; a row with a known 达人ID updates that influencer with the cells it has,
 * the others are created. All rows or none: every bad cell is named (row, column, rule) and nothing
 * is written.
 */


/** Columns the import reads, with their names in both languages. */
const IMPORT_COLUMNS: { field: keyof InfluencerFields; names: string[] }[] = [
  { field: 'nickname', names: ['达人昵称', '昵称', 'nickname'] },
  { field: 'douyinId', names: ['达人ID', 'douyin_id', 'influencer id'] },
  { field: 'platform', names: ['平台', 'platform'] },
  { field: 'wechat', names: ['微信', 'wechat'] },
  { field: 'phone', names: ['电话', '手机', 'phone'] },
  { field: 'fans', names: ['粉丝数', '粉丝', 'fans', 'followers'] },
  { field: 'categories', names: ['带货类目', '类目', 'categories'] },
  { field: 'contactPerson', names: ['联系人', 'contact_person', 'contact person'] },
  { field: 'stage', names: ['阶段', 'stage'] },
  { field: 'tags', names: ['标签', 'tags'] },
  { field: 'nextContactOn', names: ['下次联系', '下次联系日期', 'next_contact_on', 'next contact'] },
  { field: 'notes', names: ['备注', 'notes'] },
];

export const EXPORT_HEADER = [
  'id', '达人昵称', '达人ID', '平台', '微信', '电话', '粉丝数', '带货类目', '联系人', '阶段', '标签', '下次联系', '来源', '备注',
  '订单数', '订单行', '成交金额(元)', '退款金额(元)', '佣金(元)', '寄样数', '已签收', '已出内容', '履约率', '样品成本(元)', 'ROI',
];

const yuan = (fen: number): string => (fen / 100).toFixed(2);
const ratio = (bp: number | null): string => (bp === null ? '' : (bp / 10_000).toFixed(2));

export function exportRows(list: readonly InfluencerSummary[]): string {
  const rows = list.map((i) => [
    i.id, i.nickname, i.douyinId, i.platform, i.wechat, i.phone, i.fans, i.categories.join('、'), i.contactPerson, STAGE_LABELS[i.stage].zh, i.tags.join('、'),
    i.nextContactOn, i.source === 'orders' ? '订单' : '手动', i.notes, i.sales.orders, i.sales.lines, yuan(i.sales.amountFen), yuan(i.sales.refundedFen),
    yuan(i.commission.fen), i.samples.sent, i.samples.signed, i.samples.withContent, i.fulfilmentBp === null ? '' : `${(i.fulfilmentBp / 100).toFixed(2)}%`,
    yuan(i.sampleCostFen), ratio(i.roiBp),
  ]);
  return toCsv(EXPORT_HEADER, rows);
}

const listOf = (text: string): string[] => text.split(/[,，;；、|]+/).map((t) => t.trim()).filter((t) => t !== '');

/** 12000, 1.2万 or 3w: a whole number of followers, or NaN (refused by the schema as not a number). */
export function parseFans(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(万|w|W)?$/.exec(text.replace(/,/g, '').trim());
  if (!m) return Number.NaN;
  const [whole = '0', frac = ''] = (m[1] ?? '0').split('.');
  if (!m[2]) return frac === '' ? Number(whole) : Number.NaN;
  if (frac.length > 4) return Number.NaN;
  return Number(whole) * 10_000 + Number(frac.padEnd(4, '0'));
}

/** A stage by its Chinese or English label or its key; undefined when unknown. */
export function parseStage(text: string): InfluencerStage | undefined {
  const t = text.trim().toLowerCase();
  return INFLUENCER_STAGES.find((s) => s === t || STAGE_LABELS[s].zh === text.trim() || STAGE_LABELS[s].en.toLowerCase() === t);
}

// The export's formula guard (a leading ' before = + - @) is taken off again.
const unguard = (text: string): string => (/^'[=+\-@]/.test(text) ? text.slice(1) : text);

function draftOf(cells: Map<keyof InfluencerFields, string>): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  for (const [field, raw] of cells) {
    const text = unguard(raw);
    if (field === 'fans') d.fans = parseFans(text);
    else if (field === 'categories' || field === 'tags') d[field] = listOf(text);
    else if (field === 'stage') d.stage = parseStage(text) ?? text;
    else d[field] = text;
  }
  return d;
}

export async function importInfluencerCsv(db: InfluencerDb, dataBase64: string, now: Date): Promise<InfluencerCsvResult> {
  const table = await readTable(dataBase64);
  const lower = table.headers.map((h) => h.trim().toLowerCase());
  const columns = IMPORT_COLUMNS.flatMap((c) => {
    const index = lower.findIndex((h) => c.names.some((n) => n.toLowerCase() === h));
    return index < 0 ? [] : [{ field: c.field, index }];
  });
  if (!columns.some((c) => c.field === 'nickname')) {
    throw new AppError('VALIDATION', 'the file has no 达人昵称 / nickname column', { issues: [{ path: 'file', field: 'influencerNickname', problem: 'required', message: 'the file has no 达人昵称 / nickname column' }] });
  }
  const schema = influencerFieldsSchema.partial().extend({ nickname: influencerFieldsSchema.shape.nickname });
  const issues: ValidationIssue[] = [];
  const drafts: { line: number; fields: Partial<InfluencerFields> & { nickname: string } }[] = [];
  for (const row of table.rows) {
    const cells = new Map<keyof InfluencerFields, string>();
    for (const c of columns) {
      const v = row.cells[c.index];
      if (v !== null && v !== undefined && v !== '') cells.set(c.field, v);
    }
    const checked = checkParams(schema, draftOf(cells));
    if (!checked.ok) {
      for (const i of checked.issues) issues.push({ ...i, path: `row ${row.line}.${i.path}`, message: `row ${row.line}: ${i.message}` });
      continue;
    }
    drafts.push({ line: row.line, fields: checked.value });
  }
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const id = d.fields.douyinId;
    if (!id) continue;
    const first = seen.get(id);
    if (first !== undefined) issues.push({ path: `row ${d.line}.douyinId`, field: 'douyinId', problem: 'duplicate', message: `row ${d.line}: Influencer ID must not repeat (also on row ${first})` });
    else seen.set(id, d.line);
  }
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { issues: issues.slice(0, 50), rows: table.rows.length });
  return db.transaction().execute(async (trx) => {
    let created = 0;
    let updated = 0;
    for (const d of drafts) {
      const existing = d.fields.douyinId ? await trx.selectFrom('influencers').select('id').where('douyin_id', '=', d.fields.douyinId).executeTakeFirst() : undefined;
      if (existing) {
        await trx.updateTable('influencers').set({ ...columnsOf(d.fields), updated_at: now.toISOString() }).where('id', '=', existing.id).execute();
        updated += 1;
      } else {
        await createInfluencerRow(trx, d.fields, now);
        created += 1;
      }
    }
    return { created, updated, rows: drafts.length };
  });
}
