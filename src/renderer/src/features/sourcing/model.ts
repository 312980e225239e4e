import type { ProductFields } from '../../../../shared/rpc/contract';

import { scaledOf, textOf, type NumberText } from '../../shared/ui/number-text';

/*
 * Form values are yuan and percent as typed (text); the core stores fen and bp. Blank money and
 * rate fields mean 0 (not given); anything else is passed on as typed, scaled, so the contract's
 * schema refuses a negative, out-of-range, non-numeric or over-precise value instead of the form
 * reshaping it.
 */
export const yuanToFen = (yuan: NumberText): number => scaledOf(yuan, 100) ?? 0;
export const fenToYuan = (fen: number): string => textOf(fen, 100);
export const pctToBp = (pct: NumberText): number => scaledOf(pct, 100) ?? 0;
export const bpToPct = (bp: number): string => textOf(bp, 100);

export type ProductFormValues = {
  title: string;
  sourceChannel: ProductFields['sourceChannel'];
  sourceLinksText: string;
  supplierId: number | null;
  supplierSku: string;
  supplierLink: string;
  cost: NumberText;
  freight: NumberText;
  price: NumberText;
  commission: NumberText;
  fee: NumberText;
  coupon: NumberText;
  returns: NumberText;
  target: NumberText;
  audienceTags: string[];
  category: string;
  notes: string;
  douyinProductId: string;
  merchantCode: string;
  plannedSlot: string | null;
};

export const DEFAULT_FORM: ProductFormValues = {
  title: '',
  sourceChannel: 'other',
  sourceLinksText: '',
  supplierId: null,
  supplierSku: '',
  supplierLink: '',
  cost: '',
  freight: '',
  price: '',
  commission: '',
  fee: '',
  coupon: '',
  returns: '',
  target: '15',
  audienceTags: [],
  category: '',
  notes: '',
  douyinProductId: '',
  merchantCode: '',
  plannedSlot: null,
};

export const formOf = (p: ProductFields): ProductFormValues => ({
  title: p.title,
  sourceChannel: p.sourceChannel,
  sourceLinksText: p.sourceLinks.join('\n'),
  supplierId: p.supplierId,
  supplierSku: p.supplierSku,
  supplierLink: p.supplierLink,
  cost: fenToYuan(p.costFen),
  freight: fenToYuan(p.supplierFreightFen),
  price: p.plannedPriceFen === null ? '' : fenToYuan(p.plannedPriceFen),
  commission: bpToPct(p.commissionBp),
  fee: bpToPct(p.platformFeeBp),
  coupon: fenToYuan(p.couponFen),
  returns: bpToPct(p.returnAllowanceBp),
  target: bpToPct(p.targetMarginBp),
  audienceTags: p.audienceTags,
  category: p.category,
  notes: p.notes,
  douyinProductId: p.douyinProductId,
  merchantCode: p.merchantCode,
  plannedSlot: p.plannedSlot,
});

export const fieldsOf = (v: ProductFormValues): ProductFields => ({
  title: (v.title ?? '').trim(),
  sourceChannel: v.sourceChannel,
  sourceLinks: (v.sourceLinksText ?? '').split(/\s*\n\s*/).map((l) => l.trim()).filter((l) => l !== ''),
  supplierId: v.supplierId ?? null,
  supplierSku: v.supplierSku ?? '',
  supplierLink: v.supplierLink ?? '',
  costFen: yuanToFen(v.cost),
  supplierFreightFen: yuanToFen(v.freight),
  plannedPriceFen: scaledOf(v.price, 100) ?? null,
  commissionBp: pctToBp(v.commission),
  platformFeeBp: pctToBp(v.fee),
  couponFen: yuanToFen(v.coupon),
  returnAllowanceBp: pctToBp(v.returns),
  targetMarginBp: pctToBp(v.target),
  audienceTags: v.audienceTags ?? [],
  category: v.category ?? '',
  notes: v.notes ?? '',
  douyinProductId: (v.douyinProductId ?? '').trim(),
  merchantCode: v.merchantCode ?? '',
  plannedSlot: v.plannedSlot ?? null,
});

const FORM_NAME_OF: Record<string, keyof ProductFormValues> = {
  costFen: 'cost',
  supplierFreightFen: 'freight',
  plannedPriceFen: 'price',
  couponFen: 'coupon',
  commissionBp: 'commission',
  platformFeeBp: 'fee',
  returnAllowanceBp: 'returns',
  targetMarginBp: 'target',
  sourceLinks: 'sourceLinksText',
};

/** The form field that shows a refused product field (`costFen` → `cost`, `audienceTags.3` → `audienceTags`). */
export const productFieldOf = (path: readonly (string | number)[]): string | null => {
  const head = path[0];
  if (typeof head !== 'string') return null;
  return FORM_NAME_OF[head] ?? head;
};
