import { sql } from 'kysely';
import { allocate, lineProfit, sumProfit, type ProfitBreakdown } from '../../shared/domain/profit';
import type { CostCoverage, ProductProfitRow } from '../../shared/rpc/domains/purchases';
import { loadLineFacts } from './line-facts';
import type { PurchaseExecutor } from './purchase-schema';

/** One paid line's profit, with what the views group it by. */
export type ProfitLine = { day: string; productId: string; productTitle: string | null; orderId: string; quantity: number; profit: ProfitBreakdown; hasRecordedCost: boolean };

export type ProfitLines = { lines: ProfitLine[]; afterSalesSource: 'aftersales_export' | 'none' };

/*
 * Every line paid in a China-date range (支付完成时间, else 订单提交时间), closed and unpaid (待支付) lines left out, with
 * its profit. A line in a purchase with a recorded amount gets its share of it (split by payable);
 * others are estimated from the product's cost stack. `afterSalesSource` says whether after-sales
 * losses came from an imported after-sales export at all (none: counted as 0).
 */
export async function profitLines(db: PurchaseExecutor, from: string, to: string): Promise<ProfitLines> {
  const subs = await sql<{ sub_order_id: string; day: string }>`
    SELECT sub_order_id, substr(COALESCE(paid_at, submitted_at), 1, 10) AS day FROM order_lines
    WHERE COALESCE(paid_at, submitted_at) >= ${`${from} 00:00:00`} AND COALESCE(paid_at, submitted_at) <= ${`${to} 23:59:59`}
      AND (status IS NULL OR (status NOT LIKE '%关闭%' AND status NOT LIKE '%取消%' AND status <> '待支付'))`.execute(db);
  const dayOf = new Map(subs.rows.map((r) => [r.sub_order_id, r.day]));
  const facts = await loadLineFacts(db, { subOrderIds: subs.rows.map((r) => r.sub_order_id) });
  // Every live purchase's lines (a join, not an IN list: a month can hold more orders than SQLite binds).
  const links = facts.length === 0 ? [] : await db.selectFrom('purchase_lines').innerJoin('purchases', 'purchases.id', 'purchase_lines.purchase_id')
    .select(['purchase_lines.sub_order_id', 'purchases.id', 'purchases.amount_fen']).where('purchases.status', '<>', 'cancelled').where('purchases.amount_fen', 'is not', null).execute();
  const payable = new Map(facts.map((f) => [f.view.subOrderId, f.profit.payableFen ?? 0]));
  const byPurchase = new Map<number, { subs: string[]; amount: number }>();
  for (const l of links) {
    if (!payable.has(l.sub_order_id) || l.amount_fen === null) continue;
    const entry = byPurchase.get(l.id) ?? { subs: [], amount: l.amount_fen };
    entry.subs.push(l.sub_order_id);
    byPurchase.set(l.id, entry);
  }
  const share = new Map<string, number>();
  for (const { subs, amount } of byPurchase.values()) {
    allocate(amount, subs.map((sub) => payable.get(sub) ?? 0)).forEach((fen, i) => share.set(subs[i]!, fen));
  }
  const lines = facts.map((f): ProfitLine => {
    const cost = share.get(f.view.subOrderId) ?? null;
    return {
      day: dayOf.get(f.view.subOrderId) ?? '',
      productId: f.view.productId ?? '',
      productTitle: f.view.productTitle,
      orderId: f.orderId,
      quantity: f.view.quantity ?? 0,
      profit: lineProfit({ ...f.profit, purchaseCostFen: cost }),
      hasRecordedCost: cost !== null,
    };
  });
  const anyAftersales = await db.selectFrom('aftersales').select('sub_order_id').limit(1).executeTakeFirst();
  return { lines, afterSalesSource: anyAftersales ? 'aftersales_export' : 'none' };
}

/** Orders among the lines, and those with a recorded purchase cost on at least one line. */
export function coverageOf(lines: readonly ProfitLine[]): CostCoverage {
  const orders = new Set<string>();
  const recorded = new Set<string>();
  for (const l of lines) {
    orders.add(l.orderId);
    if (l.hasRecordedCost) recorded.add(l.orderId);
  }
  return { orders: orders.size, withRecordedCost: recorded.size };
}

/** Profit per product (商品ID) over the lines paid in a China-date range, most profitable first. */
export async function productProfit(db: PurchaseExecutor, from: string, to: string) {
  const { lines, afterSalesSource } = await profitLines(db, from, to);
  const groups = new Map<string, { title: string | null; lines: ProfitLine[] }>();
  for (const l of lines) {
    const g = groups.get(l.productId) ?? { title: l.productTitle, lines: [] };
    g.lines.push(l);
    groups.set(l.productId, g);
  }
  const products: ProductProfitRow[] = [...groups.entries()]
    .map(([productId, g]) => ({
      productId,
      productTitle: g.title,
      lines: g.lines.length,
      quantity: g.lines.reduce((s, l) => s + l.quantity, 0),
      profit: sumProfit(g.lines.map((l) => l.profit)),
      coverage: coverageOf(g.lines),
    }))
    .sort((a, b) => b.profit.profitFen - a.profit.profitFen || a.productId.localeCompare(b.productId));
  return { from, to, products, coverage: coverageOf(lines), afterSalesSource };
}
