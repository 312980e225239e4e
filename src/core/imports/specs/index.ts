import type { ImportKind } from '../../../shared/rpc/domains/imports';
import { AFTERSALES_SPEC } from './aftersales-spec';
import { FUNDS_SPEC } from './funds-spec';
import type { KindSpec } from './kind-spec';
import { ORDERS_SPEC } from './orders-spec';
import { SETTLEMENT_SPEC } from './settlement-spec';

export type { CellType, ColumnSpec, KindSpec } from './kind-spec';

export const KIND_SPECS: readonly KindSpec[] = [ORDERS_SPEC, FUNDS_SPEC, SETTLEMENT_SPEC, AFTERSALES_SPEC];

export const specOf = (kind: ImportKind): KindSpec => {
  const spec = KIND_SPECS.find((s) => s.kind === kind);
  if (!spec) throw new Error(`no spec for ${kind}`);
  return spec;
};

/** Every stored column of a kind's table, in the order rows travel from the reader to the writer. */
export const rowColumns = (spec: KindSpec): string[] => [...spec.columns.map((c) => c.column), ...spec.derived, 'extra_json'];
