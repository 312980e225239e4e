import { sql } from 'kysely';
import { classifyAftersale, currentAftersaleStatus } from '../../shared/domain/order-line-state';
import type { ProfitLineInput } from '../../shared/domain/profit';
import type { PurchaseLineView } from '../../shared/rpc/domains/purchases';
import type { PurchaseExecutor } from './purchase-schema';
import { refundRequestedBeforeShip } from './refund-before-ship';

/*
 * Everything the purchases need about imported lines, read by key in a few set queries: the line
 * itself, its sourcing product (商品ID, else 商家编码 — the link the sourcing domain uses), the
 * default supplier, the funds-flow fee sums, the after-sales refunds. Nothing here writes.
 */
export type LineFacts = {
  view: PurchaseLineView;
  orderId: string;
  skuCode: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  /** Masked recipient data, only when the stored export carried it (extra_json); null otherwise. */
  recipient: string | null;
  phone: string | null;
  address: string | null;
  buyerNote: string | null;
  /** The export's 快递信息 (layout B), raw. */
  trackingInfo: string | null;
  supplierSku: string | null;
  defaultSupplierId: number | null;
  refundRequested: boolean;
  /** Profit inputs except the purchase's share, which the caller allocates. */
  profit: Omit<ProfitLineInput, 'purchaseCostFen'>;
};

const CHUNK = 500;
const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

