import { z } from 'zod';

import { POSTAGE_PAYERS, PURCHASE_CHANNELS } from '../../domain/return-address';
import { formatField, listField, numberField, textField } from '../../validation/field-schemas';

export { POSTAGE_PAYERS, PURCHASE_CHANNELS, type PostagePayer, type PurchaseChannel } from '../../domain/return-address';

const id = z.number().int().positive();

export const supplierFieldsSchema = z
  .object({
    name: textField('supplierName'),
    wechat: textField('wechat'),
    phone: textField('supplierPhone'),
    qq: textField('qq'),
    contactPerson: textField('contactPerson'),
    shopLinks: listField('shopLinks', textField('shopLink')),
    purchaseChannel: z.enum(PURCHASE_CHANNELS),
    shipFrom: textField('shipFrom'),
    /** Daily order cut-off, `HH:MM` China time, or empty. */
    cutoffTime: formatField('cutoffTime'),
    /** Usual hours from paid purchase to shipment. */
    usualShipHours: numberField('usualShipHours').nullable(),
    notes: textField('supplierNotes'),
    blacklisted: z.boolean(),
    blacklistReason: textField('blacklistReason'),
  })
  .strict();
export type SupplierFields = z.infer<typeof supplierFieldsSchema>;

export const returnRulesSchema = z
  .object({
    /** 7-day no-reason returns; null = not asked yet. */
    noReason7Day: z.boolean().nullable(),
    postagePayer: z.enum(POSTAGE_PAYERS).nullable(),
    damagedHandling: textField('damagedHandling'),
    refusedParcel: textField('refusedParcel'),
    windowDays: numberField('returnWindowDays').nullable(),
    notes: textField('rulesNotes'),
  })
  .strict();
export type ReturnRules = z.infer<typeof returnRulesSchema>;

export const addressSchema = z
  .object({
    provinceCode: formatField('regionCode').length(2, { error: 'regionCode' }),
    cityCode: formatField('regionCode').length(4, { error: 'regionCode' }),
    districtCode: formatField('regionCode').length(6, { error: 'regionCode' }),
    street: textField('street'),
    recipient: textField('recipient'),
    phone: formatField('addressPhone'),
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
  'suppliers.list': z.object({ search: textField('supplierSearch').optional() }).strict(),
  /** Errors: NOT_FOUND. */
  'suppliers.get': z.object({ id }).strict(),
  'suppliers.create': supplierFieldsSchema.partial().extend({ name: textField('supplierName') }).strict(),
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
