import { z } from 'zod';
import { PURCHASE_STATUSES, type PurchaseStatus } from '../../domain/purchase-status';

/*
 * The orders desk (issue 11): every imported order line, grouped per 主订单, paged by keyset on
 * indexes so it stays fast at 1,000,000 lines. Buyer data comes as the export gives it (recipient
 * name, phone and address are never stored); list answers carry no free-text notes either.
 */

export const ORDER_SORTS = ['shipBy', 'paidAt', 'amount'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** Quick filters; the shipping ones are exactly Today's queues (src/core/orders/shipping.ts). */
export const ORDER_QUEUES = ['toPurchase', 'due24h', 'overdue', 'refundBeforeShip', 'afterSalesOpen'] as const;
export type OrderQueue = (typeof ORDER_QUEUES)[number];

export const ORDER_SOURCES = ['affiliate', 'self'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

const chinaDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const text = z.string().trim().min(1).max(200);

export const orderFilterSchema = z
  .object({
    /** 订单状态 as exported (待发货, 已发货 …). */
    status: z.string().trim().min(1).max(20).optional(),
    queue: z.enum(ORDER_QUEUES).optional(),
    /** With `queue: 'due24h'`-like use from the CLI: ship-by within this many hours (Today uses 24). */
    dueWithinHours: z.number().int().min(1).max(24 * 90).optional(),
    source: z.enum(ORDER_SOURCES).optional(),
    /** China days of 支付完成时间, inclusive. */
    paidFrom: chinaDay.optional(),
    paidTo: chinaDay.optional(),
    /** 商品ID (digits) or part of the title. */
    product: text.optional(),
    /** Short or full name: 广西 = 广西壮族自治区. Errors: VALIDATION for a name that is no province. */
    province: text.optional(),
    /** 达人ID. */
    influencer: z.string().trim().regex(/^\d{1,30}$/, 'digits').optional(),
    /** 19 digits = an order or sub-order number (a pasted leading TAB, quote or spaces are fine); anything else = part of a product title. */
    search: z.string().max(200).optional(),
    /** The supplier (suppliers.id) of the purchase a line is in. */
    supplierId: z.number().int().positive().optional(),
    /**
     * The status of the purchase a line is in. `pending` (待采购) also takes a line still to ship
     * that no purchase covers yet and whose buyer asked no refund (Today's 待采购 queue).
     */
    purchaseStatus: z.enum(PURCHASE_STATUSES).optional(),
  })
  .strict()
  .refine((f) => !(f.paidFrom && f.paidTo && f.paidFrom > f.paidTo), { message: 'paidFrom must not be after paidTo', path: ['paidTo'] });
export type OrderFilter = z.infer<typeof orderFilterSchema>;

export const orderListSchema = z
  .object({
    filter: orderFilterSchema.default({}),
    sort: z.enum(ORDER_SORTS).default('shipBy'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    /** The moment the time windows are measured from (ISO); the core's clock when left out. */
    at: z.iso.datetime({ offset: true }).optional(),
    /** From the previous page's `nextCursor`, with the same filter, sort and `at`. */
    cursor: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    /** False: leave the count of all matches out (the screen asks `orders.count` after the page shows). */
    withTotal: z.boolean().default(true),
  })
  .strict();

export type OrderLineSummary = {
  subOrderId: string;
  productId: string | null;
  productTitle: string | null;
  productSpec: string | null;
  skuCode: string | null;
  quantity: number | null;
  payableFen: number | null;
  status: string | null;
  aftersaleStatus: string | null;
  submittedAt: string | null;
  paidAt: string | null;
  shippedAt: string | null;
  promisedShipAt: string | null;
  /** ISO instant from `shipByMs`, null when the export gave no time. */
  shipBy: string | null;
  province: string | null;
  city: string | null;
  influencerId: string | null;
  influencerName: string | null;
  trafficSource: string | null;
};

export type OrderSummary = {
  mainOrderId: string;
  /** Earliest ship-by of the order's unshipped lines, else of all its lines. */
  shipBy: string | null;
  paidAt: string | null;
  submittedAt: string | null;
  payableFen: number;
  province: string | null;
  /**
   * The order's purchase state: the most urgent of its lines' (an exception first, then the earliest
   * step of the flow, 已取消 last); a line still to ship with no purchase counts as `pending`; null
   * when no line is to buy and none is in a purchase.
   */
  purchaseStatus: PurchaseStatus | null;
  /** The suppliers of the order's purchases (by name), none before one is assigned. */
  suppliers: { id: number; name: string }[];
  /** Every line of the order (an order is listed when any of its lines matches). */
  lines: OrderLineSummary[];
};

export type OrderCount = { orders: number; lines: number };

export type OrderListResult = {
  /** Every match, null when asked `withTotal: false`. */
  total: OrderCount | null;
  orders: OrderSummary[];
  /** Pass back as `cursor` for the next page; null after the last. */
  nextCursor: string | null;
  /** The moment the windows were measured from. */
  at: string;
};

export type OrderNote = { id: number; orderId: string; text: string; createdAt: string; updatedAt: string };

export type OrderImportRef = { id: number; fileName: string; importedAt: string; exportTime: number | null; status: 'done' | 'undone' };

/** One version of a line: what an import wrote (the current row last). */
export type OrderTimelineEntry = { subOrderId: string; importId: number; importedAt: string | null; status: string | null; aftersaleStatus: string | null; shippedAt: string | null };

export type OrderLineDetail = OrderLineSummary & {
  /** Every stored column of the line, by column name. */
  columns: Record<string, string | number | null>;
  /** The file's other columns as imported (header → text), personal data excluded at import. */
  raw: Record<string, string>;
  firstImportId: number;
  lastImportId: number;
};

export type OrderDetail = {
  mainOrderId: string;
  shipBy: string | null;
  lines: OrderLineDetail[];
  imports: OrderImportRef[];
  timeline: OrderTimelineEntry[];
  notes: OrderNote[];
};

const orderId = z.string().trim().regex(/^[0-9A-Za-z_-]{1,40}$/, 'order number');
const noteText = z.string().trim().min(1).max(5000);

export const orderMethods = {
  'orders.list': orderListSchema,
  /** Lines and orders matching the filter (as `orders.list`'s total). */
  'orders.count': z.object({ filter: orderFilterSchema, at: z.iso.datetime({ offset: true }).optional() }).strict(),
  /** Errors: NOT_FOUND. */
  'orders.get': z.object({ orderId }).strict(),
  /** Every matching line as CSV (UTF-8 with BOM, formula-safe), in the list's order. */
  'orders.exportCsv': orderListSchema.omit({ cursor: true, limit: true, withTotal: true }).extend({ filter: orderFilterSchema }),
  /** Errors: NOT_FOUND (no such order). */
  'orders.addNote': z.object({ orderId, text: noteText }).strict(),
  /** Errors: NOT_FOUND. */
  'orders.updateNote': z.object({ id: z.number().int().positive(), text: noteText }).strict(),
  /** Errors: NOT_FOUND. */
  'orders.removeNote': z.object({ id: z.number().int().positive() }).strict(),
} as const;

export type OrderResults = {
  'orders.list': OrderListResult;
  'orders.count': OrderCount;
  'orders.get': OrderDetail;
  'orders.exportCsv': { csv: string; rows: number };
  'orders.addNote': OrderNote[];
  'orders.updateNote': OrderNote[];
  'orders.removeNote': OrderNote[];
};
