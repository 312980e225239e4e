import type { LineStatus, ReconciledLine, Reconciliation, ReconciliationLinesPage, ReconciliationList } from '../../shared/rpc/domains/money';
import type { FullReconciliation } from './reconcile';

export type PageRequest = { list: ReconciliationList; status?: LineStatus | undefined; offset: number; limit: number };

/*
 * The held reconciliation (money-service.ts) is read by the summary and by every page: what is
 * derived from it (the overdue amount, the lines of one status) is derived once per held answer,
 * so a page is a slice, not a pass over 500k lines. Keyed weakly: it goes when the answer does.
 */
const overdueAmounts = new WeakMap<FullReconciliation, number>();
const byStatus = new WeakMap<FullReconciliation, Map<`${ReconciliationList}:${LineStatus}`, readonly ReconciledLine[]>>();

/** Everything but the lines: the overdue queue is reduced to its count and expected amount. */
export function summariseReconciliation(full: FullReconciliation): Reconciliation {
  let amountFen = overdueAmounts.get(full);
  if (amountFen === undefined) {
    amountFen = 0;
    for (const line of full.overdue) amountFen += line.expectedFen;
    overdueAmounts.set(full, amountFen);
  }
  return {
    counts: full.counts,
    overdue: { lines: full.overdue.length, amountFen },
    unchecked: full.unchecked,
    coverage: full.coverage,
    days: full.days,
    periods: full.periods,
    hasFunds: full.hasFunds,
    hasOrders: full.hasOrders,
    unmatched: full.unmatched,
  };
}

function listOf(full: FullReconciliation, list: ReconciliationList, status: LineStatus | undefined): readonly ReconciledLine[] {
  const lines = list === 'overdue' ? full.overdue : full.lines;
  if (status === undefined) return lines;
  let filtered = byStatus.get(full);
  if (!filtered) byStatus.set(full, (filtered = new Map()));
  const key = `${list}:${status}` as const;
  let kept = filtered.get(key);
  if (!kept) filtered.set(key, (kept = lines.filter((l) => l.status === status)));
  return kept;
}

/** One page of a list, in the list's own order; an offset past the end gives no lines and the total. */
export function pageReconciliation(full: FullReconciliation, { list, status, offset, limit }: PageRequest): ReconciliationLinesPage {
  const lines = listOf(full, list, status);
  return { total: lines.length, lines: lines.slice(offset, offset + limit) };
}
