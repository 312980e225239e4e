/*
 * 售后类型 as the 抖店 exports it (DOUYIN_EXPORTS.md §3.3: "退货退款 · 已发货仅退款 · 未发货仅退款 · 换货";
 * "补寄 also occurs"), plus 维修 and 价保, which the platform's after-sales page offers too. The
 * export's text is mapped through an editable vocabulary: a wording not seen yet is `unknown` until
 * the seller maps it, never guessed. Pure.
 */
export const AFTERSALE_TYPES = ['return_refund', 'refund_shipped', 'refund_unshipped', 'exchange', 'reship', 'repair', 'price_protect'] as const;
export type AftersaleType = (typeof AFTERSALE_TYPES)[number];
export type AftersaleTypeOrUnknown = AftersaleType | 'unknown';

/** The built-in vocabulary: the exported text of each type. */
export const BUILTIN_TYPE_TEXTS: Record<AftersaleType, string> = {
  return_refund: '退货退款',
  refund_shipped: '已发货仅退款',
  refund_unshipped: '未发货仅退款',
  exchange: '换货',
  reship: '补寄',
  repair: '维修',
  price_protect: '价保',
};

export const TYPE_LABELS: Record<AftersaleTypeOrUnknown, { zh: string; en: string }> = {
  return_refund: { zh: '退货退款', en: 'Return and refund' },
  refund_shipped: { zh: '已发货仅退款', en: 'Refund only (shipped)' },
  refund_unshipped: { zh: '未发货仅退款', en: 'Refund only (not shipped)' },
  exchange: { zh: '换货', en: 'Exchange' },
  reship: { zh: '补寄', en: 'Reship' },
  repair: { zh: '维修', en: 'Repair' },
  price_protect: { zh: '价保', en: 'Price protection' },
  unknown: { zh: '未识别类型', en: 'Unmapped type' },
};

export const isAftersaleType = (value: string): value is AftersaleType => (AFTERSALE_TYPES as readonly string[]).includes(value);

/** Cells are compared as the importer cleans them, and without inner spaces (`退货 退款`). */
export const normaliseTypeText = (text: string): string => text.replace(/\s+/g, '');

/**
 * The type of an exported 售后类型 text: the seller's mappings first (they may correct a built-in),
 * then the built-in texts; `unknown` for anything else, and for an empty cell.
 */
export function mapAftersaleType(text: string | null, mappings: ReadonlyMap<string, AftersaleType>): AftersaleTypeOrUnknown {
  const key = normaliseTypeText(text ?? '');
  if (key === '' || key === '-') return 'unknown';
  const mapped = mappings.get(key);
  if (mapped) return mapped;
  for (const type of AFTERSALE_TYPES) if (BUILTIN_TYPE_TEXTS[type] === key) return type;
  return 'unknown';
}

/** Types whose goods come back: the return card is shown and the parcel can go on to the supplier. */
export const RETURNS_GOODS: ReadonlySet<AftersaleTypeOrUnknown> = new Set<AftersaleTypeOrUnknown>(['return_refund', 'exchange', 'repair']);
