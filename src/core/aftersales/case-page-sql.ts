import { sql, type RawBuilder } from 'kysely';
import { chinaDateTimeMs, chinaDateTimeText } from '../../shared/domain/china-time';
import type { AftersaleTypeOrUnknown } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';
import { productSupplier, purchaseSupplier } from './case-records';
import type { CaseSortKey } from './case-sort';
import type { TextClasses, TextGroup } from './case-text-classes';

/*
 * The imported cases the export alone decides (every one the seller has not closed), read from
 * migration 0018's indexes: a page walks one stretch of the list (open with a deadline, open
 * without, done) in the list's order from the cursor and stops at `need` rows; the counts are one
 * pass over the stats index per combination of texts. Only the key columns come back; the page's
 * full records are read afterwards by key (case-records.ts). Every page query names its index:
 * without statistics SQLite prefers the equality index on status and then sorts every match.
 */
export type SqlFilter = {
  open?: boolean;
  type?: AftersaleTypeOrUnknown;
  soon?: boolean;
  arbitration?: boolean;
  supplierId?: number;
  /** Tabs removed and trimmed; empty means no search. */
  search: string;
  /** China wall-clock text of now + the lead: a deadline at or before it is "soon". */
  soonCutoff: string;
  /** The rowids (JSON arrays) the search matches and the supplier can be of (`candidateRowids`), and the smaller one's size. */
  candidates?: { search: string; supplier: string; searchCount: number; dense: boolean; fewest: number; fewestRowids: string | null };
};

type SupplierKeys = { productIds: string[]; skuCodes: string[] };

const lineOf = (alias: string, column: 'order_id' | 'product_title') =>
  sql`(SELECT ol.${sql.ref(column)} FROM order_lines ol WHERE ol.sub_order_id = ${sql.ref(`${alias}.sub_order_id`)})`;

/** As caseMatches reads a search: part of the order number, 商品单号, 售后单号 or title, as typed (case-sensitive). */
const searchSql = (alias: string, text: string) => {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql`(instr(${col('aftersale_id')}, ${text}) > 0 OR instr(${col('sub_order_id')}, ${text}) > 0
    OR instr(COALESCE(${col('order_id')}, ${lineOf(alias, 'order_id')}), ${text}) > 0 OR instr(COALESCE(${col('product_title')}, ${lineOf(alias, 'product_title')}), ${text}) > 0)`;
};

/** The product ids and 商家编码 that can lead to this supplier as a product's default (few per supplier). */
async function supplierKeys(db: AftersaleExecutor, supplierId: number): Promise<SupplierKeys> {
  const ids = await sql<{ v: string }>`SELECT douyin_product_id AS v FROM products WHERE supplier_id = ${supplierId} AND douyin_product_id <> ''
    UNION SELECT douyin_product_id AS v FROM product_default_suppliers WHERE supplier_id = ${supplierId}`.execute(db);
  const codes = await sql<{ v: string }>`SELECT merchant_code AS v FROM products WHERE supplier_id = ${supplierId} AND merchant_code <> ''`.execute(db);
  return { productIds: ids.rows.map((r) => r.v), skuCodes: codes.rows.map((r) => r.v) };
}

/**
 * Every case whose supplier can be this one: set on the case, the purchase of its line, or the
 * default of its product (by the case's 商品ID / 商家编码 or its line's). A superset: the walk
 * then checks the supplier as case-records.ts finds it.
 */
