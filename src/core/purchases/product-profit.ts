import { sql } from 'kysely';
import { allocate, lineProfit, sumProfit, type ProfitBreakdown } from '../../shared/domain/profit';
import type { CostCoverage, ProductProfitRow } from '../../shared/rpc/domains/purchases';
import { loadLineFacts } from './line-facts';
import type { PurchaseExecutor } from './purchase-schema';

/*
 * Profit per product (商品ID) over the lines paid in a China-date range, closed lines left out.
 * A line in a purchase with a recorded amount gets its share of it (split by payable); others are
 * estimated from the product's cost stack. `afterSalesSource` says whether after-sales losses came
 * from an imported after-sales export at all (none: counted as 0).
 */
export async function productProfit(db: PurchaseExecutor, from: string, to: string) {
  const subs = await sql<{ sub_order_id: string }>`
    SELECT sub_order_id FROM order_lines
    WHERE COALESCE(paid_at, submitted_at) >= ${`${from} 00:00:00`} AND COALESCE(paid_at, submitted_at) <= ${`${to} 23:59:59`}
      AND (status IS NULL OR (status NOT LIKE '%关闭%' AND status NOT LIKE '%取消%'))`.execute(db);
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
  const groups = new Map<string, { title: string | null; parts: ProfitBreakdown[]; quantity: number; orders: Set<string>; recorded: Set<string> }>();
  for (const f of facts) {
    const key = f.view.productId ?? '';
    const g = groups.get(key) ?? { title: f.view.productTitle, parts: [], quantity: 0, orders: new Set(), recorded: new Set() };
    const cost = share.get(f.view.subOrderId) ?? null;
    g.parts.push(lineProfit({ ...f.profit, purchaseCostFen: cost }));
    g.quantity += f.view.quantity ?? 0;
    g.orders.add(f.orderId);
    if (cost !== null) g.recorded.add(f.orderId);
    groups.set(key, g);
  }
  const products: ProductProfitRow[] = [...groups.entries()]
    .map(([productId, g]) => ({ productId, productTitle: g.title, lines: g.parts.length, quantity: g.quantity, profit: sumProfit(g.parts), coverage: { orders: g.orders.size, withRecordedCost: g.recorded.size } }))
    .sort((a, b) => b.profit.profitFen - a.profit.profitFen || a.productId.localeCompare(b.productId));
  const allOrders = new Set(facts.map((f) => f.orderId));
  const recordedOrders = new Set(facts.filter((f) => share.has(f.view.subOrderId)).map((f) => f.orderId));
  const coverage: CostCoverage = { orders: allOrders.size, withRecordedCost: recordedOrders.size };
  const anyAftersales = await db.selectFrom('aftersales').select('sub_order_id').limit(1).executeTakeFirst();
  return { from, to, products, coverage, afterSalesSource: anyAftersales ? ('aftersales_export' as const) : ('none' as const) };
}
