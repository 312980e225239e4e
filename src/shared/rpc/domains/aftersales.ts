import { z } from 'zod';
import { ARBITRATION_STATES, type ArbitrationState } from '../../domain/aftersale-state';
import { AFTERSALE_TYPES, type AftersaleType, type AftersaleTypeOrUnknown } from '../../domain/aftersale-type';
import type { Countdown } from '../../domain/aftersale-deadline';
import { TEMPLATE_KEYS, type TemplateKey } from '../../domain/aftersale-templates';
import type { SupplierOwed } from '../../domain/supplier-owed';
import type { PostagePayer } from '../../domain/return-address';
import { formatField, numberField, textField } from '../../validation/field-schemas';

export { AFTERSALE_TYPES, type AftersaleType, type AftersaleTypeOrUnknown } from '../../domain/aftersale-type';
export { ARBITRATION_STATES, type ArbitrationState } from '../../domain/aftersale-state';
export { TEMPLATE_KEYS, type TemplateKey } from '../../domain/aftersale-templates';

const id = z.number().int().positive();
/** A 抖店 order / sub-order number (digits; Excel's tab prefix is removed by the caller). */
const orderNo = z.string().regex(/^\d{6,30}$/, 'order_id');
/**
 * A case: `<售后单号>/<商品单号>` for an imported one (one after-sale can cover several lines), `m<id>`
 * for one made by hand.
 */
export const caseKeySchema = z.string().regex(/^(\d{1,30}\/\d{1,30}|m\d{1,12})$/, 'case_key');
export type CaseKey = z.infer<typeof caseKeySchema>;

/** How one case's supplier was found: the purchase of its line, the product's default, or set on the case. */
export type SupplierSource = 'case' | 'purchase' | 'product_default' | 'none';

export type AftersaleCaseRow = {
  caseKey: CaseKey;
  origin: 'import' | 'manual';
  aftersaleId: string | null;
  orderId: string;
  subOrderId: string;
  productId: string | null;
  productTitle: string | null;
  /** The exported 售后类型 text (or the type chosen for a hand-made case) and what it maps to. */
  typeText: string;
  type: AftersaleTypeOrUnknown;
  reason: string;
  /** 售后状态 as exported; null for a hand-made case. */
  status: string | null;
  open: boolean;
  /** 退商品金额 (or the hand-made case's refund), fen. */
  refundGoodsFen: number | null;
  refundFreightFen: number | null;
  /** 退商品金额 − 退支付优惠 (DOUYIN_EXPORTS.md §5), fen. */
  buyerRefundFen: number | null;
  appliedAt: string | null;
  /** 自动处理截止时间, China wall-clock text. */
  deadlineAt: string | null;
  countdown: Countdown;
  arbitration: ArbitrationState;
  arbitrationText: string | null;
  returnWaybill: string | null;
  returnCarrier: string | null;
  supplierId: number | null;
  supplierName: string | null;
  supplierSource: SupplierSource;
  forwardTracking: string;
  forwardCourier: string;
  forwardedAt: string | null;
  supplierClaimFen: number | null;
  supplierRefunded: boolean | null;
  supplierRefundFen: number | null;
  owedFen: number;
  closedAt: string | null;
  causeId: number | null;
  causeName: string | null;
  closeNote: string;
  evidenceCount: number;
};

export type EvidenceItem = { id: number; kind: 'note' | 'file'; note: string; fileName: string; mime: string; bytes: number; createdAt: string };

/**
 * The supplier's return card (DOMAIN.md: "the official return address … and the return rules"):
 * `ok` with the address line to copy; `no_address` names the supplier to open; `no_supplier` when
 * neither a purchase nor the product names one.
 */
export type ReturnCard =
  | {
      status: 'ok';
      supplierId: number;
      supplierName: string;
      contactPerson: string;
      phone: string;
      wechat: string;
      /** Every return address as the 抖店 address book's 智能识别 line; the first is the one copied. */
      addresses: { id: number; line: string }[];
      copyText: string;
      rules: { noReason7Day: boolean | null; postagePayer: PostagePayer | null; damagedHandling: string; windowDays: number | null; notes: string };
    }
  | { status: 'no_address'; supplierId: number; supplierName: string }
  | { status: 'no_supplier' };

