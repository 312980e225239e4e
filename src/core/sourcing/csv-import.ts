import Papa from 'papaparse';
import { parsePercent, parseYuan } from '../../shared/domain/cost-stack';
import { AppError } from '../../shared/errors';
import { productFieldsSchema, type CsvImportResult, type CsvPreview } from '../../shared/rpc/domains/sourcing';
import { supplierFieldsSchema } from '../../shared/rpc/domains/suppliers';
import { checkParams } from '../../shared/validation/issues';
import { cleanCell } from '../imports/clean-cell';
import { detectDialect } from '../imports/csv-dialect';
import { decodeText } from '../imports/decode-text';
import { detectEncoding } from '../imports/detect-encoding';
import { createSupplierRow } from '../suppliers/supplier-service';
import { checkMapping, CSV_FIELDS, guessMapping, REQUIRED_FIELD, savedMappingFits, type CsvKind, type CsvMapping } from './csv-mapping';
import { insertProduct } from './product-service';
import type { SourcingDb, SourcingExecutor } from './sourcing-schema';

/*
 * Candidate and supplier CSVs: decoded like the order importer (BOM / UTF-8 / GB18030 from the
 * bytes, strict decoding, tab- and ="…"-wrapped cells cleaned by the same cleanCell), parsed with
 * a real CSV parser, mapped by the user's mapping, and written all-or-nothing: one bad row refuses
 * the whole file with the line numbers, and nothing is written.
 */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
const PREVIEW_ROWS = 20;
const MAX_ISSUES = 50;

type Table = { headers: string[]; rows: { line: number; cells: (string | null)[] }[] };

const invalid = (message: string, issues: { path: string; message: string }[] = [{ path: 'file', message }]) => new AppError('VALIDATION', message, { issues });

async function decode(bytes: Uint8Array): Promise<string> {
  const encoding = detectEncoding(bytes.subarray(0, 64 * 1024));
  const parts: string[] = [];
  async function* one() {
    yield bytes;
  }
  try {
    for await (const part of decodeText(one(), encoding)) parts.push(part);
  } catch {
    // A file whose start looked like UTF-8 but is not: GB18030 decodes anything (the importer's rule).
    if (encoding !== 'utf-8') throw invalid('the file is not readable text (damaged or not a CSV)');
    parts.length = 0;
    for await (const part of decodeText(one(), 'gb18030')) parts.push(part);
  }
  return parts.join('');
}

export async function readTable(dataBase64: string): Promise<Table> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw invalid('the file is empty');
  if (bytes.length > MAX_CSV_BYTES) throw invalid('the file is larger than 10 MB');
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) throw invalid('the file is not a CSV text file');
  const text = await decode(bytes);
  const dialect = detectDialect(text.slice(0, 64 * 1024));
  const parsed = Papa.parse<string[]>(text, { delimiter: dialect.delimiter, skipEmptyLines: false });
  const lines = parsed.data;
  // The header is the first row with at least two non-empty cells (some exports put a title row first).
  const headerIndex = lines.findIndex((r) => r.filter((c) => cleanCell(c) !== null).length >= 2);
  if (headerIndex < 0) throw invalid('no header row with column names was found');
  const headers = (lines[headerIndex] ?? []).map((h, i) => cleanCell(h) ?? `#${i + 1}`);
  const rows = lines
    .slice(headerIndex + 1)
    .map((cells, i) => ({ line: headerIndex + i + 2, cells: cells.map(cleanCell) }))
    .filter((r) => r.cells.some((c) => c !== null));
  return { headers, rows };
}

type MappedRow = { line: number; values: Record<string, string | null> };

const mapRows = (table: Table, mapping: CsvMapping): MappedRow[] =>
  table.rows.map((r) => ({
    line: r.line,
    values: Object.fromEntries(Object.entries(mapping).map(([field, header]) => [field, header === null ? null : (r.cells[table.headers.indexOf(header)] ?? null)])),
  }));

const tagsOf = (text: string): string[] => text.split(/[,，;；、\s]+/).filter((t) => t !== '');

/** A product row as the contract's fields; unparsable amounts are caught by rowProblems first. */
const productDraft = (v: MappedRow['values']) => ({
  title: v.title ?? '',
  ...(v.link ? { sourceLinks: [v.link] } : {}),
  ...(v.cost ? { costFen: parseYuan(v.cost) ?? 0 } : {}),
  ...(v.price ? { plannedPriceFen: parseYuan(v.price) } : {}),
  ...(v.commission ? { commissionBp: parsePercent(v.commission) ?? 0 } : {}),
  ...(v.category ? { category: v.category } : {}),
  ...(v.tags ? { audienceTags: tagsOf(v.tags) } : {}),
  ...(v.supplierSku ? { supplierSku: v.supplierSku } : {}),
  ...(v.douyinProductId ? { douyinProductId: v.douyinProductId } : {}),
  ...(v.notes ? { notes: v.notes } : {}),
});

