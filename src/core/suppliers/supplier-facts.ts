import type { SupplierFacts } from '../sourcing/product-rows';
import type { SourcingExecutor } from '../sourcing/sourcing-schema';

/** Rules count as recorded once 7-day returns and who pays return postage are known. */
export const hasRules = (r: { rules_no_reason_7day: number | null; rules_postage_payer: string | null }): boolean =>
  r.rules_no_reason_7day !== null && r.rules_postage_payer !== null;

/** What a product needs to know about its supplier for its warnings, by supplier id. */
export async function supplierFacts(db: SourcingExecutor, ids: readonly number[]): Promise<Map<number, SupplierFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('suppliers')
    .select(['id', 'name', 'blacklisted', 'blacklist_reason', 'rules_no_reason_7day', 'rules_postage_payer'])
    .select((eb) => eb.exists(eb.selectFrom('supplier_addresses').select('id').whereRef('supplier_addresses.supplier_id', '=', 'suppliers.id')).as('has_address'))
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { name: r.name, blacklisted: r.blacklisted === 1, blacklistReason: r.blacklist_reason, hasAddress: Boolean(r.has_address), hasRules: hasRules(r) },
    ]),
  );
}
