import { z } from 'zod';
import type { Basis, ProfitBreakdown } from '../../domain/profit';
import { PURCHASE_STATUSES, type MoveRefusal, type PurchaseStatus } from '../../domain/purchase-status';
import type { Waybill } from '../../domain/tracking';

export { PURCHASE_STATUSES, type PurchaseStatus } from '../../domain/purchase-status';

const id = z.number().int().positive();
/** A 抖店 order number: 19 digits in practice; 12–28 digit IDs occur in other exports. */
const orderId = z.string().regex(/^\d{6,30}$/, 'order_id');

/** What the purchase form edits. Money in fen; `paidAt` an ISO instant. */
export const purchaseFieldsSchema = z
  .object({
    supplierId: id.nullable(),
    supplierOrderNo: z.string().max(100),
    amountFen: z.number().int().min(0).max(1_000_000_000).nullable(),
    paidAt: z.iso.datetime({ offset: true }).nullable(),
    channelId: id.nullable(),
    /** Letters, digits and dashes, as couriers print them. */
    trackingNo: z.string().regex(/^[A-Za-z0-9-]{0,40}$/, 'tracking_no'),
    courier: z.string().max(50),
    notes: z.string().max(2000),
  })
  .strict();
export type PurchaseFields = z.infer<typeof purchaseFieldsSchema>;

export type PurchaseEvent = {
  id: number;
  at: string;
  /** `import`: a later order export moved it (shipped) or changed the platform's tracking. */
  source: 'user' | 'import';
  kind: 'created' | 'status' | 'edited' | 'proof_added' | 'proof_removed' | 'tracking';
  fromStatus: PurchaseStatus | null;
  toStatus: PurchaseStatus | null;
  note: string;
};

export type ProofInfo = { id: number; purchaseId: number; fileName: string; mime: string; bytes: number; createdAt: string };

export type ChannelEntry = { id: number; builtin: string | null; name: string };

export type PurchaseLineView = {
  subOrderId: string;
  productId: string | null;
  productTitle: string | null;
  spec: string | null;
  quantity: number | null;
  payableFen: number | null;
  lineStatus: string | null;
  aftersaleStatus: string | null;
  shippedAt: string | null;
  /** 承诺发货时间 as exported (China time). */
  promisedShipAt: string | null;
};

export type PurchaseView = PurchaseFields & {
  id: number;
  orderId: string;
  status: PurchaseStatus;
  statusNote: string;
  supplierName: string | null;
  channelName: string | null;
  lines: PurchaseLineView[];
  /** The platform's waybills from the order export's 快递信息, beside the supplier's number. */
  platformTracking: Waybill[];
  platformShippedAt: string | null;
  trackingMismatch: boolean;
  /** A line's buyer asked for a refund before it shipped (买家已申请退款). */
  refundRequested: boolean;
  proofs: ProofInfo[];
  events: PurchaseEvent[];
  profit: ProfitBreakdown;
  createdAt: string;
  updatedAt: string;
};

/** One row of the purchases list: a purchase, or an order with unshipped lines no purchase covers yet. */
export type PurchaseRow = {
  purchaseId: number | null;
  orderId: string;
  status: PurchaseStatus;
  supplierId: number | null;
  supplierName: string | null;
  /** The product's default supplier, when the row has none yet. */
  suggestedSupplierId: number | null;
  suggestedSupplierName: string | null;
  lines: PurchaseLineView[];
  amountFen: number | null;
  paidAt: string | null;
  channelName: string | null;
  trackingNo: string;
  platformTracking: Waybill[];
  trackingMismatch: boolean;
  refundRequested: boolean;
  proofCount: number;
  /** Earliest 承诺发货时间 of its lines (China time text), else null. */
  shipBy: string | null;
  profit: ProfitBreakdown;
};

/** Orders with a recorded purchase amount among the orders counted. */
export type CostCoverage = { orders: number; withRecordedCost: number };

export type OrderPurchases = {
  orderId: string;
  lines: PurchaseLineView[];
  /** Lines no purchase covers (closed ones left out). */
  uncoveredSubOrderIds: string[];
  purchases: PurchaseView[];
  suggestedSupplierId: number | null;
  refundRequested: boolean;
  /** The whole order: recorded purchases, estimates for lines without one. */
  profit: ProfitBreakdown;
};

