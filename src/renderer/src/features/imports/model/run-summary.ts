import type { ImportRunOutcome } from '../../../../../shared/rpc/domains/imports';

export type RunSummary = {
  /** Files whose lines were written (not refused, not recognised as imported before). */
  written: number;
  alreadyImported: number;
  notImported: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Lines kept out: older than the saved data, or from a file without an export time whose age cannot be told. */
  skippedOlder: number;
  /** The backups taken before writing, in order, without repeats. */
  backupIds: string[];
};

/** Adds up what an import did, for the summary's headline. */
export function summariseRun(outcomes: readonly ImportRunOutcome[]): RunSummary {
  const summary: RunSummary = { written: 0, alreadyImported: 0, notImported: 0, inserted: 0, updated: 0, unchanged: 0, skippedOlder: 0, backupIds: [] };
  for (const outcome of outcomes) {
    if (outcome.refused) {
      summary.notImported++;
      continue;
    }
    if (outcome.alreadyImported || outcome.importId === null) summary.alreadyImported++;
    else summary.written++;
    summary.inserted += outcome.inserted;
    summary.updated += outcome.updated;
    summary.unchanged += outcome.unchanged;
    summary.skippedOlder += outcome.skippedOlder;
    if (outcome.backupId !== null && !summary.backupIds.includes(outcome.backupId)) summary.backupIds.push(outcome.backupId);
  }
  return summary;
}
