import type { ImportMessageParams } from '../../shared/rpc/domains/imports';
import { normaliseHeader } from './normalise-header';
import { KIND_SPECS, type KindSpec } from './specs/index';

/** How the columns of one file map onto a kind's table, compiled once from its header row. */
export type HeaderPlan = {
  spec: KindSpec;
  layout: string;
  /** Physical line of the header row. */
  headerLine: number;
  /** Header names as written in the file (for messages). */
  headers: readonly string[];
  /** For each spec column, the field index that fills it, or -1 when the file has no such column. */
  columnIndex: readonly number[];
  /** Columns stored in `extra_json`: everything not mapped, not blank and not personal data. */
  extras: readonly { index: number; name: string }[];
};

export type HeaderRefusal = { code: 'IMPORT_MISSING_COLUMNS' | 'IMPORT_UNKNOWN_KIND'; params: ImportMessageParams };

/** How many records at the top of a file may come before the header (titles, notes). */
export const HEADER_SCAN_LIMIT = 20;

const INSURANCE = ['保险单号', '投保单号'];

const sameSet = (names: readonly string[], layout: readonly string[]): boolean => {
  if (names.length !== layout.length) return false;
  const set = new Set(names);
  return set.size === layout.length && layout.every((h) => set.has(h));
};

/**
 * Decides whether one record is a header row and of which kind: the kind whose typical names
 * it holds most (at least two). Returns null for an ordinary row, a refusal when the row is a
 * header of a known kind that lacks required columns (or a side file such as the freight
 * insurance list), or the compiled plan.
 */
export function recogniseHeader(fields: readonly string[], line: number): HeaderPlan | HeaderRefusal | null {
  const names = fields.map(normaliseHeader);
  const present = new Set(names);
  let best: KindSpec | null = null;
  let bestScore = 1;
  for (const spec of KIND_SPECS) {
    // A kind is only considered when one of its own key columns is there (商品ID + 商品名称 alone is a product list).
    if (!spec.requiredHeaders.some((alternatives) => alternatives.some((h) => present.has(h)))) continue;
    const score = spec.hints.reduce((n, h) => n + (present.has(h) ? 1 : 0), 0);
    if (score > bestScore) {
      best = spec;
      bestScore = score;
    }
  }
  if (INSURANCE.some((h) => present.has(h))) return { code: 'IMPORT_UNKNOWN_KIND', params: { variant: 'INSURANCE' } };
  if (best === null) return null;

  const missing = best.requiredHeaders.filter((alternatives) => !alternatives.some((h) => present.has(h)));
  if (missing.length > 0) {
    return { code: 'IMPORT_MISSING_COLUMNS', params: { kind: best.kind, columns: missing.map((alts) => alts.join('/')).join('、') } };
  }

  const taken = new Set<number>();
  const columnIndex = best.columns.map((col) => {
    for (const header of col.headers) {
      const index = names.indexOf(header);
      if (index >= 0 && !taken.has(index)) {
        taken.add(index);
        return index;
      }
    }
    return -1;
  });
  const never = new Set(best.neverStored);
  const seen = new Map<string, number>();
  const extras: { index: number; name: string }[] = [];
  names.forEach((name, index) => {
    if (taken.has(index) || name.length === 0 || never.has(name)) return;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    extras.push({ index, name: count === 1 ? name : `${name}#${count}` });
  });
  const layout = best.layouts.find((l) => sameSet(names.filter((n) => n.length > 0), l.headers))?.name ?? best.fallbackLayout;
  return { spec: best, layout, headerLine: line, headers: fields.map((f) => f.trim().replace(/^\uFEFF/, '')), columnIndex, extras };
}

export const isHeaderPlan = (value: HeaderPlan | HeaderRefusal | null): value is HeaderPlan => value !== null && 'spec' in value;
