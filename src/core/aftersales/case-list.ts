import { chinaDateTimeText } from '../../shared/domain/china-time';
import type { AftersaleCaseRow, AftersaleResults, ListCounts } from '../../shared/rpc/domains/aftersales';
import type { ParsedParamsOf } from '../../shared/rpc/contract';
import type { AftersaleExecutor } from './aftersale-schema';
import { readSettings } from './aftersale-settings';
import { candidateRowids, closedAmong, countMatches, DENSE_SEARCH, filterSql, readFew, textGroups, walkStretch } from './case-page-sql';
import { compareCases, loadRecords, toCaseRow, type RecordScope } from './case-records';
import { compareSortKeys, decodeCursor, encodeCursor, sortKeyOfRow, stretchOf, type CaseSortKey } from './case-sort';
import { subtractGroups, textClasses, type TextClasses, type TextGroup } from './case-text-classes';
import { loadMappings } from './vocabulary';

export type ListFilter = Pick<ParsedParamsOf<'aftersales.list'>, 'open' | 'type' | 'soon' | 'arbitration' | 'supplierId' | 'search'>;

/** Every case in scope as rows, sorted (open by deadline first). */
export async function caseRows(db: AftersaleExecutor, now: Date, scope: RecordScope = {}): Promise<{ rows: AftersaleCaseRow[]; leadHours: number }> {
  const [records, mappings, settings] = await Promise.all([loadRecords(db, scope), loadMappings(db), readSettings(db)]);
  const rows = records.map((r) => toCaseRow(r, mappings, now, settings.leadHours)).sort(compareCases);
  return { rows, leadHours: settings.leadHours };
}

export const isSoon = (r: AftersaleCaseRow): boolean => r.open && (r.countdown.state === 'soon' || r.countdown.state === 'overdue');

/** Tabs (Excel's paste) removed, trimmed: what a search matches as typed. */
export const searchText = (search: string | undefined): string => (search ?? '').replace(/\t/g, '').trim();

/**
 * The list's filter on one case: the definition the SQL of case-page-sql.ts follows (tested
 * against each other on a generated shop). Order numbers and 售后单号 match digits as typed,
 * titles by substring.
 */
export function caseMatches(r: AftersaleCaseRow, filter: ListFilter): boolean {
  const text = searchText(filter.search);
  return (
    (filter.open === undefined || r.open === filter.open) &&
    (filter.type === undefined || r.type === filter.type) &&
    (filter.soon !== true || isSoon(r)) &&
    (filter.arbitration !== true || (r.open && r.arbitration !== 'none')) &&
    (filter.supplierId === undefined || r.supplierId === filter.supplierId) &&
    (text === '' || r.orderId.includes(text) || r.subOrderId.includes(text) || (r.aftersaleId ?? '').includes(text) || (r.productTitle ?? '').includes(text))
  );
}

export const countsOf = (rows: readonly AftersaleCaseRow[]): ListCounts => ({
  all: rows.length,
  open: rows.filter((r) => r.open).length,
  soon: rows.filter(isSoon).length,
  arbitration: rows.filter((r) => r.open && r.arbitration !== 'none').length,
  unmapped: rows.filter((r) => r.type === 'unknown').length,
});

/** The counts and a filter's total over the export-decided cases, from the text groups alone. */
function groupTotal(groups: readonly TextGroup[], classes: TextClasses, f: ListFilter): number {
  let total = 0;
  for (const g of groups) {
    const open = classes.isOpen(g);
    if (f.open !== undefined && open !== f.open) continue;
    if ((f.soon === true || f.arbitration === true) && !open) continue;
    if (f.arbitration === true && !classes.inArbitration(g)) continue;
    if (f.type !== undefined && classes.typeOf(g) !== f.type) continue;
    total += f.soon === true ? g.soon : g.n;
  }
  return total;
}

/** Up to this many search or supplier candidates are read whole and sorted in memory instead of walking the list. */
const FEW = 5_000;

/**
 * `aftersales.list`: a page in list order (open by deadline first) from the cursor (`after`) or
 * the offset, the filter's total and the screen's counts. The export-decided cases come from the
 * indexes (case-page-sql.ts); the ones the seller decides (hand-made, closed by the seller: as
 * many as the seller made by hand) are read whole and filtered by `caseMatches`; the two are
 * merged by sort key. The full records are read for the page's cases only.
 */