export type AftersaleCaseDetail = AftersaleCaseRow & {
  lineStatus: string | null;
  quantity: number | null;
  payableFen: number | null;
  buyerNote: string | null;
  merchantNote: string | null;
  returnCard: ReturnCard;
  evidence: EvidenceItem[];
  /** What the reply templates are filled with ({订单号} {商品} {金额} {退货地址} {运单号}). */
  fillValues: { 订单号: string; 商品: string | null; 金额: string | null; 退货地址: string | null; 运单号: string | null };
};

/** `builtin`: the code's own text (a seller's mapping of the same text replaces it and can be removed). */
export type VocabularyEntry = { text: string; type: AftersaleType; builtin: boolean };
export type CauseEntry = { id: number; builtin: string | null; name: string };
export type TemplateEntry = { key: TemplateKey; body: string; isDefault: boolean };
export type AftersaleSettings = { leadHours: number };

export type ListCounts = { all: number; open: number; soon: number; arbitration: number; unmapped: number };

export type CauseReportRow = {
  productId: string | null;
  productTitle: string | null;
  supplierId: number | null;
  supplierName: string | null;
  total: number;
  causes: { causeId: number; name: string; count: number }[];
};

export type SupplierBalance = SupplierOwed & { supplierName: string };

const caseSelector = { caseKey: caseKeySchema };

/** What the supplier-side form and a hand-made case's fields edit. */
export const casePatchSchema = z
  .object({
    supplierId: id.nullable(),
    forwardTracking: textField('forwardTracking'),
    forwardCourier: textField('forwardCourier'),
    forwardedAt: formatField('aftersaleDeadline').nullable(),
    supplierClaimFen: numberField('supplierClaim').nullable(),
    supplierRefunded: z.boolean().nullable(),
    supplierRefundFen: numberField('supplierRefund').nullable(),
    /** Hand-made cases only (an imported case's are the export's). */
    reason: textField('aftersaleReason'),
    refundFen: numberField('aftersaleRefund').nullable(),
    deadlineAt: formatField('aftersaleDeadline').nullable(),
    arbitration: z.enum(ARBITRATION_STATES),
  })
  .partial()
  .strict();
export type CasePatch = z.infer<typeof casePatchSchema>;

