import type { AftersaleCaseRow, AftersaleResults, ListCounts } from '../../shared/rpc/domains/aftersales';
import type { ParsedParamsOf } from '../../shared/rpc/contract';
import type { AftersaleExecutor } from './aftersale-schema';
import { readSettings } from './aftersale-settings';
import { compareCases, loadRecords, toCaseRow, type RecordScope } from './case-records';
import { loadMappings } from './vocabulary';

/** Every case in scope as rows, sorted (open by deadline first). */
export async function caseRows(db: AftersaleExecutor, now: Date, scope: RecordScope = {}): Promise<{ rows: AftersaleCaseRow[]; leadHours: number }> {
  const [records, mappings, settings] = await Promise.all([loadRecords(db, scope), loadMappings(db), readSettings(db)]);
  const rows = records.map((r) => toCaseRow(r, mappings, now, settings.leadHours)).sort(compareCases);
  return { rows, leadHours: settings.leadHours };
}

const isSoon = (r: AftersaleCaseRow): boolean => r.open && (r.countdown.state === 'soon' || r.countdown.state === 'overdue');

/** Order numbers and 售后单号 pasted from Excel carry a tab; a search matches digits as typed, titles by substring. */
function matches(r: AftersaleCaseRow, search: string): boolean {
  const text = search.trim();
  if (text === '') return true;
  return r.orderId.includes(text) || r.subOrderId.includes(text) || (r.aftersaleId ?? '').includes(text) || (r.productTitle ?? '').includes(text);
}

export async function listCases(db: AftersaleExecutor, filter: ParsedParamsOf<'aftersales.list'>, now: Date): Promise<AftersaleResults['aftersales.list']> {
  const { rows: all, leadHours } = await caseRows(db, now);
  const counts: ListCounts = {
    all: all.length,
    open: all.filter((r) => r.open).length,
    soon: all.filter(isSoon).length,
    arbitration: all.filter((r) => r.open && r.arbitration !== 'none').length,
    unmapped: all.filter((r) => r.type === 'unknown').length,
  };
  const picked = all.filter(
    (r) =>
      (filter.open === undefined || r.open === filter.open) &&
      (filter.type === undefined || r.type === filter.type) &&
      (filter.soon !== true || isSoon(r)) &&
      (filter.arbitration !== true || (r.open && r.arbitration !== 'none')) &&
      (filter.supplierId === undefined || r.supplierId === filter.supplierId) &&
      (filter.search === undefined || matches(r, filter.search.replace(/\t/g, ''))),
  );
  return { total: picked.length, counts, leadHours, rows: picked.slice(filter.offset, filter.offset + filter.limit) };
}
