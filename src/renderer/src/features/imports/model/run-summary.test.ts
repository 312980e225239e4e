import { describe, expect, it } from 'vitest';
import type { FileRefusal, ImportSummary } from '../../../../../shared/rpc/domains/imports';
import { summariseRun } from './run-summary';

const written = (inserted: number, updated: number, unchanged: number, backupId: string | null, skippedOlder = 0): ImportSummary =>
  ({ refused: false, alreadyImported: false, importId: 1, inserted, updated, unchanged, skippedOlder, backupId }) as ImportSummary;
const again = { refused: false, alreadyImported: true, importId: null, inserted: 0, updated: 0, unchanged: 5, skippedOlder: 0, backupId: null } as ImportSummary;
const cancelled = { refused: true, code: 'IMPORT_CANCELLED' } as FileRefusal;

describe('summariseRun', () => {
  it.each([
    ['nothing', [], { written: 0, alreadyImported: 0, notImported: 0, inserted: 0, updated: 0, unchanged: 0, skippedOlder: 0, backupIds: [] }],
    [
      'two written files sharing one backup, one seen before, one cancelled',
      [written(5, 1, 0, 'b1'), written(2, 0, 3, 'b1', 4), again, cancelled],
      // An undated copy's lines kept out are summed as "skipped: older or undated".
      { written: 2, alreadyImported: 1, notImported: 1, inserted: 7, updated: 1, unchanged: 8, skippedOlder: 4, backupIds: ['b1'] },
    ],
    ['cancelled before anything was written', [cancelled], { written: 0, alreadyImported: 0, notImported: 1, inserted: 0, updated: 0, unchanged: 0, skippedOlder: 0, backupIds: [] }],
  ])('%s', (_name, outcomes, expected) => {
    expect(summariseRun(outcomes)).toEqual(expected);
  });
});
