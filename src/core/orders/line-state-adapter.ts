import { AFTERSALE_KEPT, AFTERSALE_REFUNDED, UNSHIPPED_STATUSES } from '../../shared/domain/order-line-state';
import { PURCHASE_STATUSES } from '../../shared/domain/purchase-status';

/*
 * The one place the orders desk asks "what state is this line in" (DOUYIN_EXPORTS.md §3.1/§3.2).
 * It states in SQL the rules of src/shared/domain/order-line-state.ts (`lineStage`,
 * `classifyAftersale`), so the desk's queues are Today's queues. Each returns SQL text over the
 * `order_lines` row named `alias`, built from our own constants only (never user text) and
 * written as literals so SQLite can use the partial index on unshipped lines (migration 0010).
 */

const literal = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/** 售后状态 texts that mean "no after-sale" (`-` in the export, '' once cleaned; NULL too). */
export const NO_AFTERSALE_TEXTS = ['-', '', '无'] as const;
const NONE_OR_KEPT = literal([...NO_AFTERSALE_TEXTS, ...AFTERSALE_KEPT]);

/** The 订单状态 of an unpaid-to-ship line, as the partial index on unshipped lines states it. */
export const unshippedStatusSql = (alias: string): string => `${alias}.status IN (${literal(UNSHIPPED_STATUSES)})`;

/** Paid and not shipped (a 部分发货 order's line without its own 发货时间 too). */
export const unshippedSql = (alias: string): string => `(${unshippedStatusSql(alias)} AND ${alias}.shipped_at IS NULL)`;

/**
 * The line's current 售后状态 (`currentAftersaleStatus`): the after-sales export's latest request,
 * kept on the line as aftersale_latest (migration 0014, desk-summaries.ts), else the line's own.
 */
export const currentAftersaleSql = (alias: string): string => `coalesce(${alias}.aftersale_latest, ${alias}.aftersale_status)`;

/** The current state is some after-sale (not none): the WHERE of the partial index order_lines_with_aftersale, verbatim. */
const anyAftersaleSql = (alias: string): string => `${currentAftersaleSql(alias)} NOT IN (${literal(NO_AFTERSALE_TEXTS)})`;

/** After-sales open (`classifyAftersale` = open on the current state): as Today counts the lines. */
export const aftersaleOpenSql = (alias: string): string =>
  `(${currentAftersaleSql(alias)} IS NOT NULL AND ${anyAftersaleSql(alias)} AND ${currentAftersaleSql(alias)} NOT IN (${literal([...AFTERSALE_KEPT, ...AFTERSALE_REFUNDED])}))`;

/** A refund asked (open) or made on the current state: `lineStage`'s refundBeforeShip side of an unshipped line. */
const refundAskedSql = (alias: string): string => `(${currentAftersaleSql(alias)} IS NOT NULL AND ${currentAftersaleSql(alias)} NOT IN (${NONE_OR_KEPT}))`;

/** Unshipped and the buyer asked for a refund: not to be bought from the supplier (买家已申请退款). */
export const refundBeforeShipSql = (alias: string): string => `(${unshippedSql(alias)} AND ${refundAskedSql(alias)})`;

/** 待采购: unshipped and no refund asked (`lineStage` toShip). */
export const toPurchaseSql = (alias: string): string => `(${unshippedSql(alias)} AND NOT ${refundAskedSql(alias)})`;

/** The unshipped rule for a line already loaded. */
export const isUnshipped = (status: string | null, shippedAt: string | null = null): boolean =>
  status !== null && shippedAt === null && (UNSHIPPED_STATUSES as readonly string[]).includes(status);

const isRefundAsked = (text: string | null): boolean => text !== null && !([...NO_AFTERSALE_TEXTS, ...AFTERSALE_KEPT] as readonly string[]).includes(text);

/** A line still to buy (Today's 待采购): unshipped, no refund asked; `aftersale_status` is the current state (`currentAftersaleSql`). */
export const isToPurchase = (l: { status: string | null; shipped_at?: string | null; aftersale_status: string | null }): boolean =>
  isUnshipped(l.status, l.shipped_at ?? null) && !isRefundAsked(l.aftersale_status);

/*
 * Purchases (migration 0006: a line is in at most one purchase, purchase_lines.sub_order_id is its
 * key). Read by table name, not through src/core/purchases (which reads this folder: no cycle).
 */
const purchaseLinesWhere = (condition: string) => `SELECT pl.sub_order_id FROM purchase_lines pl JOIN purchases p ON p.id = pl.purchase_id WHERE ${condition}`;

/** The line is in a purchase of this supplier. */
export const supplierSql = (alias: string, supplierId: number): string => `${alias}.sub_order_id IN (${purchaseLinesWhere(`p.supplier_id = ${Math.trunc(supplierId)}`)})`;

/**
 * The line's purchase is in this status; `pending` also takes a line still to ship that no purchase
 * covers (待采购 before anything was recorded). Both halves sit on unshipped lines: a 待采购 purchase
 * on a line since shipped is moved to 已发货 by the next import, and one on a closed line is not to buy.
 */
export const purchaseStatusSql = (alias: string, status: (typeof PURCHASE_STATUSES)[number]): string => {
  if (!(PURCHASE_STATUSES as readonly string[]).includes(status)) throw new Error(`not a purchase status: ${status}`);
  const inStatus = `${alias}.sub_order_id IN (${purchaseLinesWhere(`p.status = '${status}'`)})`;
  if (status !== 'pending') return inStatus;
  // NOT IN a list built once (sub_order_id is never NULL there) rather than one probe per line: 10–15% off the count at 1M lines.
  return `(${unshippedStatusSql(alias)} AND (${inStatus} OR (${toPurchaseSql(alias)} AND ${alias}.sub_order_id NOT IN (SELECT sub_order_id FROM purchase_lines))))`;
};
