import { sql, type Selectable, type Updateable } from 'kysely';
import { AppError } from '../../shared/errors';
import type {
  AddressInput,
  PostagePayer,
  PurchaseChannel,
  ReturnAddress,
  ReturnRules,
  Scorecard,
  SupplierDetail,
  SupplierFields,
  SupplierSummary,
} from '../../shared/rpc/domains/suppliers';
import { orderFigures } from '../sourcing/order-links';
import type { SourcingDb, SourcingExecutor, SupplierAddressesTable, SuppliersTable } from '../sourcing/sourcing-schema';
import { resolveDivision } from './divisions';
import { hasRules } from './supplier-facts';

type SupplierRow = Selectable<SuppliersTable>;

const jsonArray = (text: string): string[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

function columnsOf(f: Partial<SupplierFields>): Updateable<SuppliersTable> {
  const c: Updateable<SuppliersTable> = {};
  if (f.name !== undefined) c.name = f.name.trim();
  if (f.wechat !== undefined) c.wechat = f.wechat.trim();
  if (f.phone !== undefined) c.phone = f.phone.trim();
  if (f.qq !== undefined) c.qq = f.qq.trim();
  if (f.contactPerson !== undefined) c.contact_person = f.contactPerson.trim();
  if (f.shopLinks !== undefined) c.shop_links = JSON.stringify(f.shopLinks.map((l) => l.trim()).filter((l) => l !== ''));
  if (f.purchaseChannel !== undefined) c.purchase_channel = f.purchaseChannel;
  if (f.shipFrom !== undefined) c.ship_from = f.shipFrom.trim();
  if (f.cutoffTime !== undefined) c.cutoff_time = f.cutoffTime;
  if (f.usualShipHours !== undefined) c.usual_ship_hours = f.usualShipHours;
  if (f.notes !== undefined) c.notes = f.notes;
  if (f.blacklisted !== undefined) c.blacklisted = f.blacklisted ? 1 : 0;
  if (f.blacklistReason !== undefined) c.blacklist_reason = f.blacklistReason.trim();
  return c;
}

const rulesOf = (r: SupplierRow): ReturnRules => ({
  noReason7Day: r.rules_no_reason_7day === null ? null : r.rules_no_reason_7day === 1,
  postagePayer: r.rules_postage_payer as PostagePayer | null,
  damagedHandling: r.rules_damaged,
  refusedParcel: r.rules_refused,
  windowDays: r.rules_window_days,
  notes: r.rules_notes,
});

const addressOf = (a: Selectable<SupplierAddressesTable>): ReturnAddress => ({
  id: a.id,
  supplierId: a.supplier_id,
  provinceCode: a.province_code,
  cityCode: a.city_code,
  districtCode: a.district_code,
  province: a.province,
  city: a.city,
  district: a.district,
  street: a.street,
  recipient: a.recipient,
  phone: a.phone,
  createdAt: a.created_at,
});

// Words the 抖店 after-sales reasons use for a damaged or faulty item.
const DEFECT_WORDS = ['质量', '破损', '瑕疵', '损坏', '坏了', '故障', '残次'];

async function scorecardOf(db: SourcingExecutor, supplierId: number): Promise<Scorecard & { ordersByProduct: Map<number, number> }> {
  const products = await db.selectFrom('products').select(['id', 'stage', 'douyin_product_id', 'merchant_code']).where('supplier_id', '=', supplierId).execute();
  const ids = products.filter((p) => p.douyin_product_id !== '').map((p) => p.douyin_product_id);
  const codes = products.filter((p) => p.merchant_code !== '').map((p) => p.merchant_code);
  const ordersByProduct = new Map<number, number>();
  const empty = { products: products.length, listed: products.filter((p) => ['listed', 'selling', 'delisted'].includes(p.stage)).length };
  if (ids.length === 0 && codes.length === 0) return { ...empty, orders: 0, avgShipHours: null, returnRateBp: null, defectRateBp: null, ordersByProduct };
  const conditions = [];
  if (ids.length > 0) conditions.push(sql`ol.product_id IN (${sql.join(ids)})`);
  if (codes.length > 0) conditions.push(sql`ol.sku_code IN (${sql.join(codes)})`);
  const defect = sql.join(
    DEFECT_WORDS.map((w) => sql`(COALESCE(a.reason, '') || COALESCE(a.reason_tag, '')) LIKE ${`%${w}%`}`),
    sql` OR `,
  );
  const r = await sql<{ lines: number; ship_hours: number | null; returned: number; defective: number }>`
    SELECT COUNT(*) AS lines,
      AVG(CASE WHEN ol.shipped_at IS NOT NULL AND ol.paid_at IS NOT NULL THEN (julianday(ol.shipped_at) - julianday(ol.paid_at)) * 24 END) AS ship_hours,
      SUM(CASE WHEN EXISTS (SELECT 1 FROM aftersales a WHERE a.sub_order_id = ol.sub_order_id) THEN 1 ELSE 0 END) AS returned,
      SUM(CASE WHEN EXISTS (SELECT 1 FROM aftersales a WHERE a.sub_order_id = ol.sub_order_id AND (${defect})) THEN 1 ELSE 0 END) AS defective
    FROM order_lines ol
    WHERE (${sql.join(conditions, sql` OR `)}) AND (ol.status IS NULL OR (ol.status NOT LIKE '%关闭%' AND ol.status NOT LIKE '%取消%'))`.execute(db);
  const row = r.rows[0];
  const lines = Number(row?.lines ?? 0);
  for (const p of products) {
    // Only the all-time count is used, which does not depend on the day.
    const f = await orderFigures(db, { douyinProductId: p.douyin_product_id, merchantCode: p.merchant_code }, new Date(0));
    ordersByProduct.set(p.id, f.ordersAll);
  }
  return {
    ...empty,
    orders: lines,
    avgShipHours: row?.ship_hours === null || row?.ship_hours === undefined ? null : Math.round(Number(row.ship_hours) * 10) / 10,
    returnRateBp: lines === 0 ? null : Math.floor((Number(row?.returned ?? 0) * 10_000) / lines),
    defectRateBp: lines === 0 ? null : Math.floor((Number(row?.defective ?? 0) * 10_000) / lines),
    ordersByProduct,
  };
}

async function summaryOf(db: SourcingExecutor, row: SupplierRow): Promise<SupplierSummary & { ordersByProduct: Map<number, number> }> {
  const addresses = (await db.selectFrom('supplier_addresses').selectAll().where('supplier_id', '=', row.id).orderBy('id').execute()).map(addressOf);
  const scorecard = await scorecardOf(db, row.id);
  const sold = scorecard.orders > 0 || (await db.selectFrom('products').select('id').where('supplier_id', '=', row.id).where('stage', '=', 'selling').executeTakeFirst()) !== undefined;
  const warnings: SupplierSummary['warnings'] = [];
  if (sold && addresses.length === 0) warnings.push('missing_return_address');
  if (sold && !hasRules(row)) warnings.push('missing_return_rules');
  const { ordersByProduct, ...card } = scorecard;
  return {
    id: row.id,
    name: row.name,
    wechat: row.wechat,
    phone: row.phone,
    qq: row.qq,
    contactPerson: row.contact_person,
    shopLinks: jsonArray(row.shop_links),
    purchaseChannel: row.purchase_channel as PurchaseChannel,
    shipFrom: row.ship_from,
    cutoffTime: row.cutoff_time,
    usualShipHours: row.usual_ship_hours,
    notes: row.notes,
    blacklisted: row.blacklisted === 1,
    blacklistReason: row.blacklist_reason,
    rules: rulesOf(row),
    addresses,
    scorecard: card,
    warnings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ordersByProduct,
  };
}

async function requireRow(db: SourcingExecutor, id: number): Promise<SupplierRow> {
  const row = await db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no supplier ${id}`);
  return row;
}

export async function listSuppliers(db: SourcingExecutor, search: string | undefined): Promise<SupplierSummary[]> {
  let q = db.selectFrom('suppliers').selectAll();
  const s = search?.trim();
  if (s) q = q.where((eb) => eb.or([eb('name', 'like', `%${s}%`), eb('wechat', 'like', `%${s}%`), eb('contact_person', 'like', `%${s}%`), eb('ship_from', 'like', `%${s}%`)]));
  const rows = await q.orderBy('blacklisted').orderBy('name').execute();
  const result: SupplierSummary[] = [];
  for (const r of rows) {
    const { ordersByProduct: _unused, ...summary } = await summaryOf(db, r);
    result.push(summary);
  }
  return result;
}

export async function getSupplier(db: SourcingExecutor, id: number): Promise<SupplierDetail> {
  const { ordersByProduct, ...summary } = await summaryOf(db, await requireRow(db, id));
  const products = await db.selectFrom('products').select(['id', 'title', 'stage', 'supplier_sku', 'supplier_link']).where('supplier_id', '=', id).orderBy('id', 'desc').execute();
  return {
    ...summary,
    products: products.map((p) => ({ id: p.id, title: p.title, stage: p.stage, supplierSku: p.supplier_sku, supplierLink: p.supplier_link, ordersAll: ordersByProduct.get(p.id) ?? 0 })),
  };
}

export const createSupplier = (db: SourcingDb, fields: Partial<SupplierFields> & { name: string }, now: Date): Promise<number> => createSupplierRow(db, fields, now);

/** Inside the caller's transaction when given one (CSV imports). */
export async function createSupplierRow(db: SourcingExecutor, fields: Partial<SupplierFields> & { name: string }, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await db.insertInto('suppliers').values({ ...columnsOf(fields), name: fields.name.trim(), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSupplier(db: SourcingDb, id: number, patch: Partial<SupplierFields>, now: Date): Promise<void> {
  await requireRow(db, id);
  await db.updateTable('suppliers').set({ ...columnsOf(patch), updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function setRules(db: SourcingDb, id: number, rules: ReturnRules, now: Date): Promise<void> {
  await requireRow(db, id);
  await db
    .updateTable('suppliers')
    .set({
      rules_no_reason_7day: rules.noReason7Day === null ? null : rules.noReason7Day ? 1 : 0,
      rules_postage_payer: rules.postagePayer,
      rules_damaged: rules.damagedHandling.trim(),
      rules_refused: rules.refusedParcel.trim(),
      rules_window_days: rules.windowDays,
      rules_notes: rules.notes,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

function addressColumns(a: AddressInput) {
  const names = resolveDivision(a.provinceCode, a.cityCode, a.districtCode);
  if (names === null) {
    throw new AppError('VALIDATION', 'the district is not in that city, or the city not in that province', {
      // Worded like the picker's own refusal ("请从列表中选择省市区"): the codes only come from it.
      issues: [{ path: 'address.districtCode', field: 'regionCode', problem: 'format', message: 'not a valid province / city / district combination' }],
    });
  }
  return {
    province_code: a.provinceCode,
    city_code: a.cityCode,
    district_code: a.districtCode,
    ...names,
    street: a.street.trim(),
    recipient: a.recipient.trim(),
    phone: a.phone.replace(/\s+/g, ''),
  };
}

export async function addAddress(db: SourcingDb, supplierId: number, a: AddressInput, now: Date): Promise<ReturnAddress> {
  await requireRow(db, supplierId);
  const row = await db
    .insertInto('supplier_addresses')
    .values({ supplier_id: supplierId, ...addressColumns(a), created_at: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.updateTable('suppliers').set({ updated_at: now.toISOString() }).where('id', '=', supplierId).execute();
  return addressOf(row);
}

export async function updateAddress(db: SourcingDb, id: number, a: AddressInput): Promise<ReturnAddress> {
  const row = await db.updateTable('supplier_addresses').set(addressColumns(a)).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no address ${id}`);
  return addressOf(row);
}

export async function removeAddress(db: SourcingDb, id: number): Promise<boolean> {
  const r = await db.deleteFrom('supplier_addresses').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
