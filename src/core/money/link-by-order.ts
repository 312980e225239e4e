import type { Kysely } from 'kysely';
import type { UnmatchedMovements } from '../../shared/rpc/domains/money';
import type { Movement } from './money-facts';
import type { MoneyDatabase } from './money-schema';

/*
 * DOUYIN_EXPORTS.md §1.3: "Fund-flow and settlement files link to orders as follows: Their 子订单号
 * joins to 子订单编号. Their 订单号 joins to 主订单编号, used only when 子订单号 is blank." §4.1:
 * "订单号 can be a parent order number that returns several sub-order rows." So a row with a blank
 * 子订单号 belongs to a line only when its order has exactly one line; otherwise it cannot be split
 * and is listed as "未能对应到订单行" with its amount, never dropped.
 */

/** Each order's sub-orders, as far as the order export says (only the orders asked for). */
export type OrderLinesOf = ReadonlyMap<string, readonly string[]>;

/** Rows with a blank 子订单号 and an 订单号 take the order's only line; the others say why they could not. Pure. */
export function linkByOrder(movements: readonly Movement[], linesOf: OrderLinesOf): Movement[] {
  return movements.map((m) => {
    if (m.subOrderId || !m.orderId) return m;
    const subs = linesOf.get(m.orderId) ?? [];
    if (subs.length === 1) return { ...m, subOrderId: subs[0] ?? null };
    return { ...m, unlinked: subs.length === 0 ? 'noLine' : 'severalLines' };
  });
}

/** The order numbers `linkByOrder` needs looked up. */
export const ordersToLink = (movements: readonly Movement[]): string[] => [...new Set(movements.flatMap((m) => (!m.subOrderId && m.orderId ? [m.orderId] : [])))];

/** Sub-orders per order for the given 订单号 (chunked: SQLite limits bound variables). */
export async function loadOrderLinesOf(db: Kysely<MoneyDatabase>, orderIds: readonly string[]): Promise<OrderLinesOf> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await db.selectFrom('order_lines').select(['order_id', 'sub_order_id']).where('order_id', 'in', orderIds.slice(i, i + 500)).execute();
    for (const r of rows) {
      const list = out.get(r.order_id);
      if (list) list.push(r.sub_order_id);
      else out.set(r.order_id, [r.sub_order_id]);
    }
  }
  return out;
}

/** How many unmatched rows are listed by name; the total and amount cover all of them. */
export const UNMATCHED_LISTED = 50;

/**
 * Settlement and refund rows with an 订单号 that no line took, with their amount: from the funds flow
 * when there is one, else from the bill (they describe the same settlements: never both). Pure.
 */
export function unmatchedMovements(funds: readonly Movement[], bill: readonly Movement[]): UnmatchedMovements {
  const source = funds.length > 0 ? funds : bill;
  const rows = source.filter((m) => !m.subOrderId && m.orderId && m.unlinked && m.kind !== 'other');
  return {
    rows: rows.length,
    amountFen: rows.reduce((s, m) => s + m.amountFen, 0),
    items: rows.slice(0, UNMATCHED_LISTED).map((m) => ({
      source: m.source,
      key: m.key,
      orderId: m.orderId ?? '',
      on: m.on,
      kind: m.kind === 'refund' ? 'refund' : 'settlement',
      amountFen: m.amountFen,
      reason: m.unlinked ?? 'noLine',
    })),
  };
}
