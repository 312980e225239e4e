/*
 * Column mapping for candidate and supplier CSVs from anywhere (a 蝉妈妈 list, a supplier's
 * catalogue): which header feeds which field. Guesses come from header words; a mapping the user
 * confirmed is saved per source and reused when the same headers come again. Pure.
 */
export const CSV_FIELDS = {
  products: ['title', 'link', 'cost', 'price', 'commission', 'category', 'tags', 'supplierSku', 'douyinProductId', 'notes'],
  suppliers: ['name', 'contactPerson', 'wechat', 'phone', 'qq', 'shopLink', 'shipFrom', 'notes'],
} as const;
export type CsvKind = keyof typeof CSV_FIELDS;
export type CsvField<K extends CsvKind = CsvKind> = (typeof CSV_FIELDS)[K][number];
/** Field → header text (as in the file), or null when the field is not imported. */
export type CsvMapping = Record<string, string | null>;

export const REQUIRED_FIELD: Record<CsvKind, string> = { products: 'title', suppliers: 'name' };

// Most specific first: a field takes the first unused header containing one of its words, and
// fields are matched in this order, so 进货价 goes to cost before price looks for 价.
const HINTS: Record<CsvKind, [string, string[]][]> = {
  products: [
    ['link', ['商品链接', '链接', 'url', 'link', '地址']],
    ['douyinProductId', ['商品id', 'product id', 'productid']],
    ['supplierSku', ['货号', 'sku', '商家编码', '款号']],
    ['cost', ['进货价', '拿货价', '采购价', '成本', '批发价', 'cost']],
    ['commission', ['佣金比例', '佣金率', '佣金', 'commission']],
    ['price', ['售价', '券后价', '到手价', '零售价', '价格', '单价', 'price']],
    ['title', ['商品名称', '商品标题', '标题', '商品', '名称', 'title', 'name']],
    ['category', ['类目', '分类', '品类', 'category']],
    ['tags', ['人群', '标签', 'tags', 'tag']],
    ['notes', ['备注', '说明', 'notes', 'note']],
  ],
  suppliers: [
    ['shopLink', ['店铺链接', '链接', 'url', 'link']],
    ['contactPerson', ['联系人', 'contact']],
    ['wechat', ['微信', 'wechat', 'wx']],
    ['qq', ['qq', '旺旺']],
    ['phone', ['电话', '手机', 'phone', 'tel', 'mobile']],
    ['shipFrom', ['发货地', '所在地', '地区', '产地', 'ship']],
    ['name', ['供应商', '厂家', '工厂', '店铺', '档口', '名称', 'supplier', 'name']],
    ['notes', ['备注', '说明', 'notes', 'note']],
  ],
};

const norm = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function guessMapping(kind: CsvKind, headers: readonly string[]): CsvMapping {
  const used = new Set<string>();
  const mapping: CsvMapping = Object.fromEntries(CSV_FIELDS[kind].map((f) => [f, null]));
  for (const [field, words] of HINTS[kind]) {
    const hit = headers.find((h) => !used.has(h) && h.trim() !== '' && words.some((w) => norm(h).includes(w)));
    if (hit !== undefined) {
      mapping[field] = hit;
      used.add(hit);
    }
  }
  return mapping;
}

/** A saved mapping applies when every header it names is in this file. */
export const savedMappingFits = (saved: CsvMapping, headers: readonly string[]): boolean =>
  Object.values(saved).every((h) => h === null || headers.includes(h));

/** Problems with a mapping itself: the required field unmapped, a header used twice or missing. */
export function checkMapping(kind: CsvKind, mapping: CsvMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  if (!mapping[REQUIRED_FIELD[kind]]) problems.push(`${REQUIRED_FIELD[kind]} must be mapped to a column`);
  const named = Object.entries(mapping).filter(([, h]) => h !== null) as [string, string][];
  for (const [field, header] of named) {
    if (!(CSV_FIELDS[kind] as readonly string[]).includes(field)) problems.push(`unknown field ${field}`);
    if (!headers.includes(header)) problems.push(`column ${header} is not in the file`);
  }
  if (new Set(named.map(([, h]) => h)).size !== named.length) problems.push('a column is mapped to two fields');
  return problems;
}
