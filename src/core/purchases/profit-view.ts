import { sql } from 'kysely';
import Papa from 'papaparse';
import { addDays, chinaDate } from '../../shared/domain/china-time';
import { sumProfit } from '../../shared/domain/profit';
import type { ProfitByDay, ProfitByProduct, ProfitFigures, ProfitGrouping } from '../../shared/rpc/domains/profit-reports';
import { createVersionedCache } from '../orders/picture-cache';
import { coverageOf, type ProfitLine, type ProfitLines } from './product-profit';
import { profitViewsFromSums } from './profit-sums';
import type { PurchaseExecutor } from './purchase-schema';

/** The range asked for, or the 30 complete days before today. */
export function profitRange(params: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const yesterday = addDays(chinaDate(now), -1);
  const to = params.to ?? (params.from && params.from > yesterday ? params.from : yesterday);
  return { from: params.from ?? addDays(to, -29), to };
}

/*
 * The per-line grouping below is the view's definition, as first built over profitLines: the view
 * itself now answers from the summary (profit-sums.ts), and tests hold the two equal on generated
 * shops (tests/integration/profit-summary.int.test.ts), so these stay as the reference.
 */

/** The figures of a group of lines (pure; the arithmetic is shared/domain/profit.ts's, in fen). */
export function figuresOf(lines: readonly ProfitLine[]): ProfitFigures {
  const p = sumProfit(lines.map((l) => l.profit));
  const coverage = coverageOf(lines);
  return {
    lines: lines.length,
    orders: coverage.orders,
    ordersWithCost: coverage.withRecordedCost,
    revenueFen: p.goodsFen - p.shopDiscount.fen,
    purchaseCostFen: p.purchaseCost.fen,
    commissionFen: p.commission.fen,
    feesFen: p.platformFee.fen,
    afterSalesLossFen: p.afterSalesLoss.fen,
    supplierRefundFen: p.supplierRefund.fen,
    profitFen: p.profitFen,
    basis: p.basis,
  };
}

/** Lines per key, in one pass (appending: a month can hold 200,000 lines). */
function groupBy(lines: readonly ProfitLine[], keyOf: (l: ProfitLine) => string): Map<string, ProfitLine[]> {
  const out = new Map<string, ProfitLine[]>();
  for (const l of lines) {
    const key = keyOf(l);
    const list = out.get(key);
    if (list) list.push(l);
    else out.set(key, [l]);
  }
  return out;
}

export function groupByDay(range: { from: string; to: string }, { lines, afterSalesSource }: ProfitLines): ProfitByDay {
  const byDay = groupBy(lines, (l) => l.day);
  const days = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push({ date: d, ...figuresOf(byDay.get(d) ?? []) });
  return { ...range, days, total: figuresOf(lines), afterSalesSource };
}

export function groupByProduct(range: { from: string; to: string }, { lines, afterSalesSource }: ProfitLines): ProfitByProduct {
  const groups = groupBy(lines, (l) => l.productId);
  const products = [...groups.entries()]
    .map(([productId, g]) => ({ productId, productTitle: g[0]?.productTitle ?? null, quantity: g.reduce((s, l) => s + l.quantity, 0), ...figuresOf(g) }))
    .sort((a, b) => b.profitFen - a.profitFen || a.productId.localeCompare(b.productId));
  return { ...range, products, total: figuresOf(lines), afterSalesSource };
}

/**
 * What besides the order data the figures depend on: purchases (recorded amounts, links), the
 * sourcing products (cost stack, rates) and supplier refunds on after-sales cases. Cheap reads of small tables.
 */
async function purchasesVersion(db: PurchaseExecutor): Promise<string> {
  const { rows } = await sql<{ v: string }>`
    SELECT (SELECT count(*) || ':' || ifnull(max(updated_at), '') || ':' || total(ifnull(amount_fen, 0)) FROM purchases)
      || '|' || (SELECT count(*) || ':' || total(rowid) FROM purchase_lines)
      || '|' || (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM products)
      || '|' || (SELECT count(*) || ':' || ifnull(max(updated_at), '') || ':' || total(ifnull(supplier_refund_fen, 0)) FROM aftersale_cases) AS v`.execute(db);
  return rows[0]?.v ?? '';
}

export type ProfitViews = { byDay: ProfitByDay; byProduct: ProfitByProduct };

const cache = createVersionedCache<ProfitViews>();

/**
 * Both views of a range, from the profit summary (profit-sums.ts: a few thousand rows where
 * profitLines read every line with its funds and after-sales rows, 0.75–2.7 s at 1M lines), kept
 * while the orders, purchases, products and after-sales cases stay the same: switching
 * day/product, exporting or coming back reads nothing again.
 */
export async function loadProfitViews(db: PurchaseExecutor, range: { from: string; to: string }): Promise<ProfitViews> {
  return cache(db, `${range.from}|${range.to}|${await purchasesVersion(db)}`, () => profitViewsFromSums(db, range));
}

const yuan = (fen: number): number => Math.round(fen) / 100;

/** The CSV of either view: numbers stay numbers (papaparse never prefixes them), text cells are formula-safe. */
export function profitCsv(by: ProfitGrouping, view: ProfitByDay | ProfitByProduct, zh: boolean): { csv: string; rows: number } {
  const money = zh
    ? ['收入（元）', '采购成本（元）', '佣金（元）', '平台服务费（元）', '售后损失（元）', '供应商退款（元）', '利润（元）', '订单数', '有实录成本的订单', '依据']
    : ['Revenue (yuan)', 'Purchase cost (yuan)', 'Commission (yuan)', 'Platform fee (yuan)', 'After-sales loss (yuan)', 'Supplier refunds (yuan)', 'Profit (yuan)', 'Orders', 'Orders with recorded cost', 'Basis'];
  const basis = zh ? { recorded: '实录', estimated: '估算', missing: '缺数据' } : { recorded: 'recorded', estimated: 'estimated', missing: 'missing' };
  const cells = (f: ProfitFigures) => [yuan(f.revenueFen), yuan(f.purchaseCostFen), yuan(f.commissionFen), yuan(f.feesFen), yuan(f.afterSalesLossFen), yuan(f.supplierRefundFen), yuan(f.profitFen), f.orders, f.ordersWithCost, basis[f.basis]];
  const [fields, data] =
    by === 'day'
      ? [[zh ? '日期' : 'Date', ...money], (view as ProfitByDay).days.map((d) => [d.date, ...cells(d)])]
      : [[zh ? '商品ID' : 'Product ID', zh ? '商品' : 'Product', zh ? '件数' : 'Units', ...money], (view as ProfitByProduct).products.map((p) => [p.productId, p.productTitle ?? '', p.quantity, ...cells(p)])];
  const body = Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
  return { csv: `\uFEFF${body}\r\n`, rows: data.length };
}