const supplierDraft = (v: MappedRow['values']) => ({
  name: v.name ?? '',
  ...(v.contactPerson ? { contactPerson: v.contactPerson } : {}),
  ...(v.wechat ? { wechat: v.wechat } : {}),
  ...(v.phone ? { phone: v.phone } : {}),
  ...(v.qq ? { qq: v.qq } : {}),
  ...(v.shopLink ? { shopLinks: [v.shopLink] } : {}),
  ...(v.shipFrom ? { shipFrom: v.shipFrom } : {}),
  ...(v.notes ? { notes: v.notes } : {}),
});

/**
 * What one row becomes, or why it cannot. The row is checked with the same field schemas as the
 * forms: a title past 200 characters or a 31st tag is a problem of that line, never cut to fit.
 */
function rowProblems(kind: CsvKind, row: MappedRow): string[] {
  const v = row.values;
  const problems: string[] = [];
  if (!v[REQUIRED_FIELD[kind]]) problems.push(`${REQUIRED_FIELD[kind]} is empty`);
  if (kind === 'products') {
    for (const f of ['cost', 'price'] as const) if (v[f] && parseYuan(v[f]) === null) problems.push(`${f} "${v[f]}" is not an amount`);
    if (v.commission && parsePercent(v.commission) === null) problems.push(`commission "${v.commission}" is not a percentage`);
    if (v.douyinProductId && !/^\d{1,30}$/.test(v.douyinProductId)) problems.push(`product ID "${v.douyinProductId}" is not digits`);
  }
  if (problems.length > 0) return problems;
  const checked = kind === 'products' ? checkParams(productFieldsSchema.partial(), productDraft(v)) : checkParams(supplierFieldsSchema.partial(), supplierDraft(v));
  return checked.ok ? [] : checked.issues.map((i) => i.message);
}

const settingKey = (kind: CsvKind, source: string) => `csvMapping:${kind}:${source.trim()}`;

async function savedMapping(db: SourcingExecutor, kind: CsvKind, source: string): Promise<CsvMapping | null> {
  const row = await db.selectFrom('sourcing_settings').select('value').where('key', '=', settingKey(kind, source)).executeTakeFirst();
  if (!row) return null;
  try {
    return JSON.parse(row.value) as CsvMapping;
  } catch {
    return null;
  }
}

export async function previewCsv(db: SourcingExecutor, kind: CsvKind, source: string, dataBase64: string, chosen?: CsvMapping): Promise<CsvPreview> {
  const table = await readTable(dataBase64);
  const saved = await savedMapping(db, kind, source);
  const useSaved = chosen === undefined && saved !== null && savedMappingFits(saved, table.headers);
  const fits = chosen !== undefined && savedMappingFits(chosen, table.headers);
  const mapping = fits ? { ...guessMapping(kind, []), ...chosen } : useSaved ? { ...guessMapping(kind, []), ...saved } : guessMapping(kind, table.headers);
  const rows = mapRows(table, mapping);
  return {
    headers: table.headers,
    fields: [...CSV_FIELDS[kind]],
    mapping,
    savedMappingUsed: useSaved,
    total: rows.length,
    rows: rows.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, values: r.values, problems: rowProblems(kind, r) })),
  };
}

export async function importCsv(db: SourcingDb, kind: CsvKind, source: string, dataBase64: string, mapping: CsvMapping, now: Date): Promise<CsvImportResult> {
  const table = await readTable(dataBase64);
  const mappingProblems = checkMapping(kind, mapping, table.headers);
  if (mappingProblems.length > 0) throw invalid('the column mapping is incomplete', mappingProblems.map((message) => ({ path: 'mapping', message })));
  const rows = mapRows(table, mapping);
  const issues = rows.flatMap((r) => rowProblems(kind, r).map((message) => ({ path: `line ${r.line}`, message })));
  if (issues.length > 0) throw invalid(`${issues.length} problems; nothing was imported`, issues.slice(0, MAX_ISSUES));
  if (rows.length === 0) throw invalid('the file has no data rows');
  const ids = await db.transaction().execute(async (trx) => {
    const made: number[] = [];
    for (const { values: v } of rows) {
      if (kind === 'products') {
        const { id } = await insertProduct(trx, productDraft(v), now);
        made.push(id);
      } else {
        made.push(await createSupplierRow(trx, supplierDraft(v), now));
      }
    }
    // The mapping the user confirmed is kept for this source, in the same transaction.
    const value = JSON.stringify(mapping);
    await trx
      .insertInto('sourcing_settings')
      .values({ key: settingKey(kind, source), value, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
      .execute();
    return made;
  });
  return { imported: ids.length, ids };
}
