import type { FileOutcome } from '../../../../../shared/rpc/domains/imports';
import type { EntryStatus, SessionEntry } from './import-session';

type RowBase = {
  key: string;
  /** The dropped file the row belongs to (a zip gives several rows). */
  entryKey: string;
  /** The first row of its dropped file carries the remove button. */
  isFirstOfEntry: boolean;
  name: string;
};

export type PreviewRow = RowBase &
  (
    | { type: 'pending'; status: Extract<EntryStatus, { stage: 'queued' | 'uploading' | 'checking' }>; size: number }
    | { type: 'failed'; error: unknown }
    | { type: 'outcome'; outcome: FileOutcome }
  );

/** One table row per file the preview talks about, in drop order. */
export function previewRows(entries: readonly SessionEntry[]): PreviewRow[] {
  return entries.flatMap((entry): PreviewRow[] => {
    const base = { entryKey: entry.key, isFirstOfEntry: true, name: entry.name };
    const { status } = entry;
    switch (status.stage) {
      case 'queued':
      case 'uploading':
      case 'checking':
        return [{ ...base, key: entry.key, type: 'pending', status, size: entry.size }];
      case 'failed':
        return [{ ...base, key: entry.key, type: 'failed', error: status.error }];
      case 'checked':
        // A check that found no file at all is a failure the user must see, not a row that vanishes.
        if (status.outcomes.length === 0) return [{ ...base, key: entry.key, type: 'failed', error: undefined }];
        return status.outcomes.map((outcome, index) => ({
          ...base,
          key: `${entry.key}:${index}`,
          isFirstOfEntry: index === 0,
          name: outcome.file,
          type: 'outcome',
          outcome,
        }));
    }
  });
}

export type PreviewCounts = { importable: number; refused: number; pending: number };

/** How many files can be imported, cannot be, or are still being checked. */
export function previewCounts(rows: readonly PreviewRow[]): PreviewCounts {
  const counts: PreviewCounts = { importable: 0, refused: 0, pending: 0 };
  for (const row of rows) {
    if (row.type === 'pending') counts.pending++;
    else if (row.type === 'failed' || row.outcome.refused) counts.refused++;
    else counts.importable++;
  }
  return counts;
}
