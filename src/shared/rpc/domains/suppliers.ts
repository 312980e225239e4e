import { z } from 'zod';

import { POSTAGE_PAYERS, PURCHASE_CHANNELS } from '../../domain/return-address';

export { POSTAGE_PAYERS, PURCHASE_CHANNELS, type PostagePayer, type PurchaseChannel } from '../../domain/return-address';

const id = z.number().int().positive();
const shortText = z.string().max(500);

export const supplierFieldsSchema = z
  .object({
    name: z.string().min(1).max(200),
    wechat: z.string().max(100),
    phone: z.string().max(50),
    qq: z.string().max(100),
    contactPerson: z.string().max(100),
    shopLinks: z.array(z.string().max(2000)).max(20),
    purchaseChannel: z.enum(PURCHASE_CHANNELS),
    shipFrom: shortText,
    /** Daily order cut-off, `HH:MM` China time, or empty. */
    cutoffTime: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/),
    /** Usual hours from paid purchase to shipment. */
    usualShipHours: z.number().int().min(0).max(24 * 60).nullable(),
    notes: z.string().max(10_000),
    blacklisted: z.boolean(),
    blacklistReason: shortText,
  })
  .strict();
export type SupplierFields = z.infer<typeof supplierFieldsSchema>;

export const returnRulesSchema = z
  .object({
    /** 7-day no-reason returns; null = not asked yet. */
    noReason7Day: z.boolean().nullable(),
    postagePayer: z.enum(POSTAGE_PAYERS).nullable(),
    damagedHandling: shortText,
    refusedParcel: shortText,
    windowDays: z.number().int().min(0).max(365).nullable(),
    notes: z.string().max(5000),
  })
  .strict();
export type ReturnRules = z.infer<typeof returnRulesSchema>;

export const addressSchema = z
  .object({
    provinceCode: z.string().regex(/^\d{2}$/),
    cityCode: z.string().regex(/^\d{4}$/),
    districtCode: z.string().regex(/^\d{6}$/),
    street: z.string().min(1).max(300),
    recipient: z.string().min(1).max(50),
    phone: z.string().regex(/^[\d\-+ ]{5,20}$/, 'phone'),
  })
  .strict();
export type AddressInput = z.infer<typeof addressSchema>;

export type ReturnAddress = AddressInput & { id: number; supplierId: number; province: string; city: string; district: string; createdAt: string };

export type Scorecard = {
  products: number;
  listed: number;
  orders: number;
  /** Average hours from payment to shipment over shipped lines; null without any. */
  avgShipHours: number | null;
  /** Lines with an after-sales record / lines, in bp; null without orders. */
  returnRateBp: number | null;
  /** After-sales whose reason says damaged, broken or quality / lines, in bp. */
  defectRateBp: number | null;
};

export type SupplierSummary = SupplierFields & {
  id: number;
  rules: ReturnRules;
  addresses: ReturnAddress[];
  scorecard: Scorecard;
  /** A bound product has orders but this supplier has no return address / rules yet. */
  warnings: ('missing_return_address' | 'missing_return_rules')[];
  createdAt: string;
  updatedAt: string;
};

export type SupplierDetail = SupplierSummary & {
  products: { id: number; title: string; stage: string; supplierSku: string; supplierLink: string; ordersAll: number }[];
};

/** Province → city → district, as codes and names (national statistics division codes). */
export type DivisionNode = { code: string; name: string; children?: DivisionNode[] };

export const supplierMethods = {
  'suppliers.list': z.object({ search: z.string().max(200).optional() }).strict(),
  /** Errors: NOT_FOUND. */
  'suppliers.get': z.object({ id }).strict(),
  'suppliers.create': supplierFieldsSchema.partial().extend({ name: z.string().min(1).max(200) }).strict(),
  /** Errors: NOT_FOUND. */
  'suppliers.update': z.object({ id, patch: supplierFieldsSchema.partial() }).strict(),
  'suppliers.setRules': z.object({ id, rules: returnRulesSchema }).strict(),
  /** Validated against the division data: the district must lie in the city, the city in the province. Errors: VALIDATION, NOT_FOUND. */
  'suppliers.addAddress': z.object({ supplierId: id, address: addressSchema }).strict(),
  'suppliers.updateAddress': z.object({ id, address: addressSchema }).strict(),
  'suppliers.removeAddress': z.object({ id }).strict(),
  /** The province / city / district tree for pickers. */
  'suppliers.divisions': z.object({}).strict(),
  /** Every supplier as CSV text (UTF-8 with BOM), formula-safe. */
  'suppliers.exportCsv': z.object({}).strict(),
} as const;

export type SupplierResults = {
  'suppliers.list': SupplierSummary[];
  'suppliers.get': SupplierDetail;
  'suppliers.create': SupplierDetail;
  'suppliers.update': SupplierDetail;
  'suppliers.setRules': SupplierDetail;
  'suppliers.addAddress': ReturnAddress;
  'suppliers.updateAddress': ReturnAddress;
  'suppliers.removeAddress': { removed: boolean };
  'suppliers.divisions': DivisionNode[];
  'suppliers.exportCsv': { csv: string; rows: number };
};
