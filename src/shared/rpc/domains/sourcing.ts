import { z } from 'zod';
import type { CostStack, MarginDrift } from '../../domain/cost-stack';
import type { HeatDay, ListingQuota, ListingStreak, QuotaState } from '../../domain/listing-quota';
import { formatField, listField, numberField, textField } from '../../validation/field-schemas';
import { ABANDON_REASONS, LOG_KINDS, PRODUCT_STAGES, SOURCE_CHANNELS, type AbandonReason, type LogKind, type ProductStage } from '../../domain/sourcing-pipeline';

export { LOG_KINDS, SOURCE_CHANNELS, type LogKind, type SourceChannel } from '../../domain/sourcing-pipeline';

const id = z.number().int().positive();

/** Every field a product form edits; all optional on update. Money in fen, rates in bp (1% = 100). */
export const productFieldsSchema = z
  .object({
    title: textField('productTitle'),
    sourceChannel: z.enum(SOURCE_CHANNELS),
    sourceLinks: listField('sourceLinks', textField('sourceLink')),
    supplierId: id.nullable(),
    supplierSku: textField('supplierSku'),
    supplierLink: textField('supplierLink'),
    costFen: numberField('cost'),
    supplierFreightFen: numberField('freight'),
    plannedPriceFen: numberField('plannedPrice').nullable(),
    commissionBp: numberField('commission'),
    platformFeeBp: numberField('platformFee'),
    couponFen: numberField('coupon'),
    returnAllowanceBp: numberField('returnAllowance'),
    targetMarginBp: numberField('targetMargin'),
    audienceTags: listField('audienceTags', textField('audienceTag')),
    category: textField('productCategory'),
    notes: textField('productNotes'),
    douyinProductId: formatField('douyinProductId'),
    merchantCode: textField('merchantCode'),
    plannedSlot: formatField('plannedSlot').nullable(),
  })
  .strict();
export type ProductFields = z.infer<typeof productFieldsSchema>;

export type DuplicateHit = { id: number; title: string; stage: ProductStage; match: 'link' | 'douyin_product_id' };

export type OrderFigures = { orders7: number; amount7Fen: number; orders30: number; amount30Fen: number; ordersAll: number };

export type ProductWarning = 'supplier_missing_return_address' | 'supplier_missing_return_rules' | 'supplier_blacklisted' | 'no_supplier';

export type ProductSummary = ProductFields & {
  id: number;
  stage: ProductStage;
  abandonReason: AbandonReason | null;
  abandonNote: string;
  supplierName: string | null;
  listedAt: string | null;
  firstOrderAt: string | null;
  costStack: CostStack;
  orders: OrderFigures;
  warnings: ProductWarning[];
  /** Margin now minus margin when listed (same listed price); null before listing. */
  drift: MarginDrift | null;
  mainImageId: number | null;
  createdAt: string;
  updatedAt: string;
};

export type ListingSnapshot = {
  at: string;
  priceFen: number;
  profitFen: number;
  marginBp: number;
  inputs: { costFen: number; supplierFreightFen: number; couponFen: number; commissionBp: number; platformFeeBp: number; returnAllowanceBp: number };
};

export type ProductLogEntry = { id: number; at: string; kind: LogKind; before: string; after: string; reason: string };
export type StageEvent = { at: string; from: ProductStage | null; to: ProductStage; reason: AbandonReason | null; note: string };
export type ProductImage = { id: number; fileName: string; mime: string; bytes: number; createdAt: string };

export type ProductDetail = ProductSummary & {
  snapshot: ListingSnapshot | null;
  log: ProductLogEntry[];
  history: StageEvent[];
  images: ProductImage[];
  supplierBlacklistReason: string | null;
};

export type SlotPlan = { time: string; count: number; planned: { id: number; title: string }[] };

export type QuotaView = {
  quota: ListingQuota;
  today: string;
  listedToday: number;
  state: QuotaState;
  slots: SlotPlan[];
  streak: ListingStreak;
  heatmap: HeatDay[];
};

export type MoveRefusal = { id: number; problem: 'not_found' | 'not_allowed' | 'reason_required' | 'title_required' | 'planned_price_required' };

export type UpdateResult =
  | { status: 'saved'; product: ProductDetail; duplicates: DuplicateHit[] }
  /** Not saved: the product already has orders; the advice is to add a cheaper SKU instead. */
  | { status: 'price_change_warning'; ordersAll: number; suggestion: 'add_cheaper_sku' };

export const CSV_KINDS = ['products', 'suppliers'] as const;
export type CsvPreview = {
  headers: string[];
  fields: string[];
  /** Field → header (as written in the file) or null; the saved mapping for this source when it fits, else guesses. */
  mapping: Record<string, string | null>;
  savedMappingUsed: boolean;
  total: number;
  /** The first rows as they would be imported, with their problems (`line` is the file's line). */
  rows: { line: number; values: Record<string, string | null>; problems: string[] }[];
};
export type CsvImportResult = { imported: number; ids: number[] };

const csvFile = {
  kind: z.enum(CSV_KINDS),
  /** Where the list comes from (蝉妈妈, a supplier's name …): mappings are saved per source. */
  source: textField('csvSource'),
  dataBase64: z.string().min(1).max(14_000_000),
};

const listFilter = z
  .object({
    stages: z.array(z.enum(PRODUCT_STAGES)).max(PRODUCT_STAGES.length).optional(),
    search: textField('productSearch').optional(),
    supplierId: id.optional(),
    sourceChannel: z.enum(SOURCE_CHANNELS).optional(),
  })
  .strict();

