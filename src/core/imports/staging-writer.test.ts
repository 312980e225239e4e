import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnitWriter } from './import-unit';
import { readStagedBatches } from './staging-file';
import { StagingWriter } from './staging-writer';
import type { UnitHeader } from './table-writer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'shopdesk-staging-'));
  dirs.push(d);
  return d;
};

/** The preview's own writer, recording what reached it. */
function innerWriter() {
  const seen: string[] = [];
  const writer: UnitWriter = {
    linesWritten: 0,
    begin: async () => void seen.push('begin'),
    write: async (rows) => void seen.push(`rows ${rows.length}`),
    commit: async () => {
      seen.push('commit');
      return { importId: null, counts: { inserted: 0, updated: 0, unchanged: 0, duplicatesInFile: 0, skippedOlder: 0 } };
    },
    rollback: async () => void seen.push('rollback'),
  };
  return { writer, seen };
}

const header: UnitHeader = { kind: 'orders', layout: 'orders-layout-a', fileName: 'a.csv', sha256: 'a'.repeat(64), encoding: 'gb18030', exportTime: null, importedAt: '2026-09-01T00:00:00.000Z', mode: 'preview' };
const totals = { lines: 3, skippedWithIssues: 0, dateFrom: null, dateTo: null };

describe('StagingWriter', () => {
  it('keeps the batches of the attempt that committed, values intact, and passes every batch on', async () => {
    const path = join(tempDir(), 'unit-1.bin');
    const { writer, seen } = innerWriter();
    const staging = new StagingWriter(writer, path);
    // A first attempt read as UTF-8, rolled back (the file was GB18030 further on): nothing of it stays.
    await staging.begin({ ...header, encoding: 'utf-8' });
    await staging.write([['stale', 1]]);
    await staging.rollback();
    expect(existsSync(path)).toBe(false);

    await staging.begin(header);
    await staging.write([['子订单 1', 1200, null], ['子订单 2', -5, 'x']]);
    await staging.write([['子订单 3', 0, null]]);
    await staging.commit(totals);
    expect(staging.keptUnit()).toEqual({ header, path, batches: 2, lines: 3 });
    expect([...readStagedBatches(path)]).toEqual([[['子订单 1', 1200, null], ['子订单 2', -5, 'x']], [['子订单 3', 0, null]]]);
    expect(seen).toEqual(['begin', 'rows 1', 'rollback', 'begin', 'rows 2', 'rows 1', 'commit']);

    // Its outcome was a refusal after all: what was kept goes.
    await staging.discard();
    expect(existsSync(path)).toBe(false);
    expect(staging.keptUnit()).toBeNull();
  });

  it('goes on as a plain preview when the staging file cannot be written', async () => {
    const { writer, seen } = innerWriter();
    const staging = new StagingWriter(writer, join(tempDir(), 'no-such-folder', 'unit-1.bin'));
    await staging.begin(header);
    await staging.write([['a', 1]]);
    await staging.commit(totals);
    expect(staging.keptUnit()).toBeNull();
    expect(seen).toEqual(['begin', 'rows 1', 'commit']);
  });
});