/** The unmapped columns a purchase reads, from one parse of the row's extra_json. */
type ExtraKey = '街道' | '收件人' | '收件人手机号' | '详细地址' | '快递信息';
function extras(json: string): Record<ExtraKey, string | null> {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(json) as Record<string, unknown>;
  } catch {
    // A row written by this app always has valid JSON; anything else reads as "not in the export".
  }
  const pick = (key: string) => {
    const value = parsed[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return { 街道: pick('街道'), 收件人: pick('收件人'), 收件人手机号: pick('收件人手机号'), 详细地址: pick('详细地址'), 快递信息: pick('快递信息') };
}

type LineRow = {
  sub_order_id: string; order_id: string; product_id: string | null; product_title: string | null; product_spec: string | null; sku_code: string | null;
  quantity: number | null; payable_fen: number | null; platform_borne_fen: number | null; influencer_borne_fen: number | null; merchant_borne_fen: number | null;
  province: string | null; city: string | null; district: string | null; shipped_at: string | null; promised_ship_at: string | null; status: string | null;
  aftersale_status: string | null; traffic_source: string | null; influencer_id: string | null; buyer_note: string | null; extra_json: string;
};

export async function loadLineFacts(db: PurchaseExecutor, where: { orderIds?: readonly string[]; subOrderIds?: readonly string[] }): Promise<LineFacts[]> {
  const rows: LineRow[] = [];
  const select = sql`SELECT sub_order_id, order_id, product_id, product_title, product_spec, sku_code, quantity, payable_fen, platform_borne_fen, influencer_borne_fen,
      merchant_borne_fen, province, city, district, shipped_at, promised_ship_at, status, aftersale_status, traffic_source, influencer_id, buyer_note, extra_json FROM order_lines`;
  for (const part of chunks(where.orderIds ?? [])) {
    rows.push(...(await sql<LineRow>`${select} WHERE order_id IN (${sql.join(part)}) ORDER BY order_id, sub_order_id`.execute(db)).rows);
  }
  for (const part of chunks(where.subOrderIds ?? [])) {
    rows.push(...(await sql<LineRow>`${select} WHERE sub_order_id IN (${sql.join(part)}) ORDER BY order_id, sub_order_id`.execute(db)).rows);
  }
  if (rows.length === 0) return [];
  const subIds = rows.map((r) => r.sub_order_id);
  const productIds = [...new Set(rows.map((r) => r.product_id).filter((v): v is string => v !== null))];
  const skuCodes = [...new Set(rows.map((r) => r.sku_code).filter((v): v is string => v !== null))];

  type ProductRow = { douyin_product_id: string; merchant_code: string; supplier_id: number | null; cost_fen: number; supplier_freight_fen: number; commission_bp: number; platform_fee_bp: number; supplier_sku: string };
  const products: ProductRow[] = [];
  for (const part of chunks(productIds)) {
    products.push(...(await sql<ProductRow>`SELECT douyin_product_id, merchant_code, supplier_id, cost_fen, supplier_freight_fen, commission_bp, platform_fee_bp, supplier_sku FROM products WHERE douyin_product_id IN (${sql.join(part)}) AND stage <> 'abandoned' ORDER BY id`.execute(db)).rows);
  }
  for (const part of chunks(skuCodes)) {
    products.push(...(await sql<ProductRow>`SELECT douyin_product_id, merchant_code, supplier_id, cost_fen, supplier_freight_fen, commission_bp, platform_fee_bp, supplier_sku FROM products WHERE merchant_code IN (${sql.join(part)}) AND stage <> 'abandoned' ORDER BY id`.execute(db)).rows);
  }
  const byProductId = new Map<string, ProductRow>();
  const byCode = new Map<string, ProductRow>();
  for (const p of products) {
    if (p.douyin_product_id !== '' && !byProductId.has(p.douyin_product_id)) byProductId.set(p.douyin_product_id, p);
    if (p.merchant_code !== '' && !byCode.has(p.merchant_code)) byCode.set(p.merchant_code, p);
  }
  const defaults = new Map<string, number>();
  for (const part of chunks(productIds)) {
    for (const d of (await sql<{ douyin_product_id: string; supplier_id: number }>`SELECT douyin_product_id, supplier_id FROM product_default_suppliers WHERE douyin_product_id IN (${sql.join(part)})`.execute(db)).rows) defaults.set(d.douyin_product_id, d.supplier_id);
  }

  type FundsRow = { sub_order_id: string; commission: number | null; commission_rows: number; fee: number | null; fee_rows: number };
  const funds = new Map<string, FundsRow>();
  type CaseRow = { sub_order_id: string; status: string | null; applied_at: string | null; refund_goods_fen: number | null; refund_pay_discount_fen: number | null };
  const cases = new Map<string, CaseRow[]>();
  const supplierRefunds = new Map<string, number>();
  for (const part of chunks(subIds)) {
    // Fee columns are negative on settlement rows and positive on 服务费返还 (DOUYIN_EXPORTS.md §4.1): the sum is the net cost.
    const f = await sql<FundsRow>`SELECT sub_order_id,
        SUM(COALESCE(commission_fen, 0) + COALESCE(provider_commission_fen, 0)) AS commission,
        SUM(CASE WHEN commission_fen IS NOT NULL OR provider_commission_fen IS NOT NULL THEN 1 ELSE 0 END) AS commission_rows,
        SUM(COALESCE(platform_fee_fen, 0) + COALESCE(channel_share_fen, 0) + COALESCE(recruiter_fee_fen, 0) + COALESCE(offsite_promo_fen, 0) + COALESCE(other_share_fen, 0)) AS fee,
        SUM(CASE WHEN platform_fee_fen IS NOT NULL THEN 1 ELSE 0 END) AS fee_rows
      FROM funds_flows WHERE sub_order_id IN (${sql.join(part)}) GROUP BY sub_order_id`.execute(db);
    for (const r of f.rows) funds.set(r.sub_order_id, r);
    const c = await sql<CaseRow>`SELECT sub_order_id, status, applied_at, refund_goods_fen, refund_pay_discount_fen FROM aftersales WHERE sub_order_id IN (${sql.join(part)}) ORDER BY rowid`.execute(db);
    for (const r of c.rows) cases.set(r.sub_order_id, [...(cases.get(r.sub_order_id) ?? []), r]);
    // What suppliers refunded on the after-sales cases (src/core/aftersales, migration 0008), by line.
    const s = await sql<{ sub_order_id: string; refunded: number }>`SELECT sub_order_id, SUM(supplier_refund_fen) AS refunded FROM aftersale_cases
      WHERE supplier_refunded = 1 AND supplier_refund_fen IS NOT NULL AND sub_order_id IN (${sql.join(part)}) GROUP BY sub_order_id`.execute(db);
    for (const r of s.rows) supplierRefunds.set(r.sub_order_id, Number(r.refunded));
  }

  return rows.map((r) => {
    const x = extras(r.extra_json);
    const lineCases = cases.get(r.sub_order_id) ?? [];
    // The line's 售后状态 as Today reads it: the after-sales export's latest request, else the row's own.
    const requests = lineCases.map((c) => ({ status: c.status, appliedAt: c.applied_at }));
    const product = (r.product_id !== null ? byProductId.get(r.product_id) : undefined) ?? (r.sku_code !== null ? byCode.get(r.sku_code) : undefined) ?? null;
    const f = funds.get(r.sub_order_id);
    // "One tool computes the actual buyer refund as 退商品金额 − 退支付优惠" (DOUYIN_EXPORTS.md §5).
    const refunded = lineCases.length === 0 ? null : lineCases.filter((c) => classifyAftersale(c.status) === 'refunded').reduce((s, c) => s + (c.refund_goods_fen ?? 0) - (c.refund_pay_discount_fen ?? 0), 0);
    const isAffiliate = (r.traffic_source ?? '').includes('精选联盟') || (r.influencer_id ?? '') !== '';
    return {
      view: {
        subOrderId: r.sub_order_id, productId: r.product_id, productTitle: r.product_title, spec: r.product_spec, quantity: r.quantity, payableFen: r.payable_fen,
        lineStatus: r.status, aftersaleStatus: currentAftersaleStatus(r.aftersale_status, requests), shippedAt: r.shipped_at, promisedShipAt: r.promised_ship_at,
      },
      orderId: r.order_id,
      skuCode: r.sku_code,
      province: r.province,
      city: r.city,
      district: r.district,
      street: x.街道,
      recipient: x.收件人,
      phone: x.收件人手机号,
      address: x.详细地址,
      buyerNote: r.buyer_note,
      trackingInfo: x.快递信息,
      supplierSku: product && product.supplier_sku !== '' ? product.supplier_sku : null,
      defaultSupplierId: product?.supplier_id ?? (r.product_id !== null ? (defaults.get(r.product_id) ?? null) : null),
      refundRequested: refundRequestedBeforeShip({ status: r.status, shippedAt: r.shipped_at, aftersaleStatus: r.aftersale_status, requests }),
      profit: {
        payableFen: r.payable_fen,
        platformBorneFen: r.platform_borne_fen,
        influencerBorneFen: r.influencer_borne_fen,
        merchantBorneFen: r.merchant_borne_fen,
        quantity: r.quantity,
        isAffiliate,
        estimatedUnitCostFen: product ? product.cost_fen + product.supplier_freight_fen : null,
        fundsCommissionFen: f && f.commission_rows > 0 ? Number(f.commission) : null,
        fundsPlatformFeeFen: f && f.fee_rows > 0 ? Number(f.fee) : null,
        commissionBp: product?.commission_bp ?? null,
        platformFeeBp: product?.platform_fee_bp ?? null,
        refundedFen: refunded,
        // Recorded on the line's after-sales cases ("supplier refunded yes, how much"); none recorded is `missing`.
        supplierRefund: supplierRefunds.has(r.sub_order_id) ? { fen: supplierRefunds.get(r.sub_order_id)!, basis: 'recorded' } : null,
      },
    };
  });
}

/** A line no longer needs buying when the order is closed (cancelled / refunded before shipping). */
export const isClosedLine = (status: string | null): boolean => status !== null && (status.includes('关闭') || status.includes('取消'));