/** The range is two fields; a maximum below the minimum is refused on the maximum. */
export const quotaSchema = z
  .object({
    min: numberField('quotaMin'),
    max: numberField('quotaMax'),
    slots: listField('quotaSlots', z.object({ time: formatField('slotTime'), count: numberField('slotCount') }).strict()).min(1, { error: 'quotaSlots' }),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.max < q.min) ctx.addIssue({ code: 'custom', path: ['max'], message: 'quotaMax', params: { problem: 'minAboveMax' } });
    const times = q.slots.map((s) => s.time);
    times.forEach((time, i) => {
      if (times.indexOf(time) !== i) ctx.addIssue({ code: 'custom', path: ['slots', i, 'time'], message: 'slotTime', params: { problem: 'duplicate' } });
    });
  });

export const sourcingMethods = {
  /** Products matching the filter, newest first, each with its cost stack, order figures and warnings. */
  'products.list': listFilter,
  /** One product with its listing snapshot, optimisation log, stage history and images. Errors: NOT_FOUND. */
  'products.get': z.object({ id }).strict(),
  /**
   * Quick capture: pasted text holding a link (and maybe a price) becomes a candidate.
   * `duplicates` lists products with the same normalised link; they are flagged, not refused.
   * Errors: VALIDATION when the text holds no http(s) link.
   */
  'products.capture': z.object({ text: textField('captureText'), priceFen: numberField('capturePrice').optional() }).strict(),
  /** A new candidate from the form. Duplicates (same link or an already-listed 商品ID) come back flagged. */
  'products.create': productFieldsSchema.partial().extend({ title: textField('productTitle') }).strict(),
  /**
   * Saves some fields. Title, planned price and supplier SKU changes are added to the optimisation
   * log with `logReason`. A planned-price change on a product that has orders is refused with a
   * warning unless `confirmPriceChange`. Errors: NOT_FOUND.
   */
  'products.update': z
    .object({ id, patch: productFieldsSchema.partial(), logReason: textField('logReason').optional(), confirmPriceChange: z.boolean().optional() })
    .strict(),
  /** Moves products along the pipeline (bulk). Listing takes the cost-stack snapshot. Emits `sourcing.changed`. */
  'products.move': z
    .object({ ids: z.array(id).min(1).max(500), to: z.enum(PRODUCT_STAGES), reason: z.enum(ABANDON_REASONS).optional(), note: z.string().max(500).optional() })
    .strict(),
  /** Adds a line to the optimisation log (main image, SKU or other change made in the 抖店). */
  'products.addLog': z
    .object({ productId: id, kind: z.enum(LOG_KINDS), before: z.string().max(2000), after: z.string().max(2000), reason: z.string().max(500) })
    .strict(),
  /** Stores an image (PNG, JPEG, WebP or GIF by its magic bytes, ≤ 4 MiB) in the data folder. Errors: VALIDATION, NOT_FOUND. */
  'products.addImage': z.object({ productId: id, fileName: z.string().min(1).max(255), dataBase64: z.string().min(1).max(5_600_000) }).strict(),
  /** The image bytes (base64) and type, for display. Errors: NOT_FOUND. */
  'products.image': z.object({ id }).strict(),
  'products.removeImage': z.object({ id }).strict(),
  /** Today's listing count against the quota, the slots with what is planned in each, streak and heatmap. */
  'sourcing.quota': z.object({ days: z.number().int().min(7).max(366).optional() }).strict(),
  /** Changes the target range and slots. Errors: VALIDATION. */
  'sourcing.setQuota': z.object({ quota: quotaSchema }).strict(),
  /** Links imported orders to listed products now (it also runs after every import). */
  'sourcing.linkOrders': z.object({}).strict(),
  /** Every product as CSV text (UTF-8 with BOM), formula-safe. */
  'products.exportCsv': z.object({}).strict(),
  /**
   * Reads a candidate or supplier CSV (any encoding the order importer reads) and proposes a column
   * mapping, or shows the rows under `mapping` when given. Writes nothing. Errors: VALIDATION.
   */
  'sourcing.csvPreview': z.object({ ...csvFile, mapping: z.record(z.string().max(40), z.string().max(200).nullable()).optional() }).strict(),
  /** Imports every row with the mapping, all-or-nothing, and saves the mapping for the source. Errors: VALIDATION (with line numbers). */
  'sourcing.csvImport': z.object({ ...csvFile, mapping: z.record(z.string().max(40), z.string().max(200).nullable()) }).strict(),
} as const;

export type SourcingResults = {
  'products.list': ProductSummary[];
  'products.get': ProductDetail;
  'products.capture': { product: ProductDetail; duplicates: DuplicateHit[] };
  'products.create': { product: ProductDetail; duplicates: DuplicateHit[] };
  'products.update': UpdateResult;
  'products.move': { moved: number[]; refused: MoveRefusal[] };
  'products.addLog': ProductLogEntry;
  'products.addImage': ProductImage;
  'products.image': ProductImage & { dataBase64: string };
  'products.removeImage': { removed: boolean };
  'sourcing.quota': QuotaView;
  'sourcing.setQuota': QuotaView;
  'sourcing.linkOrders': { linked: number; movedToSelling: number[] };
  'products.exportCsv': { csv: string; rows: number };
  'sourcing.csvPreview': CsvPreview;
  'sourcing.csvImport': CsvImportResult;
};

export type SourcingEvents = {
  /** Products were added, changed or moved; screens refetch. */
  'sourcing.changed': { ids: number[] };
};
