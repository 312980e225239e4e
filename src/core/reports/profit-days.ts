import { CompiledQuery, sql, type Kysely } from 'kysely';
import { classifyAftersale } from '../../shared/domain/order-line-state';
import type { Database } from '../db/schema';
import { foldAll, type Fold } from './counted-group';
import { dayParams, dayWhere } from './order-report-days';

/*
 * The 利润 view's summary, order_profit_days (migration 0016): the order-derived parts of every
 * paid line's profit (shared/domain/profit.ts), summed per 订单提交时间 day (the unit imports and
 * undos rebuild, as for order_analytics_days) and, inside it, per paid day (支付完成时间, else
 * 订单提交时间) and per everything the read still has to know to finish the arithmetic exactly:
 * the product as the cost stack finds it (商品ID, else 商家编码), whether commission applies
 * (精选联盟), whether the funds flow recorded the commission and the platform fee, and — only when
 * an estimate may be needed — the line's 订单应付金额 (estimates are rounded up per line, so lines
 * of equal payable share one row). The hand-entered parts (purchases, the sourcing cost stack,
 * supplier refunds on after-sales cases) are added at read time (purchases/profit-sums.ts).
 */

/** What the summary reads of one order line, with its funds-flow sums and after-sales refund. */
export type ProfitLineRow = {
  day: string;
  orderId: string;
  subOrderId: string;
  paidDay: string | null;
  status: string | null;
  productId: string | null;
  skuCode: string | null;
  productTitle: string | null;
  quantity: number | null;
  payableFen: number | null;
  platformBorneFen: number | null;
  influencerBorneFen: number | null;
  trafficSource: string | null;
  influencerId: string | null;
};

/** A line's funds-flow sums as exported (fees negative), each with the count of rows that carried it. */
export type FundsSums = { commission: number; commissionRows: number; fee: number; feeRows: number };
/** One after-sales export row of a line. */
export type RefundRow = { status: string | null; goodsFen: number | null; payDiscountFen: number | null };

export type ProfitDayRow = {
  day: string;
  paidDay: string;
  /** The row's number among its submitted day's rows (the key: a title may be NULL). */
  seq: number;
  productId: string;
  skuCode: string;
  productTitle: string | null;
  affiliate: number;
  /** The lines' 订单应付金额 when an estimate may need it, else -1 (every fee recorded). */
  payableFen: number;
  recordedCommission: number;
  recordedFee: number;
  lines: number;
  quantity: number;
  /** Σ (数量, else 1): what an estimated purchase cost multiplies the unit cost by. */
  costUnits: number;
  revenueFen: number;
  commissionFen: number;
  feeFen: number;
  refundFen: number;
  /** Orders counted here and nowhere else of their day (each order on its first line's row). */
  ordersInDay: number;
  /** The same per product: each (order, 商品ID) on its first line's row. */
  ordersInProduct: number;
};

/** The profit view's lines: paid (or at least not 待支付) and neither closed nor cancelled (product-profit.ts, as first written). */
export const isProfitLine = (status: string | null): boolean => status === null || (!status.includes('关闭') && !status.includes('取消') && status !== '待支付');

/** 精选联盟: commission applies (流量来源 contains 精选联盟, or a 达人ID). */
export const isAffiliateLine = (l: Pick<ProfitLineRow, 'trafficSource' | 'influencerId'>): boolean => (l.trafficSource ?? '').includes('精选联盟') || (l.influencerId ?? '') !== '';

/** "One tool computes the actual buyer refund as 退商品金额 − 退支付优惠" (DOUYIN_EXPORTS.md §5), on rows whose status says refunded. */
export const refundedFen = (rows: readonly RefundRow[]): number =>
  rows.filter((r) => classifyAftersale(r.status) === 'refunded').reduce((s, r) => s + (r.goodsFen ?? 0) - (r.payDiscountFen ?? 0), 0);

/**
 * The summary rows of one submitted day's lines, fed a line at a time in 主订单编号, 子订单编号
 * order (an order's lines come one after another, so it is counted once per day and once per
 * product without a set per group).
 */
