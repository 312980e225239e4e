import { z } from 'zod';
import type { Basis } from '../../domain/profit';
import { LANGUAGES } from './settings';

/**
 * One day's or one product's money, in fen, from the purchases domain's profit figures
 * (shared/domain/profit.ts): `revenueFen` is what the shop is owed for the goods (订单应付金额 + the
 * platform's and influencer's discount shares); `purchaseCostFen` recorded or estimated from the
 * cost stack; `commissionFen` and `feesFen` (platform fee) from the funds flow or the product's
 * rates; `afterSalesLossFen` refunds per the after-sales export; `profitFen` = revenue − cost −
 * commission − fees − after-sales + supplier refunds. `basis` is the weakest of the cost figures.
 * `orders` and `ordersWithCost` give the share of orders with a recorded purchase cost.
 */
export type ProfitFigures = {
  lines: number;
  orders: number;
  ordersWithCost: number;
  revenueFen: number;
  purchaseCostFen: number;
  commissionFen: number;
  feesFen: number;
  afterSalesLossFen: number;
  supplierRefundFen: number;
  profitFen: number;
  basis: Basis;
};

export type ProfitDay = ProfitFigures & { date: string };
export type ProfitProduct = ProfitFigures & { productId: string; productTitle: string | null; quantity: number };

export type ProfitByDay = { from: string; to: string; days: ProfitDay[]; total: ProfitFigures; afterSalesSource: 'aftersales_export' | 'none' };
export type ProfitByProduct = { from: string; to: string; products: ProfitProduct[]; total: ProfitFigures; afterSalesSource: 'aftersales_export' | 'none' };

export const PROFIT_GROUPINGS = ['day', 'product'] as const;
export type ProfitGrouping = (typeof PROFIT_GROUPINGS)[number];

/** A paid-date range (China dates, inclusive); the last 30 days before today when left out. */
const range = {
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
};
const ordered = <T extends { from?: string; to?: string }>(p: T) => !(p.from && p.to && p.from > p.to);
const rangeSchema = z.object(range).strict().refine(ordered, { message: 'from must not be after to', path: ['to'] });

export const profitReportMethods = {
  /** Every day of the range (zeros included), oldest first, and the total. Lines paid (支付完成时间) that day, closed ones left out. Read-only. */
  'reports.profitByDay': rangeSchema,
  /** Every product sold in the range, most profitable first, and the total. Read-only. */
  'reports.profitByProduct': rangeSchema,
  /** The day or product table as CSV (UTF-8 with BOM, formula-safe, yuan with 2 decimals). */
  'reports.profitCsv': z.object({ ...range, by: z.enum(PROFIT_GROUPINGS).default('day'), locale: z.enum(LANGUAGES).default('zh-CN') }).strict().refine(ordered, { message: 'from must not be after to', path: ['to'] }),
} as const;

export type ProfitReportResults = {
  'reports.profitByDay': ProfitByDay;
  'reports.profitByProduct': ProfitByProduct;
  'reports.profitCsv': { csv: string; rows: number };
};
