import type { LineStatus, ReconciledLine, ReconciliationLinesPage, ReconciliationList } from '../../shared/rpc/domains/money';
import type { FullReconciliation } from './reconcile';

export type PageRequest = { list: ReconciliationList; status?: LineStatus | undefined; offset: number; limit: number };

/*
 * The held reconciliation (money-service.ts) is read by the pages the snapshot cannot answer (a
 * status filter, a later page, a non-empty overdue list): the lines of one status are derived once
 * per held answer, so a page is a slice, not a pass over 500k lines. Keyed weakly: it goes when
 * the answer does. The summary comes from the snapshot's digest (reconcile-digest.ts).
 */
const byStatus = new WeakMap<FullReconciliation, Map<`${ReconciliationList}:${LineStatus}`, readonly ReconciledLine[]>>();

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
