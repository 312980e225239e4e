import { formatReturnAddress } from '../../shared/domain/return-address';
import type { ReturnCard } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';

/**
 * The return card of the supplier who fulfilled the line (DOMAIN.md "After the first order of a
 * product: the supplier's return address": address, phone, recipient, and the return rules). The
 * copied text is the first address as the 抖店 address book's 智能识别 line (return-address.ts).
 */
export async function returnCard(db: AftersaleExecutor, supplierId: number | null): Promise<ReturnCard> {
  if (supplierId === null) return { status: 'no_supplier' };
  const s = await db.selectFrom('suppliers').selectAll().where('id', '=', supplierId).executeTakeFirst();
  if (!s) return { status: 'no_supplier' };
  const addresses = await db.selectFrom('supplier_addresses').selectAll().where('supplier_id', '=', supplierId).orderBy('id').execute();
  if (addresses.length === 0) return { status: 'no_address', supplierId, supplierName: s.name };
  const lines = addresses.map((a) => ({ id: a.id, line: formatReturnAddress(a) }));
  return {
    status: 'ok',
    supplierId,
    supplierName: s.name,
    contactPerson: s.contact_person,
    phone: s.phone,
    wechat: s.wechat,
    addresses: lines,
    copyText: lines[0]?.line ?? '',
    rules: {
      noReason7Day: s.rules_no_reason_7day === null ? null : s.rules_no_reason_7day === 1,
      postagePayer: s.rules_postage_payer,
      damagedHandling: s.rules_damaged,
      windowDays: s.rules_window_days,
      notes: s.rules_notes,
    },
  };
}