export function profitFold(funds: ReadonlyMap<string, FundsSums>, refunds: ReadonlyMap<string, readonly RefundRow[]>): Fold<ProfitLineRow, ProfitDayRow> {
  const groups = new Map<string, ProfitDayRow>();
  let order: string | null = null;
  let productsOfOrder = new Set<string>();
  return {
    add(l) {
      if (l.paidDay === null || !isProfitLine(l.status)) return;
      const f = funds.get(l.subOrderId);
      const recordedCommission = f !== undefined && f.commissionRows > 0 ? 1 : 0;
      const recordedFee = f !== undefined && f.feeRows > 0 ? 1 : 0;
      const affiliate = isAffiliateLine(l) ? 1 : 0;
      const needsPayable = recordedFee === 0 || (affiliate === 1 && recordedCommission === 0);
      const payableFen = needsPayable ? (l.payableFen ?? 0) : -1;
      const productId = l.productId ?? '';
      const skuCode = l.skuCode ?? '';
      const key = [l.paidDay, productId, skuCode, l.productTitle === null ? '\u0000' : `=${l.productTitle}`, affiliate, payableFen, recordedCommission, recordedFee].join('\u001f');
      let g = groups.get(key);
      if (g === undefined) {
        g = {
          day: l.day, paidDay: l.paidDay, seq: groups.size, productId, skuCode, productTitle: l.productTitle, affiliate, payableFen, recordedCommission, recordedFee,
          lines: 0, quantity: 0, costUnits: 0, revenueFen: 0, commissionFen: 0, feeFen: 0, refundFen: 0, ordersInDay: 0, ordersInProduct: 0,
        };
        groups.set(key, g);
      }
      if (l.orderId !== order) {
        order = l.orderId;
        productsOfOrder = new Set();
        g.ordersInDay += 1;
      }
      if (!productsOfOrder.has(productId)) {
        productsOfOrder.add(productId);
        g.ordersInProduct += 1;
      }
      g.lines += 1;
      g.quantity += l.quantity ?? 0;
      g.costUnits += l.quantity ?? 1;
      // Revenue: goods before discounts less the shop's own share = 应付 + the platform's and influencer's shares (§1.6).
      g.revenueFen += (l.payableFen ?? 0) + (l.platformBorneFen ?? 0) + (l.influencerBorneFen ?? 0);
      // Funds-flow fee columns are negative on settlement rows (§4.1): a cost is their negation.
      if (recordedCommission === 1) g.commissionFen -= f!.commission;
      if (recordedFee === 1) g.feeFen -= f!.fee;
      const cases = refunds.get(l.subOrderId);
      if (cases !== undefined) g.refundFen += refundedFen(cases);
    },
    rows: () => [...groups.values()],
  };
}

/** profitFold over a day's lines, in 主订单编号, 子订单编号 order. */
export const profitRows = (lines: Iterable<ProfitLineRow>, funds: ReadonlyMap<string, FundsSums>, refunds: ReadonlyMap<string, readonly RefundRow[]>): ProfitDayRow[] =>
  foldAll(profitFold(funds, refunds), lines);


/** What the profit fold reads of an order line `l` beyond 看数据's columns (analytics-days.ts), as SQL. */
export const PROFIT_LINE_COLUMNS = `l.sub_order_id AS subOrderId, substr(coalesce(l.paid_at, l.submitted_at), 1, 10) AS paidDay, l.sku_code AS skuCode,
  l.product_title AS productTitle, l.quantity, l.platform_borne_fen AS platformBorneFen, l.influencer_borne_fen AS influencerBorneFen`;

/** A day's lines (`lines`, for the undo's path) and its funds-flow sums and after-sales rows (both paths), with `dayParams`. */
export const profitQueries = (day: string) => ({
  lines: `SELECT coalesce(substr(l.submitted_at, 1, 10), '') AS day, l.order_id AS orderId, l.status, l.product_id AS productId,
      l.payable_fen AS payableFen, l.traffic_source AS trafficSource, l.influencer_id AS influencerId, ${PROFIT_LINE_COLUMNS}
    FROM order_lines l WHERE ${dayWhere(day, 'l')} ORDER BY l.order_id, l.sub_order_id`,
  // The same sums product-profit's line facts take (佣金 + 服务商佣金; 平台服务费 + 渠道分成 + 招商服务费 + 站外推广费 + 其他分成).
  funds: `SELECT f.sub_order_id AS subOrderId,
      SUM(COALESCE(f.commission_fen, 0) + COALESCE(f.provider_commission_fen, 0)) AS commission,
      SUM(CASE WHEN f.commission_fen IS NOT NULL OR f.provider_commission_fen IS NOT NULL THEN 1 ELSE 0 END) AS commissionRows,
      SUM(COALESCE(f.platform_fee_fen, 0) + COALESCE(f.channel_share_fen, 0) + COALESCE(f.recruiter_fee_fen, 0) + COALESCE(f.offsite_promo_fen, 0) + COALESCE(f.other_share_fen, 0)) AS fee,
      SUM(CASE WHEN f.platform_fee_fen IS NOT NULL THEN 1 ELSE 0 END) AS feeRows
    FROM order_lines l JOIN funds_flows f ON f.sub_order_id = l.sub_order_id WHERE ${dayWhere(day, 'l')} GROUP BY f.sub_order_id`,
  refunds: `SELECT a.sub_order_id AS subOrderId, a.status, a.refund_goods_fen AS goodsFen, a.refund_pay_discount_fen AS payDiscountFen
    FROM order_lines l JOIN aftersales a ON a.sub_order_id = l.sub_order_id WHERE ${dayWhere(day, 'l')}`,
});