export async function listCases(
  db: AftersaleExecutor,
  params: ParsedParamsOf<'aftersales.list'>,
  now: Date,
  thresholds: { few: number; dense: number } = { few: FEW, dense: DENSE_SEARCH },
): Promise<AftersaleResults['aftersales.list']> {
  const [mappings, settings] = await Promise.all([loadMappings(db), readSettings(db)]);
  const leadHours = settings.leadHours;
  // A deadline d is soon when d − now ≤ lead; exported deadlines are whole seconds.
  const soonCutoff = chinaDateTimeText(new Date(Math.floor((now.getTime() + leadHours * 3_600_000) / 1000) * 1000));
  const [allGroups, closedGroups, touchedRecords] = await Promise.all([textGroups(db, soonCutoff, false), textGroups(db, soonCutoff, true), loadRecords(db, { touched: true })]);
  const classes = textClasses(allGroups, mappings);
  const groups = subtractGroups(allGroups, closedGroups);
  const touched = touchedRecords.map((r) => toCaseRow(r, mappings, now, leadHours));
  const exportCounts = (f: ListFilter) => groupTotal(groups, classes, f);
  const own = countsOf(touched);
  const counts: ListCounts = {
    all: exportCounts({}) + own.all,
    open: exportCounts({ open: true }) + own.open,
    soon: exportCounts({ soon: true }) + own.soon,
    arbitration: exportCounts({ arbitration: true }) + own.arbitration,
    unmapped: exportCounts({ type: 'unknown' }) + own.unmapped,
  };

  const filter = await candidateRowids(db, { ...params, search: searchText(params.search), soonCutoff }, thresholds.dense);
  const where = filterSql(filter, classes);
  const picked = touched.filter((r) => caseMatches(r, params)).map((r) => ({ ...sortKeyOfRow(r), full: r }));
  const cursor = params.after === undefined ? null : decodeCursor(params.after);
  const need = params.offset + params.limit + 1;
  const after = (k: CaseSortKey) => cursor === null || compareSortKeys(k, cursor) > 0;
  type Item = CaseSortKey & { full?: AftersaleCaseRow; row?: { rid: number } };
  let items: Item[] = [];
  let total: number;
  const candidates = filter.candidates;
  if (candidates && candidates.fewestRowids !== null && candidates.fewest <= thresholds.few) {
    // A search or supplier with few candidates: read them all, sorted here; the total is theirs.
    const few = await readFew(db, candidates.fewestRowids, where, classes);
    total = few.length + picked.length;
    items = [...few, ...picked].filter(after).sort(compareSortKeys).slice(0, need);
  } else {
    const bySql = filter.supplierId !== undefined || filter.search !== '';
    const searchOnly = filter.search !== '' && Object.entries(params).every(([k, v]) => v === undefined || ['search', 'limit', 'offset', 'after'].includes(k));
    // A search alone: its matches are counted already; only the seller's closes among them move elsewhere.
    const exported = searchOnly && candidates ? candidates.searchCount - (await closedAmong(db, filter.search)) : bySql ? await countMatches(db, where) : exportCounts(params);
    total = exported + picked.length;
    const skip = (s: 0 | 1 | 2) =>
      (cursor !== null && s < stretchOf(cursor)) || (s !== 2 && params.open === false) || (s === 1 && params.soon === true) || (s === 2 && (params.open === true || params.soon === true || params.arbitration === true));
    // The stretches follow each other in the list: stop once the page is full.
    for (const s of [0, 1, 2] as const) {
      if (items.length >= need) break;
      if (skip(s)) continue;
      const fromSql = await walkStretch(db, s, where, classes, cursor !== null && stretchOf(cursor) === s ? cursor : null, need - items.length);
      const own = picked.filter((k) => stretchOf(k) === s && after(k));
      items.push(...[...fromSql, ...own].sort(compareSortKeys).slice(0, need - items.length));
    }
  }
  const page = items.slice(params.offset, params.offset + params.limit);
  const more = items.length > params.offset + params.limit;
  const rowids = page.flatMap((k) => (k.row ? [k.row.rid] : []));
  const loaded = rowids.length === 0 ? [] : (await loadRecords(db, { rowids })).map((r) => toCaseRow(r, mappings, now, leadHours));
  const byKey = new Map(loaded.map((r) => [r.caseKey, r]));
  const rows = page.flatMap((k) => {
    const row = k.full ?? byKey.get(k.caseKey);
    return row ? [row] : [];
  });
  const last = page.at(-1);
  return { total, counts, leadHours, rows, nextAfter: more && last ? encodeCursor(last) : null };
}
