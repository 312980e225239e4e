import type { DepositRate, EntityType } from '../../../../shared/rpc/domains/money';

export type DepositRow = { category: string } & Partial<Record<EntityType, number | null>>;

/** Groups the flat deposit table by category, entity types as columns. Pure: tested in Node. */
export function rowsOf(rates: readonly DepositRate[]): DepositRow[] {
  const rows = new Map<string, DepositRow>();
  for (const r of rates) rows.set(r.category, { ...(rows.get(r.category) ?? { category: r.category }), [r.entity]: r.amountFen });
  return [...rows.values()];
}
