/** The order list's columns, in their default order; the user picks and orders them (kept in localStorage). */
export const ORDER_COLUMNS = ['mainOrderId', 'shipBy', 'purchase', 'products', 'quantity', 'amount', 'status', 'aftersale', 'paidAt', 'province', 'influencer', 'source'] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];
export type ColumnPrefs = { order: OrderColumn[]; hidden: OrderColumn[] };

export const DEFAULT_PREFS: ColumnPrefs = { order: [...ORDER_COLUMNS], hidden: ['influencer', 'source'] };
export const PREFS_KEY = 'shopdesk.orders.columns.v1';

const isColumn = (v: unknown): v is OrderColumn => typeof v === 'string' && (ORDER_COLUMNS as readonly string[]).includes(v);

/**
 * Stored prefs made whole: unknown names dropped, duplicates removed, columns added in a later
 * version appended (shown), the order number always visible. Anything unreadable gives the default.
 */
export function readPrefs(text: string | null): ColumnPrefs {
  if (text === null) return DEFAULT_PREFS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return DEFAULT_PREFS;
  }
  const p = parsed as { order?: unknown; hidden?: unknown } | null;
  if (!p || !Array.isArray(p.order) || !Array.isArray(p.hidden)) return DEFAULT_PREFS;
  const order = [...new Set(p.order.filter(isColumn))];
  for (const c of ORDER_COLUMNS) if (!order.includes(c)) order.push(c);
  const hidden = [...new Set(p.hidden.filter(isColumn))].filter((c) => c !== 'mainOrderId');
  return { order, hidden };
}

/** Moves a column one place up (-1) or down (+1); at an end nothing moves. */
export function moveColumn(prefs: ColumnPrefs, column: OrderColumn, by: -1 | 1): ColumnPrefs {
  const order = [...prefs.order];
  const i = order.indexOf(column);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return prefs;
  [order[i], order[j]] = [order[j] as OrderColumn, order[i] as OrderColumn];
  return { ...prefs, order };
}

export function toggleColumn(prefs: ColumnPrefs, column: OrderColumn, visible: boolean): ColumnPrefs {
  if (column === 'mainOrderId') return prefs;
  const hidden = visible ? prefs.hidden.filter((c) => c !== column) : [...new Set([...prefs.hidden, column])];
  return { ...prefs, hidden };
}

export const visibleColumns = (prefs: ColumnPrefs): OrderColumn[] => prefs.order.filter((c) => !prefs.hidden.includes(c));
