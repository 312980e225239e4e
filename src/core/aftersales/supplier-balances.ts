import { owedBySupplier } from '../../shared/domain/supplier-owed';
import { AppError } from '../../shared/errors';
import type { AftersaleResults } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';
import { caseRows } from './case-list';

/** What each supplier still owes for after-sales (应退 − 已退 per case, summed), most first. */
export async function supplierBalances(db: AftersaleExecutor, now: Date): Promise<AftersaleResults['aftersales.supplierBalances']> {
  // Only a case with a claim or a refund recorded can owe (owedBySupplier skips the rest).
  const { rows } = await caseRows(db, now, { claimed: true });
  const names = new Map(rows.flatMap((r) => (r.supplierId === null ? [] : [[r.supplierId, r.supplierName ?? ''] as const])));
  const owed = owedBySupplier(rows.flatMap((r) => (r.supplierId === null ? [] : [{ supplierId: r.supplierId, claimFen: r.supplierClaimFen, refunded: r.supplierRefunded, refundedFen: r.supplierRefundFen }])));
  const suppliers = owed.map((o) => ({ ...o, supplierName: names.get(o.supplierId) ?? '' }));
  return { suppliers, totalOwedFen: suppliers.reduce((s, o) => s + o.owedFen, 0) };
}

/** One supplier's balance and the cases behind it (those with a claim or a refund recorded). */
export async function supplierBalance(db: AftersaleExecutor, supplierId: number, now: Date): Promise<AftersaleResults['suppliers.owedBalance']> {
  const supplier = await db.selectFrom('suppliers').select(['id', 'name']).where('id', '=', supplierId).executeTakeFirst();
  if (!supplier) throw new AppError('NOT_FOUND', `no supplier ${supplierId}`);
  const { rows } = await caseRows(db, now, { claimed: true });
  const caseRowsOf = rows.filter((r) => r.supplierId === supplierId && (r.supplierClaimFen !== null || r.supplierRefundFen !== null));
  const [owed] = owedBySupplier(caseRowsOf.map((r) => ({ supplierId, claimFen: r.supplierClaimFen, refunded: r.supplierRefunded, refundedFen: r.supplierRefundFen })));
  return { ...(owed ?? { supplierId, cases: 0, claimFen: 0, refundedFen: 0, owedFen: 0, openCases: 0 }), supplierName: supplier.name, caseRows: caseRowsOf };
}
