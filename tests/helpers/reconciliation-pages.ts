import type { LineStatus, ReconciledLine, Reconciliation, ReconciliationLinesPage, ReconciliationList } from '../../src/shared/rpc/domains/money';
import type { FullReconciliation } from '../../src/core/money/reconcile';

type PageCall = (params: { list: ReconciliationList; status?: LineStatus; offset: number; limit: number }) => Promise<ReconciliationLinesPage>;

/** A list read page after page through `money.reconciliationLines`, checking each page's total. */
export async function readAllPages(call: PageCall, list: ReconciliationList, limit: number, status?: LineStatus): Promise<{ total: number; lines: ReconciledLine[] }> {
  const lines: ReconciledLine[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += limit) {
    const page = await call({ list, offset, limit, ...(status ? { status } : {}) });
    if (total >= 0 && page.total !== total) throw new Error(`total moved from ${total} to ${page.total}`);
    total = page.total;
    if (page.lines.length !== Math.min(limit, total - offset) && total > 0) throw new Error(`page at ${offset} has ${page.lines.length} lines`);
    lines.push(...page.lines);
    if (total === 0) break;
  }
  return { total, lines };
}

/** The summary the old full answer stands for, computed here on its own (not with the core's code). */
export const summaryOf = (full: FullReconciliation): Reconciliation => ({
  counts: full.counts,
  overdue: { lines: full.overdue.length, amountFen: full.overdue.reduce((s, l) => s + l.expectedFen, 0) },
  unchecked: full.unchecked,
  coverage: full.coverage,
  days: full.days,
  unmatched: full.unmatched,
  periods: full.periods,
  hasFunds: full.hasFunds,
  hasOrders: full.hasOrders,
});
