import { describe, expect, it } from 'vitest';
import { caseOwedFen, owedBySupplier } from './supplier-owed';

// Issue 11 / DOMAIN.md ("Quality: … return with postage covered by the supplier, and report the problem to the
// supplier"): the supplier side — "supplier refunded yes/no and how much, the amount each supplier still owes".
describe('caseOwedFen (fen, exact)', () => {
  it.each([
    [{ claimFen: null, refunded: null, refundedFen: null }, 0],
    [{ claimFen: 5990, refunded: null, refundedFen: null }, 5990],
    [{ claimFen: 5990, refunded: false, refundedFen: null }, 5990],
    [{ claimFen: 5990, refunded: true, refundedFen: 5990 }, 0],
    [{ claimFen: 5990, refunded: true, refundedFen: 3000 }, 2990],
    // Refunded more than claimed: negative, the shop owes the difference back; never floored to 0.
    [{ claimFen: 1000, refunded: true, refundedFen: 1001 }, -1],
    // A "no" with a stale amount counts nothing refunded.
    [{ claimFen: 1000, refunded: false, refundedFen: 500 }, 1000],
  ])('%j → %i', (c, owed) => {
    expect(caseOwedFen(c)).toBe(owed);
  });
});

describe('owedBySupplier', () => {
  it('sums per supplier in fen and orders by what is owed', () => {
    expect(
      owedBySupplier([
        { supplierId: 1, claimFen: 5990, refunded: true, refundedFen: 5990 },
        { supplierId: 1, claimFen: 12_345, refunded: null, refundedFen: null },
        { supplierId: 2, claimFen: 27_880, refunded: true, refundedFen: 10_000 },
        { supplierId: 3, claimFen: null, refunded: null, refundedFen: null },
        { supplierId: 4, claimFen: 100, refunded: true, refundedFen: 101 },
      ]),
    ).toEqual([
      { supplierId: 2, cases: 1, claimFen: 27_880, refundedFen: 10_000, owedFen: 17_880, openCases: 1 },
      { supplierId: 1, cases: 2, claimFen: 18_335, refundedFen: 5990, owedFen: 12_345, openCases: 1 },
      { supplierId: 4, cases: 1, claimFen: 100, refundedFen: 101, owedFen: -1, openCases: 1 },
    ]);
  });
});
