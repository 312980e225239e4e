import { sql } from 'kysely';
import { addDays } from '../../shared/domain/china-time';
import { allocate, type Basis } from '../../shared/domain/profit';
import type { ProfitByDay, ProfitByProduct, ProfitFigures } from '../../shared/rpc/domains/profit-reports';
import type { OrderProfitDaysTable } from '../db/schema';
import type { PurchaseExecutor } from './purchase-schema';

/*
 * The 利润 view from order_profit_days (reports/profit-days.ts: the order-derived sums, kept by
 * every import and undo) and the hand-entered parts read at call time: the sourcing cost stack
 * (all products: a small table), the purchases with a recorded amount whose lines were paid in the
 * range (split over those lines by payable, as profitLines does), and supplier refunds on the
 * after-sales cases. The arithmetic is shared/domain/profit.ts's, regrouped: every figure is a sum
 * over lines, estimates are per line (rounded up), and a group's basis is the weakest of its lines'.
 */

type Product = { cost: number; commissionBp: number; feeBp: number };
const RANK: Record<Basis, number> = { recorded: 0, estimated: 1, missing: 2 };
const weaker = (a: Basis, b: Basis): Basis => (RANK[b] > RANK[a] ? b : a);
const ceilShare = (amountFen: number, bp: number): number => Math.ceil((amountFen * bp) / 10_000);

/** A group being summed (a day, a product, the total). */
class Bucket {
  lines = 0;
  quantity = 0;
  orders = 0;
  readonly withCost = new Set<string>();
  revenue = 0;
  cost = 0;
  commission = 0;
  fees = 0;
  loss = 0;
  supplierRefund = 0;
  basis: Basis = 'recorded';
  title: { day: string; value: string | null } | null = null;

  figures(): ProfitFigures {
    return {
      lines: this.lines,
      orders: this.orders,
      ordersWithCost: this.withCost.size,
      revenueFen: this.revenue,
      purchaseCostFen: this.cost,
      commissionFen: this.commission,
      feesFen: this.fees,
      afterSalesLossFen: this.loss,
      supplierRefundFen: this.supplierRefund,
      profitFen: this.revenue - this.cost - this.commission - this.fees - this.loss + this.supplierRefund,
      basis: this.lines === 0 ? 'missing' : this.basis,
    };
  }
}

type PurchasedLine = { purchaseId: number; amount: number; subOrderId: string; orderId: string; day: string; productId: string; skuCode: string; quantity: number | null; payable: number | null };
type RefundedLine = { day: string; productId: string; fen: number };

/** A line counted in the view: paid in the range (支付完成时间, else 订单提交时间), not closed, cancelled or 待支付 (profit-days' isProfitLine). */
const inRange = (from: string, to: string) => sql`coalesce(l.paid_at, l.submitted_at) >= ${`${from} 00:00:00`} AND coalesce(l.paid_at, l.submitted_at) <= ${`${to} 23:59:59`}
  AND (l.status IS NULL OR (l.status NOT LIKE '%关闭%' AND l.status NOT LIKE '%取消%' AND l.status <> '待支付'))`;