function supplierCandidates(supplierId: number, keys: SupplierKeys): RawBuilder<unknown> {
  const parts = [
    sql`SELECT s.rowid AS rid FROM aftersale_cases c JOIN aftersales s ON s.aftersale_id = c.aftersale_id AND s.sub_order_id = c.sub_order_id WHERE c.supplier_id = ${supplierId}`,
    sql`SELECT s.rowid AS rid FROM purchases pu JOIN purchase_lines pl ON pl.purchase_id = pu.id JOIN aftersales s ON s.sub_order_id = pl.sub_order_id WHERE pu.supplier_id = ${supplierId}`,
  ];
  const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`));
  if (keys.productIds.length > 0) {
    parts.push(sql`SELECT s.rowid AS rid FROM aftersales s INDEXED BY aftersales_by_product WHERE s.product_id IN (${list(keys.productIds)})`);
    parts.push(sql`SELECT s.rowid AS rid FROM order_lines ol JOIN aftersales s ON s.sub_order_id = ol.sub_order_id WHERE ol.product_id IN (${list(keys.productIds)})`);
  }
  if (keys.skuCodes.length > 0) {
    parts.push(sql`SELECT s.rowid AS rid FROM aftersales s INDEXED BY aftersales_by_sku WHERE s.sku_code IN (${list(keys.skuCodes)})`);
    parts.push(sql`SELECT s.rowid AS rid FROM order_lines ol JOIN aftersales s ON s.sub_order_id = ol.sub_order_id WHERE ol.sku_code IN (${list(keys.skuCodes)})`);
  }
  return sql.join(parts, sql` UNION `);
}


export type KeyRow = { rid: number; aftersale_id: string; sub_order_id: string; applied_at: string | null; auto_deadline_at: string | null };

/**
 * `column IN (texts)`; no text is `IN (NULL)`, false for every row but not a constant: beside
 * INDEXED BY, a constant-false WHERE made SQLite refuse the query ("no query solution").
 */
const inList = (column: string, values: readonly string[]): RawBuilder<unknown> =>
  values.length === 0 ? sql`${sql.ref(column)} IN (NULL)` : sql`${sql.ref(column)} IN (${sql.join(values.map((v) => sql`${v}`))})`;

/** Not a live request: no status, or one not among the open texts (every case when there is none). */
const notOpen = (classes: TextClasses): RawBuilder<unknown> =>
  classes.openStatuses.length === 0 ? sql`1` : sql`(a.status IS NULL OR NOT ${inList('a.status', classes.openStatuses)})`;

const lineColumn = (column: 'product_id' | 'sku_code') =>
  sql`(SELECT ol.${sql.ref(column)} FROM order_lines ol WHERE ol.sub_order_id = a.sub_order_id)`;

/** As case-records.ts finds a case's supplier: the case's own, the purchase's, the product's default. */
const supplierOf = sql`COALESCE(
    (SELECT c.supplier_id FROM aftersale_cases c WHERE c.aftersale_id = a.aftersale_id AND c.sub_order_id = a.sub_order_id),
    ${purchaseSupplier(sql`a.sub_order_id`)},
    ${productSupplier(sql`COALESCE(a.product_id, ${lineColumn('product_id')})`, sql`COALESCE(a.sku_code, ${lineColumn('sku_code')})`)})`;

const notClosedBySeller = sql`NOT EXISTS (SELECT 1 FROM aftersale_cases c WHERE c.aftersale_id = a.aftersale_id AND c.sub_order_id = a.sub_order_id AND c.closed_at IS NOT NULL)`;

/** The filter over the `aftersales` row `a`, cheap tests on index columns first, the seller's close last. */
export function filterSql(f: SqlFilter, classes: TextClasses): RawBuilder<unknown>[] {
  const open = inList('a.status', classes.openStatuses);
  const where: RawBuilder<unknown>[] = [];
  if (f.open === true || f.soon === true || f.arbitration === true) where.push(open);
  if (f.open === false) where.push(notOpen(classes));
  if (f.soon === true) where.push(sql`a.auto_deadline_at <= ${f.soonCutoff}`);
  if (f.arbitration === true) where.push(sql`(${inList('a.arbitration_status', classes.arbTexts)} OR ${inList('a.status', classes.arbStatuses)})`);
  if (f.type !== undefined) {
    const texts = inList('a.aftersale_type', classes.typeTexts.get(f.type) ?? []);
    where.push(f.type === 'unknown' ? sql`(a.aftersale_type IS NULL OR ${texts})` : texts);
  }
  // Search and supplier are tested on candidate rowids found once per list call (candidateRowids):
  // walked in list order, each index entry is then a probe of that set, not a read of its table
  // row (3.4 s at 200k cases for a search that matched nothing, against one scan's 0.2 s).
  // A search matching many cases is tested on the row itself: they are dense, so the walk fills its page after a few row reads.
  if (f.search !== '') where.push(f.candidates && !f.candidates.dense ? sql`a.rowid IN (SELECT value FROM json_each(${f.candidates.search}))` : searchSql('a', f.search));
  if (f.supplierId !== undefined) {
    if (f.candidates) where.push(sql`a.rowid IN (SELECT value FROM json_each(${f.candidates.supplier}))`);
    where.push(sql`${supplierOf} = ${f.supplierId}`);
  }
  where.push(notClosedBySeller);
  return where;
}

const caseKeySql = sql`(a.aftersale_id || '/' || a.sub_order_id)`;
const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` AND `);

/** Rows of stretch 0 (open, with a deadline) after the cursor, in list order. */
async function walkDeadlines(db: AftersaleExecutor, where: RawBuilder<unknown>[], classes: TextClasses, cursor: CaseSortKey | null, need: number): Promise<KeyRow[]> {
  const parts = [sql`a.auto_deadline_at IS NOT NULL`, inList('a.status', classes.openStatuses), ...where];
  if (cursor !== null && cursor.open && cursor.deadlineMs !== null) {
    const dl = chinaDateTimeText(new Date(cursor.deadlineMs));
    const applied = cursor.appliedAt ?? '';
    parts.push(sql`a.auto_deadline_at >= ${dl}`);
    parts.push(sql`(a.auto_deadline_at > ${dl} OR COALESCE(a.applied_at, '') < ${applied} OR (COALESCE(a.applied_at, '') = ${applied} AND ${caseKeySql} > ${cursor.caseKey}))`);
  }
  return (
    await sql<KeyRow>`SELECT a.rowid AS rid, a.aftersale_id, a.sub_order_id, a.applied_at, a.auto_deadline_at FROM aftersales a INDEXED BY aftersales_list_by_deadline
      WHERE ${and(parts)} ORDER BY a.auto_deadline_at, a.applied_at DESC, a.aftersale_id, a.sub_order_id LIMIT ${need}`.execute(db)
  ).rows;
}

/** Rows of stretch 1 (open, no deadline) or 2 (done) after the cursor, newest request first. */
async function walkApplied(db: AftersaleExecutor, stretch: 1 | 2, where: RawBuilder<unknown>[], classes: TextClasses, cursor: CaseSortKey | null, need: number): Promise<KeyRow[]> {
  const open = inList('a.status', classes.openStatuses);
  const base = stretch === 1 ? [sql`a.auto_deadline_at IS NULL`, open, ...where] : [notOpen(classes), ...where];
  const read = async (parts: RawBuilder<unknown>[], limit: number) =>
    (
      await sql<KeyRow>`SELECT a.rowid AS rid, a.aftersale_id, a.sub_order_id, a.applied_at, a.auto_deadline_at FROM aftersales a INDEXED BY aftersales_list_by_applied
        WHERE ${and(parts)} ORDER BY a.applied_at DESC, a.aftersale_id, a.sub_order_id LIMIT ${limit}`.execute(db)
    ).rows;
  if (cursor === null) return read(base, need);
  // Newest request first and no request time last: the rows with a time after the cursor's (an
  // index range), then those without one. Split so each half is a range, not a scan from the top.
  const nullPart = (after: RawBuilder<unknown> | null) => read([...base, sql`a.applied_at IS NULL`, ...(after ? [after] : [])], need);
  if (cursor.appliedAt === null) return nullPart(sql`${caseKeySql} > ${cursor.caseKey}`);
  const timed = await read([...base, sql`a.applied_at <= ${cursor.appliedAt}`, sql`(a.applied_at < ${cursor.appliedAt} OR ${caseKeySql} > ${cursor.caseKey})`], need);
  return timed.length >= need ? timed : [...timed, ...(await nullPart(null))];
}

/** The next `need` export-decided cases of one stretch after the cursor, as sort keys. */
export async function walkStretch(db: AftersaleExecutor, stretch: 0 | 1 | 2, where: RawBuilder<unknown>[], classes: TextClasses, cursor: CaseSortKey | null, need: number): Promise<(CaseSortKey & { row: KeyRow })[]> {
  const rows = stretch === 0 ? await walkDeadlines(db, where, classes, cursor, need) : await walkApplied(db, stretch, where, classes, cursor, need);
  return rows.map((row) => ({
    open: stretch !== 2,
    deadlineMs: stretch === 0 && row.auto_deadline_at !== null ? chinaDateTimeMs(row.auto_deadline_at) : null,
    appliedAt: row.applied_at,
    caseKey: `${row.aftersale_id}/${row.sub_order_id}`,
    row,
  }));
}

/** Cases per combination of texts, with how many have a deadline at or before `soonCutoff`. */
export async function textGroups(db: AftersaleExecutor, soonCutoff: string, closedBySeller: boolean): Promise<TextGroup[]> {
  const select = sql`a.status, a.arbitration_status AS arb, a.aftersale_type AS type, COUNT(*) AS n, COALESCE(SUM(a.auto_deadline_at <= ${soonCutoff}), 0) AS soon`;
  const group = sql`GROUP BY a.status, a.arbitration_status, a.aftersale_type`;
  const query = closedBySeller
    ? // CROSS JOIN keeps the seller's rows (a few) outside: left alone, SQLite walked every case by status for the GROUP BY.
      sql<TextGroup>`SELECT ${select} FROM aftersale_cases c CROSS JOIN aftersales a ON a.aftersale_id = c.aftersale_id AND a.sub_order_id = c.sub_order_id
        WHERE c.aftersale_id IS NOT NULL AND c.closed_at IS NOT NULL ${group}`
    : sql<TextGroup>`SELECT ${select} FROM aftersales a INDEXED BY aftersales_list_stats ${group}`;
  return (await query.execute(db)).rows.map((g) => ({ ...g, n: Number(g.n), soon: Number(g.soon) }));
}

/** Past this many matches a search is tested on the row in the walk instead of by its rowid set. */
export const DENSE_SEARCH = 20_000;

/** The search's matches (one scan) and the supplier's candidates (by its keys), as JSON arrays of rowids. */
export async function candidateRowids(db: AftersaleExecutor, f: SqlFilter, dense = DENSE_SEARCH): Promise<SqlFilter> {
  const ids = async (query: RawBuilder<unknown>) => (await sql<{ rid: number }>`SELECT rid FROM (${query})`.execute(db)).rows.map((r) => r.rid);
  const search = f.search === '' ? null : await ids(sql`SELECT s.rowid AS rid FROM aftersales s WHERE ${searchSql('s', f.search)}`);
  const supplier = f.supplierId === undefined ? null : await ids(supplierCandidates(f.supplierId, await supplierKeys(db, f.supplierId)));
  const sets = [search, supplier].filter((v): v is number[] => v !== null).sort((a, b) => a.length - b.length);
  const isDense = (search?.length ?? 0) > dense;
  return {
    ...f,
    candidates: {
      // A dense search is tested on the row: its rowids are not needed as a set (200k of them cost a JSON parse per query).
      search: isDense ? '[]' : JSON.stringify(search ?? []),
      supplier: JSON.stringify(supplier ?? []),
      searchCount: search?.length ?? 0,
      dense: isDense,
      fewest: sets[0]?.length ?? Infinity,
      fewestRowids: sets[0] === undefined || (sets[0] === search && isDense) ? null : JSON.stringify(sets[0]),
    },
  };
}

/** How many cases the seller closed the search matches (the export's count of a search less those): a few rows tested. */
export async function closedAmong(db: AftersaleExecutor, search: string): Promise<number> {
  const row = (
    await sql<{ n: number }>`SELECT COUNT(*) AS n FROM aftersale_cases t CROSS JOIN aftersales s ON s.aftersale_id = t.aftersale_id AND s.sub_order_id = t.sub_order_id
      WHERE t.aftersale_id IS NOT NULL AND t.closed_at IS NOT NULL AND ${searchSql('s', search)}`.execute(db)
  ).rows[0];
  return Number(row?.n ?? 0);
}

/**
 * Every export-decided match among few candidates, as sort keys (the caller sorts them): reading
 * them by rowid costs what they are, where a walk in list order would pass every case to find them.
 */
export async function readFew(db: AftersaleExecutor, rowids: string, where: RawBuilder<unknown>[], classes: TextClasses): Promise<(CaseSortKey & { row: KeyRow })[]> {
  // Driven from the candidates (CROSS JOIN keeps them outside): left alone SQLite scanned the table and probed the set.
  const rows = (
    await sql<KeyRow & { status: string | null }>`SELECT a.rowid AS rid, a.aftersale_id, a.sub_order_id, a.applied_at, a.auto_deadline_at, a.status
      FROM json_each(${rowids}) j CROSS JOIN aftersales a ON a.rowid = j.value WHERE ${and(where)}`.execute(db)
  ).rows;
  const open = new Set(classes.openStatuses);
  return rows.map((row) => {
    const isOpen = row.status !== null && open.has(row.status);
    return {
      open: isOpen,
      deadlineMs: isOpen && row.auto_deadline_at !== null ? chinaDateTimeMs(row.auto_deadline_at) : null,
      appliedAt: row.applied_at,
      caseKey: `${row.aftersale_id}/${row.sub_order_id}`,
      row,
    };
  });
}

/** How many export-decided cases match a filter the text groups cannot answer (supplier, search). */
export async function countMatches(db: AftersaleExecutor, where: RawBuilder<unknown>[]): Promise<number> {
  const row = (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM aftersales a WHERE ${and(where)}`.execute(db)).rows[0];
  return Number(row?.n ?? 0);
}
