import type { Selectable, Updateable } from 'kysely';
import { computeCostStack, marginDrift, type CostInputs } from '../../shared/domain/cost-stack';
import type { AbandonReason, ProductStage } from '../../shared/domain/sourcing-pipeline';
import type { ListingSnapshot, OrderFigures, ProductFields, ProductSummary, ProductWarning, SourceChannel } from '../../shared/rpc/domains/sourcing';
import type { ProductsTable } from './sourcing-schema';

export type ProductRow = Selectable<ProductsTable>;

const jsonArray = (text: string): string[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

export const costInputsOf = (r: Pick<ProductRow, 'cost_fen' | 'supplier_freight_fen' | 'coupon_fen' | 'commission_bp' | 'platform_fee_bp' | 'return_allowance_bp'>): CostInputs => ({
  costFen: r.cost_fen,
  supplierFreightFen: r.supplier_freight_fen,
  couponFen: r.coupon_fen,
  commissionBp: r.commission_bp,
  platformFeeBp: r.platform_fee_bp,
  returnAllowanceBp: r.return_allowance_bp,
});

export const fieldsOf = (r: ProductRow): ProductFields => ({
  title: r.title,
  sourceChannel: r.source_channel as SourceChannel,
  sourceLinks: jsonArray(r.source_links),
  supplierId: r.supplier_id,
  supplierSku: r.supplier_sku,
  supplierLink: r.supplier_link,
  costFen: r.cost_fen,
  supplierFreightFen: r.supplier_freight_fen,
  plannedPriceFen: r.planned_price_fen,
  commissionBp: r.commission_bp,
  platformFeeBp: r.platform_fee_bp,
  couponFen: r.coupon_fen,
  returnAllowanceBp: r.return_allowance_bp,
  targetMarginBp: r.target_margin_bp,
  audienceTags: jsonArray(r.audience_tags),
  category: r.category,
  notes: r.notes,
  douyinProductId: r.douyin_product_id,
  merchantCode: r.merchant_code,
  plannedSlot: r.planned_slot,
});

/** Form field → column, for inserts and updates. */
export function columnsOf(f: Partial<ProductFields>): Updateable<ProductsTable> {
  const c: Updateable<ProductsTable> = {};
  if (f.title !== undefined) c.title = f.title.trim();
  if (f.sourceChannel !== undefined) c.source_channel = f.sourceChannel;
  if (f.sourceLinks !== undefined) c.source_links = JSON.stringify(f.sourceLinks.map((l) => l.trim()).filter((l) => l !== ''));
  if (f.supplierId !== undefined) c.supplier_id = f.supplierId;
  if (f.supplierSku !== undefined) c.supplier_sku = f.supplierSku.trim();
  if (f.supplierLink !== undefined) c.supplier_link = f.supplierLink.trim();
  if (f.costFen !== undefined) c.cost_fen = f.costFen;
  if (f.supplierFreightFen !== undefined) c.supplier_freight_fen = f.supplierFreightFen;
  if (f.plannedPriceFen !== undefined) c.planned_price_fen = f.plannedPriceFen;
  if (f.commissionBp !== undefined) c.commission_bp = f.commissionBp;
  if (f.platformFeeBp !== undefined) c.platform_fee_bp = f.platformFeeBp;
  if (f.couponFen !== undefined) c.coupon_fen = f.couponFen;
  if (f.returnAllowanceBp !== undefined) c.return_allowance_bp = f.returnAllowanceBp;
  if (f.targetMarginBp !== undefined) c.target_margin_bp = f.targetMarginBp;
  if (f.audienceTags !== undefined) c.audience_tags = JSON.stringify([...new Set(f.audienceTags.map((t) => t.trim()).filter((t) => t !== ''))]);
  if (f.category !== undefined) c.category = f.category.trim();
  if (f.notes !== undefined) c.notes = f.notes;
  if (f.douyinProductId !== undefined) c.douyin_product_id = f.douyinProductId.trim();
  if (f.merchantCode !== undefined) c.merchant_code = f.merchantCode.trim();
  if (f.plannedSlot !== undefined) c.planned_slot = f.plannedSlot;
  return c;
}

export const parseSnapshot = (text: string | null): ListingSnapshot | null => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as ListingSnapshot;
  } catch {
    return null;
  }
};

export type SupplierFacts = { name: string; blacklisted: boolean; blacklistReason: string; hasAddress: boolean; hasRules: boolean };

/** Warnings follow DOMAIN.md: once a product sells, its supplier's return address and rules are needed. */
export function warningsFor(stage: ProductStage, orders: OrderFigures, supplier: SupplierFacts | null): ProductWarning[] {
  const w: ProductWarning[] = [];
  if (supplier?.blacklisted) w.push('supplier_blacklisted');
  const sold = stage === 'selling' || orders.ordersAll > 0;
  if (!sold) return w;
  if (supplier === null) return [...w, 'no_supplier'];
  if (!supplier.hasAddress) w.push('supplier_missing_return_address');
  if (!supplier.hasRules) w.push('supplier_missing_return_rules');
  return w;
}

export function summaryOf(r: ProductRow, orders: OrderFigures, supplier: SupplierFacts | null, mainImageId: number | null): ProductSummary {
  const inputs = costInputsOf(r);
  const costStack = computeCostStack(inputs, r.planned_price_fen, r.target_margin_bp);
  const snapshot = parseSnapshot(r.listing_snapshot);
  const drift = snapshot === null ? null : (() => {
    const now = computeCostStack(inputs, snapshot.priceFen, r.target_margin_bp).atPlanned;
    return now === null ? null : marginDrift(snapshot, now);
  })();
  const stage = r.stage as ProductStage;
  return {
    ...fieldsOf(r),
    id: r.id,
    stage,
    abandonReason: r.abandon_reason as AbandonReason | null,
    abandonNote: r.abandon_note,
    supplierName: supplier?.name ?? null,
    listedAt: r.listed_at,
    firstOrderAt: r.first_order_at,
    costStack,
    orders,
    warnings: warningsFor(stage, orders, supplier),
    drift,
    mainImageId,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