async function readParts(db: PurchaseExecutor, from: string, to: string) {
  const [rows, products, purchased, refunded, anyAftersales] = await Promise.all([
    sql<OrderProfitDaysTable>`SELECT paid_day, product_id, sku_code, product_title, affiliate, payable_fen, recorded_commission, recorded_fee, lines, quantity,
        cost_units, revenue_fen, commission_fen, fee_fen, refund_fen, orders_in_day, orders_in_product FROM order_profit_days WHERE paid_day >= ${from} AND paid_day <= ${to}`.execute(db),
    sql<{ douyin_product_id: string; merchant_code: string; cost_fen: number; supplier_freight_fen: number; commission_bp: number; platform_fee_bp: number }>`
      SELECT douyin_product_id, merchant_code, cost_fen, supplier_freight_fen, commission_bp, platform_fee_bp FROM products WHERE stage <> 'abandoned' ORDER BY id`.execute(db),
    // In purchase_lines' order (rowid): the split's remainders go by position, as in profitLines.
    sql<PurchasedLine>`SELECT p.id AS purchaseId, p.amount_fen AS amount, pl.sub_order_id AS subOrderId, l.order_id AS orderId,
        substr(coalesce(l.paid_at, l.submitted_at), 1, 10) AS day, coalesce(l.product_id, '') AS productId, coalesce(l.sku_code, '') AS skuCode,
        l.quantity, l.payable_fen AS payable
      FROM purchase_lines pl JOIN purchases p ON p.id = pl.purchase_id JOIN order_lines l ON l.sub_order_id = pl.sub_order_id
      WHERE p.status <> 'cancelled' AND p.amount_fen IS NOT NULL AND ${inRange(from, to)} ORDER BY pl.rowid`.execute(db),
    sql<RefundedLine>`SELECT substr(coalesce(l.paid_at, l.submitted_at), 1, 10) AS day, coalesce(l.product_id, '') AS productId, SUM(c.supplier_refund_fen) AS fen
      FROM aftersale_cases c JOIN order_lines l ON l.sub_order_id = c.sub_order_id
      WHERE c.supplier_refunded = 1 AND c.supplier_refund_fen IS NOT NULL AND ${inRange(from, to)} GROUP BY c.sub_order_id`.execute(db),
    db.selectFrom('aftersales').select('sub_order_id').limit(1).executeTakeFirst(),
  ]);
  // The cost stack finds a line's product by 商品ID, else 商家编码; the first (by id) of each wins.
  const byProductId = new Map<string, Product>();
  const byCode = new Map<string, Product>();
  for (const p of products.rows) {
    const product = { cost: p.cost_fen + p.supplier_freight_fen, commissionBp: p.commission_bp, feeBp: p.platform_fee_bp };
    if (p.douyin_product_id !== '' && !byProductId.has(p.douyin_product_id)) byProductId.set(p.douyin_product_id, product);
    if (p.merchant_code !== '' && !byCode.has(p.merchant_code)) byCode.set(p.merchant_code, product);
  }
  const productOf = (productId: string, skuCode: string): Product | null => (productId !== '' ? byProductId.get(productId) : undefined) ?? (skuCode !== '' ? byCode.get(skuCode) : undefined) ?? null;
  return { rows: rows.rows, productOf, purchased: purchased.rows, refunded: refunded.rows, afterSalesSource: anyAftersales ? ('aftersales_export' as const) : ('none' as const) };
}