export type ProductProfitRow = {
  productId: string;
  productTitle: string | null;
  lines: number;
  quantity: number;
  profit: ProfitBreakdown;
  coverage: CostCoverage;
};

export type MoveResult = { moved: number[]; created: number[]; refused: { id: number; from: PurchaseStatus; to: PurchaseStatus; problem: MoveRefusal }[] };

const selection = {
  ids: z.array(id).max(500).optional(),
  orderIds: z.array(orderId).max(500).optional(),
};

export const purchaseMethods = {
  /** Rows sorted by ship-by (earliest first). `status: 'pending'` includes orders no purchase covers yet. */
  'purchases.list': z
    .object({
      supplierId: id.optional(),
      status: z.enum(PURCHASE_STATUSES).optional(),
      orderId: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  /** Errors: NOT_FOUND (no imported line has this order number). */
  'purchases.forOrder': z.object({ orderId }).strict(),
  /** A purchase for some of an order's lines (default: every open line no purchase covers). Errors: NOT_FOUND, VALIDATION (a line already in a purchase). */
  'purchases.create': z.object({ orderId, subOrderIds: z.array(orderId).min(1).max(100).optional(), fields: purchaseFieldsSchema.partial().optional() }).strict(),
  /** Errors: NOT_FOUND, VALIDATION. */
  'purchases.update': z.object({ id, patch: purchaseFieldsSchema.partial() }).strict(),
  /** Status moves by the state machine; a selection by order creates pending purchases first for uncovered lines. Refusals are in the result. */
  'purchases.move': z.object({ ...selection, to: z.enum(PURCHASE_STATUSES), note: z.string().max(2000).default('') }).strict(),
  /** Sets the supplier on the open purchases of each order (creating one for uncovered lines); remembers it as the product's default when it has none. */
  'purchases.assignSupplier': z.object({ orderIds: z.array(orderId).min(1).max(500), supplierId: id, rememberForProduct: z.boolean().default(true) }).strict(),
  /** "复制给供应商": one message per order; with `supplierId`, only that supplier's (assigned or suggested). */
  'purchases.messages': z.object({ ...selection, supplierId: id.optional() }).strict(),
  /** PNG, JPEG, GIF or WebP (by its bytes), at most 4 MiB; kept inside the database, so backups carry it. Errors: VALIDATION, NOT_FOUND. */
  'purchases.addProof': z.object({ purchaseId: id, fileName: z.string().max(255), dataBase64: z.string().max(6_000_000) }).strict(),
  'purchases.proof': z.object({ id }).strict(),
  'purchases.removeProof': z.object({ id }).strict(),
  'purchases.channels': z.object({}).strict(),
  'purchases.addChannel': z.object({ name: z.string().trim().min(1).max(40) }).strict(),
  /** Hides a channel from the picker; purchases keep showing it. */
  'purchases.removeChannel': z.object({ id }).strict(),
  /** Per product over lines paid in [from, to] (China dates). */
  'purchases.productProfit': z.object({ from: z.iso.date(), to: z.iso.date() }).strict(),
} as const;

export type PurchaseResults = {
  'purchases.list': { total: number; rows: PurchaseRow[]; coverage: CostCoverage };
  'purchases.forOrder': OrderPurchases;
  'purchases.create': PurchaseView;
  'purchases.update': PurchaseView;
  'purchases.move': MoveResult;
  'purchases.assignSupplier': { purchases: number[]; created: number[]; skipped: { orderId: string; problem: 'not_found' | 'no_open_lines' }[] };
  'purchases.messages': { messages: { orderId: string; purchaseId: number | null; supplierId: number | null; text: string }[]; text: string };
  'purchases.addProof': ProofInfo;
  'purchases.proof': ProofInfo & { dataBase64: string };
  'purchases.removeProof': { removed: boolean };
  'purchases.channels': ChannelEntry[];
  'purchases.addChannel': ChannelEntry;
  'purchases.removeChannel': { removed: boolean };
  'purchases.productProfit': { from: string; to: string; products: ProductProfitRow[]; coverage: CostCoverage; afterSalesSource: 'aftersales_export' | 'none' };
};

export type PurchaseEvents = {
  /** Purchases were created or changed (by the user or by an import); screens refetch. */
  'purchases.changed': { ids: number[] };
};

export type { Basis, ProfitBreakdown };
