import type { ProductFields } from '../../../../shared/rpc/contract';

/*
 * Form values are yuan and percent numbers as typed; the core stores fen and bp. Math.round
 * absorbs the binary-float error of the multiplication (39.9 × 100 = 3990.0000000000005).
 */
export const yuanToFen = (yuan: number | null | undefined): number => (yuan === null || yuan === undefined ? 0 : Math.round(yuan * 100));
export const fenToYuan = (fen: number): number => fen / 100;
export const pctToBp = (pct: number | null | undefined): number => (pct === null || pct === undefined ? 0 : Math.round(pct * 100));
export const bpToPct = (bp: number): number => bp / 100;

export type ProductFormValues = {
  title: string;
  sourceChannel: ProductFields['sourceChannel'];
  sourceLinksText: string;
  supplierId: number | null;
  supplierSku: string;
  supplierLink: string;
  cost: number | null;
  freight: number | null;
  price: number | null;
  commission: number | null;
  fee: number | null;
  coupon: number | null;
  returns: number | null;
  target: number | null;
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
  cost: null,
  freight: null,
  price: null,
  commission: null,
  fee: null,
  coupon: null,
  returns: null,
  target: 15,
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
  price: p.plannedPriceFen === null ? null : fenToYuan(p.plannedPriceFen),
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
  title: v.title.trim(),
  sourceChannel: v.sourceChannel,
  sourceLinks: v.sourceLinksText.split(/\s*\n\s*/).map((l) => l.trim()).filter((l) => l !== ''),
  supplierId: v.supplierId ?? null,
  supplierSku: v.supplierSku ?? '',
  supplierLink: v.supplierLink ?? '',
  costFen: yuanToFen(v.cost),
  supplierFreightFen: yuanToFen(v.freight),
  plannedPriceFen: v.price === null || v.price === undefined ? null : yuanToFen(v.price),
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