export type FundsRow = FundsSums & { subOrderId: string };
export type CaseRow = RefundRow & { subOrderId: string };

/** The funds-flow sums and after-sales rows of a day's lines, by 子订单编号, as profitFold takes them. */
export function profitInputs(fundsRows: readonly FundsRow[], caseRows: readonly CaseRow[]): { funds: Map<string, FundsSums>; refunds: Map<string, RefundRow[]> } {
  const funds = new Map(fundsRows.map((r) => [r.subOrderId, { commission: Number(r.commission), commissionRows: Number(r.commissionRows), fee: Number(r.fee), feeRows: Number(r.feeRows) }]));
  const refunds = new Map<string, RefundRow[]>();
  for (const r of caseRows) {
    const list = refunds.get(r.subOrderId);
    if (list) list.push(r);
    else refunds.set(r.subOrderId, [r]);
  }
  return { funds, refunds };
}

export const INSERT_PROFIT_ROW = `INSERT INTO order_profit_days (day, paid_day, seq, product_id, sku_code, product_title, affiliate, payable_fen, recorded_commission, recorded_fee,
    lines, quantity, cost_units, revenue_fen, commission_fen, fee_fen, refund_fen, orders_in_day, orders_in_product)
  VALUES (@day, @paidDay, @seq, @productId, @skuCode, @productTitle, @affiliate, @payableFen, @recordedCommission, @recordedFee,
    @lines, @quantity, @costUnits, @revenueFen, @commissionFen, @feeFen, @refundFen, @ordersInDay, @ordersInProduct)`;

/** Recomputes these submitted days on the core's kysely connection (the undo's transaction, the migration's backfill); the import writer's is day-summaries.ts. */
export async function rebuildProfitDaysAsync(db: Kysely<Database>, days: Iterable<string>): Promise<void> {
  const run = async <T>(text: string, params: readonly string[]): Promise<T[]> => (await db.executeQuery<T>(CompiledQuery.raw(text, [...params]))).rows;
  for (const day of new Set(days)) {
    await sql`DELETE FROM order_profit_days WHERE day = ${day}`.execute(db);
    const q = profitQueries(day);
    const params = dayParams(day);
    const lines = await run<ProfitLineRow>(q.lines, params);
    const { funds, refunds } = profitInputs(await run<FundsRow>(q.funds, params), await run<CaseRow>(q.refunds, params));
    const rows = profitRows(lines, funds, refunds);
    for (let i = 0; i < rows.length; i += 50) {
      await db
        .insertInto('order_profit_days')
        .values(
          rows.slice(i, i + 50).map((r) => ({
            day: r.day, paid_day: r.paidDay, seq: r.seq, product_id: r.productId, sku_code: r.skuCode, product_title: r.productTitle, affiliate: r.affiliate, payable_fen: r.payableFen,
            recorded_commission: r.recordedCommission, recorded_fee: r.recordedFee, lines: r.lines, quantity: r.quantity, cost_units: r.costUnits, revenue_fen: r.revenueFen,
            commission_fen: r.commissionFen, fee_fen: r.feeFen, refund_fen: r.refundFen, orders_in_day: r.ordersInDay, orders_in_product: r.ordersInProduct,
          })),
        )
        .execute();
    }
  }
}

/** The submitted days of the order lines these sub-orders (子订单编号) belong to: a funds-flow or after-sales import moved their figures. */
export const SUBMITTED_DAYS_OF_LINES = `SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') AS day FROM order_lines
  WHERE sub_order_id IN (SELECT value FROM json_each(?))`;
