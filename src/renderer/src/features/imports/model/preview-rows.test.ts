import { describe, expect, it } from 'vitest';
import type { FilePreview, FileRefusal } from '../../../../../shared/rpc/domains/imports';
import type { SessionEntry } from './import-session';
import { previewCounts, previewRows } from './preview-rows';

const accepted = { refused: false, file: 'x' } as FilePreview;
const refused = { refused: true, file: 'y' } as FileRefusal;
const entry = (key: string, status: SessionEntry['status']): SessionEntry => ({ key, name: `${key}.csv`, size: 3, source: null, status });

describe('previewRows', () => {
  it('gives pending and failed files one row, checked files one row per file inside', () => {
    const rows = previewRows([
      entry('a', { stage: 'uploading', sentBytes: 1 }),
      entry('b', { stage: 'failed', error: 'boom' }),
      entry('c', { stage: 'checked', outcomes: [{ ...refused, file: 'c.zip › 1.csv' }, { ...accepted, file: 'c.zip › 2.csv' }] }),
      entry('d', { stage: 'checked', outcomes: [] }),
    ]);
    expect(rows.map((r) => [r.key, r.entryKey, r.isFirstOfEntry, r.name, r.type])).toEqual([
      ['a', 'a', true, 'a.csv', 'pending'],
      ['b', 'b', true, 'b.csv', 'failed'],
      ['c:0', 'c', true, 'c.zip › 1.csv', 'outcome'],
      ['c:1', 'c', false, 'c.zip › 2.csv', 'outcome'],
      ['d', 'd', true, 'd.csv', 'failed'],
    ]);
  });

  it('counts what can be imported', () => {
    const rows = previewRows([
      entry('a', { stage: 'queued' }),
      entry('b', { stage: 'checking', jobId: 'job-1', progress: null }),
      entry('c', { stage: 'checked', outcomes: [refused, accepted, accepted] }),
      entry('d', { stage: 'failed', error: null }),
    ]);
    expect(previewCounts(rows)).toEqual({ importable: 2, refused: 2, pending: 2 });
    expect(previewCounts([])).toEqual({ importable: 0, refused: 0, pending: 0 });
  });
});