export const aftersaleMethods = {
  /**
   * Cases, open ones by deadline first. `soon`: deadline within the reminder lead (or past).
   * Paging: `after` = the `nextAfter` of the page before (keyset: each page costs the same), or
   * `offset` (skips that many after `after`, or from the top). Errors: VALIDATION (a foreign `after`).
   */
  'aftersales.list': z
    .object({
      open: z.boolean().optional(),
      type: z.enum([...AFTERSALE_TYPES, 'unknown']).optional(),
      soon: z.boolean().optional(),
      arbitration: z.boolean().optional(),
      supplierId: id.optional(),
      search: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).max(100_000).default(0),
      after: z.string().max(400).optional(),
    })
    .strict(),
  /** Errors: NOT_FOUND. */
  'aftersales.get': z.object(caseSelector).strict(),
  /** An order's cases and its lines (to open one by hand). Errors: NOT_FOUND (no imported line has this order number). */
  'aftersales.forOrder': z.object({ orderId: orderNo }).strict(),
  /** A case by hand from an order line. Errors: NOT_FOUND, VALIDATION. */
  'aftersales.create': z
    .object({
      subOrderId: orderNo,
      type: z.enum(AFTERSALE_TYPES),
      reason: textField('aftersaleReason').default(''),
      refundFen: numberField('aftersaleRefund').nullable().default(null),
      deadlineAt: formatField('aftersaleDeadline').nullable().default(null),
    })
    .strict(),
  /** Errors: NOT_FOUND, VALIDATION (a hand-made case's field on an imported case; a refund amount with "not refunded"). */
  'aftersales.update': z.object({ ...caseSelector, patch: casePatchSchema }).strict(),
  /** Closes a case with its cause (描述不符, 物流慢 …). Errors: NOT_FOUND, VALIDATION. */
  'aftersales.close': z.object({ ...caseSelector, causeId: id, note: textField('closeNote').default('') }).strict(),
  'aftersales.reopen': z.object(caseSelector).strict(),
  'aftersales.addNote': z.object({ ...caseSelector, text: textField('evidenceNote') }).strict(),
  /** PNG, JPEG, GIF or WebP (by its bytes), at most 4 MiB, kept inside the database. Errors: VALIDATION, NOT_FOUND. */
  'aftersales.addFile': z.object({ ...caseSelector, fileName: z.string().max(255), dataBase64: z.string().max(6_000_000) }).strict(),
  'aftersales.evidenceFile': z.object({ id }).strict(),
  'aftersales.removeEvidence': z.object({ id }).strict(),
  /** The type vocabulary (built-in and the seller's) and exported texts no mapping knows. */
  'aftersales.vocabulary': z.object({}).strict(),
  'aftersales.setMapping': z.object({ text: textField('typeText'), type: z.enum(AFTERSALE_TYPES) }).strict(),
  /** Removes the seller's mapping; built-in texts stay. */
  'aftersales.removeMapping': z.object({ text: textField('typeText') }).strict(),
  'aftersales.causes': z.object({}).strict(),
  'aftersales.addCause': z.object({ name: textField('causeName') }).strict(),
  /** Hides a cause from the picker; closed cases keep it. */
  'aftersales.removeCause': z.object({ id }).strict(),
  'aftersales.templates': z.object({}).strict(),
  'aftersales.saveTemplate': z.object({ key: z.enum(TEMPLATE_KEYS), body: textField('templateBody') }).strict(),
  'aftersales.resetTemplate': z.object({ key: z.enum(TEMPLATE_KEYS) }).strict(),
  'aftersales.settings': z.object({}).strict(),
  'aftersales.updateSettings': z.object({ leadHours: numberField('aftersaleLeadHours') }).strict(),
  /** Closed cases' causes by product and supplier, closed in [from, to] (China dates) when given. */
  'aftersales.causeReport': z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).strict(),
  /** What each supplier still owes (应退 − 已退), most first. */
  'aftersales.supplierBalances': z.object({}).strict(),
  /** The supplier screen's read: one supplier's owed balance and its cases. Errors: NOT_FOUND. */
  'suppliers.owedBalance': z.object({ id }).strict(),
} as const;

export type AftersaleResults = {
  /** `nextAfter`: the cursor of the next page, null on the last one. */
  'aftersales.list': { total: number; counts: ListCounts; leadHours: number; rows: AftersaleCaseRow[]; nextAfter: string | null };
  'aftersales.get': AftersaleCaseDetail;
  'aftersales.forOrder': {
    orderId: string;
    lines: { subOrderId: string; productTitle: string | null; payableFen: number | null; status: string | null; aftersaleStatus: string | null }[];
    cases: AftersaleCaseRow[];
  };
  'aftersales.create': AftersaleCaseDetail;
  'aftersales.update': AftersaleCaseDetail;
  'aftersales.close': AftersaleCaseDetail;
  'aftersales.reopen': AftersaleCaseDetail;
  'aftersales.addNote': EvidenceItem;
  'aftersales.addFile': EvidenceItem;
  'aftersales.evidenceFile': EvidenceItem & { dataBase64: string };
  'aftersales.removeEvidence': { removed: boolean };
  'aftersales.vocabulary': { entries: VocabularyEntry[]; unmapped: { text: string; cases: number }[] };
  'aftersales.setMapping': VocabularyEntry;
  'aftersales.removeMapping': { removed: boolean };
  'aftersales.causes': CauseEntry[];
  'aftersales.addCause': CauseEntry;
  'aftersales.removeCause': { removed: boolean };
  'aftersales.templates': TemplateEntry[];
  'aftersales.saveTemplate': TemplateEntry;
  'aftersales.resetTemplate': TemplateEntry;
  'aftersales.settings': AftersaleSettings;
  'aftersales.updateSettings': AftersaleSettings;
  'aftersales.causeReport': { rows: CauseReportRow[]; closed: number; withoutCause: number };
  'aftersales.supplierBalances': { suppliers: SupplierBalance[]; totalOwedFen: number };
  'suppliers.owedBalance': SupplierBalance & { caseRows: AftersaleCaseRow[] };
};

export type AftersaleEvents = {
  /** Cases changed (the seller's edits, evidence, vocabulary); screens refetch. */
  'aftersales.changed': { caseKeys: string[] };
};
