/*
 * What a supplier still owes the shop for after-sales (the supplier side no tool tracks, issue 11):
 * per case the seller records what the supplier agreed to refund (应退, the claim) and what it has
 * refunded (已退). Owed = claim − refunded, in fen, never rounded or floored at zero: a supplier that
 * refunded more than claimed shows a negative figure (the shop owes it back), not a silent 0. Pure.
 */
export type OwedCase = { supplierId: number; claimFen: number | null; refunded: boolean | null; refundedFen: number | null };

/** A case's owed amount; a case without a claim owes nothing; a refund marked "no" counts 0 refunded. */
export function caseOwedFen(c: Omit<OwedCase, 'supplierId'>): number {
  if (c.claimFen === null) return 0;
  const refunded = c.refunded === true ? (c.refundedFen ?? 0) : 0;
  return c.claimFen - refunded;
}

export type SupplierOwed = { supplierId: number; cases: number; claimFen: number; refundedFen: number; owedFen: number; openCases: number };

/** Totals per supplier, those owing most first (ties by supplier id). */
export function owedBySupplier(cases: readonly OwedCase[]): SupplierOwed[] {
  const by = new Map<number, SupplierOwed>();
  for (const c of cases) {
    if (c.claimFen === null && c.refundedFen === null) continue;
    const row = by.get(c.supplierId) ?? { supplierId: c.supplierId, cases: 0, claimFen: 0, refundedFen: 0, owedFen: 0, openCases: 0 };
    const refunded = c.refunded === true ? (c.refundedFen ?? 0) : 0;
    const owed = caseOwedFen(c);
    row.cases += 1;
    row.claimFen += c.claimFen ?? 0;
    row.refundedFen += refunded;
    row.owedFen += owed;
    if (owed !== 0) row.openCases += 1;
    by.set(c.supplierId, row);
  }
  return [...by.values()].sort((a, b) => b.owedFen - a.owedFen || a.supplierId - b.supplierId);
}
