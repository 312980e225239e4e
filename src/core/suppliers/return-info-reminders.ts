import type { Kysely } from 'kysely';
import type { MissingReturnInfo } from '../../shared/i18n/sourcing-reminder-messages';
import type { PlannedReminder } from '../reminders/planned-reminder';
import type { SourcingDatabase } from '../sourcing/sourcing-schema';
import { hasRules } from './supplier-facts';

/** A supplier whose product has sold while its return address or rules are not recorded. */
export type ReturnInfoGap = { supplierId: number; supplierName: string; productTitle: string; firstOrderAt: string; missing: MissingReturnInfo };

/**
 * One gap per supplier, named after its first product to sell. Only products that reached 已出单
 * count (their first_order_at is set by the order linking after an import).
 */
export async function loadReturnInfoGaps<D>(db: Kysely<D>): Promise<ReturnInfoGap[]> {
  const sdb = db as unknown as Kysely<SourcingDatabase>;
  const rows = await sdb
    .selectFrom('products')
    .innerJoin('suppliers', 'suppliers.id', 'products.supplier_id')
    .select(['suppliers.id as supplierId', 'suppliers.name as supplierName', 'products.title as productTitle', 'products.first_order_at as firstOrderAt'])
    .select(['suppliers.rules_no_reason_7day', 'suppliers.rules_postage_payer'])
    .select((eb) => eb.exists(eb.selectFrom('supplier_addresses').select('supplier_addresses.id').whereRef('supplier_addresses.supplier_id', '=', 'suppliers.id')).as('hasAddress'))
    .where('products.first_order_at', 'is not', null)
    .orderBy('products.first_order_at')
    .execute();
  const gaps = new Map<number, ReturnInfoGap>();
  for (const r of rows) {
    if (gaps.has(r.supplierId) || r.firstOrderAt === null) continue;
    const address = Boolean(r.hasAddress);
    const rules = hasRules(r);
    if (address && rules) continue;
    gaps.set(r.supplierId, { supplierId: r.supplierId, supplierName: r.supplierName, productTitle: r.productTitle, firstOrderAt: r.firstOrderAt, missing: !address && !rules ? 'both' : !address ? 'address' : 'rules' });
  }
  return [...gaps.values()];
}

/** Due at the first order; the key holds what is missing, so recording half of it reminds again for the rest. */
export const planReturnInfoReminders = (gaps: readonly ReturnInfoGap[]): PlannedReminder[] =>
  gaps.map((g) => ({
    key: `supplier.returnInfo:${g.supplierId}:${g.missing}`,
    kind: 'supplier.returnInfo',
    dueAt: new Date(g.firstOrderAt),
    expiresAt: null,
    subject: `supplier:${g.supplierId}`,
    params: { product: g.productTitle, supplier: g.supplierName, missing: g.missing },
  }));