/** Both views of a paid-date range (China dates, inclusive). */
export async function profitViewsFromSums(db: PurchaseExecutor, range: { from: string; to: string }): Promise<{ byDay: ProfitByDay; byProduct: ProfitByProduct }> {
  const { rows, productOf, purchased, refunded, afterSalesSource } = await readParts(db, range.from, range.to);
  const total = new Bucket();
  const days = new Map<string, Bucket>();
  const products = new Map<string, Bucket>();
  const bucketsOf = (day: string, productId: string): Bucket[] => {
    let d = days.get(day);
    if (d === undefined) days.set(day, (d = new Bucket()));
    let p = products.get(productId);
    if (p === undefined) products.set(productId, (p = new Bucket()));
    return [total, d, p];
  };
  // Lines still to cost from the cost stack, per (paid day, 商品ID, 商家编码).
  const toEstimate = new Map<string, { day: string; productId: string; skuCode: string; lines: number; units: number }>();

  for (const r of rows) {
    const product = productOf(r.product_id, r.sku_code);
    let commission = 0;
    let commissionBasis: Basis = 'recorded';
    if (r.recorded_commission === 1) commission = r.commission_fen;
    else if (r.affiliate === 1) {
      if (product !== null) [commission, commissionBasis] = [r.lines * ceilShare(r.payable_fen, product.commissionBp), 'estimated'];
      else commissionBasis = 'missing';
    }
    let fee = 0;
    let feeBasis: Basis = 'recorded';
    if (r.recorded_fee === 1) fee = r.fee_fen;
    else if (product !== null) [fee, feeBasis] = [r.lines * ceilShare(r.payable_fen, product.feeBp), 'estimated'];
    else feeBasis = 'missing';
    const rowBasis = weaker(commissionBasis, feeBasis);
    const [t, d, p] = bucketsOf(r.paid_day, r.product_id);
    for (const b of [t!, d!, p!]) {
      b.lines += r.lines;
      b.quantity += r.quantity;
      b.revenue += r.revenue_fen;
      b.commission += commission;
      b.fees += fee;
      b.loss += r.refund_fen;
      b.basis = weaker(b.basis, rowBasis);
    }
    t!.orders += r.orders_in_day;
    d!.orders += r.orders_in_day;
    p!.orders += r.orders_in_product;
    // The product's title: its newest day's (a renamed product shows its current name).
    if (p!.title === null || r.paid_day > p!.title.day || (r.paid_day === p!.title.day && (r.product_title ?? '') > (p!.title.value ?? ''))) p!.title = { day: r.paid_day, value: r.product_title };
    const costKey = `${r.paid_day}\u001f${r.product_id}\u001f${r.sku_code}`;
    let e = toEstimate.get(costKey);
    if (e === undefined) toEstimate.set(costKey, (e = { day: r.paid_day, productId: r.product_id, skuCode: r.sku_code, lines: 0, units: 0 }));
    e.lines += r.lines;
    e.units += r.cost_units;
  }

  // Recorded purchase costs: each purchase's amount split over its lines in the range by payable.
  const byPurchase = new Map<number, PurchasedLine[]>();
  for (const l of purchased) {
    const list = byPurchase.get(l.purchaseId);
    if (list) list.push(l);
    else byPurchase.set(l.purchaseId, [l]);
  }
  for (const lines of byPurchase.values()) {
    const shares = allocate(lines[0]!.amount, lines.map((l) => l.payable ?? 0));
    lines.forEach((l, i) => {
      for (const b of bucketsOf(l.day, l.productId)) {
        b.cost += shares[i]!;
        b.withCost.add(l.orderId);
      }
      const e = toEstimate.get(`${l.day}\u001f${l.productId}\u001f${l.skuCode}`);
      if (e !== undefined) {
        e.lines -= 1;
        e.units -= l.quantity ?? 1;
      }
    });
  }
  // The rest from the cost stack ((cost + supplier freight) × 数量), else missing.
  for (const e of toEstimate.values()) {
    if (e.lines <= 0) continue;
    const product = productOf(e.productId, e.skuCode);
    for (const b of bucketsOf(e.day, e.productId)) {
      if (product !== null) b.cost += product.cost * e.units;
      b.basis = weaker(b.basis, product !== null ? 'estimated' : 'missing');
    }
  }
  // Supplier refunds recorded on after-sales cases: a recorded figure, so no group's basis weakens.
  for (const r of refunded) for (const b of bucketsOf(r.day, r.productId)) b.supplierRefund += Number(r.fen);

  const dayList = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) dayList.push({ date: d, ...(days.get(d) ?? new Bucket()).figures() });
  const productList = [...products.entries()]
    .filter(([, b]) => b.lines > 0)
    .map(([productId, b]) => ({ productId, productTitle: b.title?.value ?? null, quantity: b.quantity, ...b.figures() }))
    .sort((a, b) => b.profitFen - a.profitFen || a.productId.localeCompare(b.productId));
  const totals = total.figures();
  return { byDay: { ...range, days: dayList, total: totals, afterSalesSource }, byProduct: { ...range, products: productList, total: totals, afterSalesSource } };
}
