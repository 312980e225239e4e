import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandSource, hashUnit, isRefusal, type UnitSource } from './expand-source';
import { importUnit, type UnitWriter } from './import-unit';
import { writeStagedUnit } from './staged-unit';
import { StagingFileWriter } from './staging-file';
import type { UnitHeader, UnitTotals } from './table-writer';
import type { StagedUnit } from './worker-protocol';

const FILE = join(import.meta.dirname, '../../../tests/fixtures/douyin/orders-a.csv');
const IMPORTED_AT = '2026-11-22T04:00:00.000Z';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A writer that records what a unit's write hands it. */
function recorder() {
  const got: { header: UnitHeader | null; rows: unknown[][]; totals: UnitTotals | null } = { header: null, rows: [], totals: null };
  const writer: UnitWriter = {
    linesWritten: 0,
    begin: async (header) => void (got.header = header),
    write: async (rows) => void got.rows.push(...rows.map((r) => [...r])),
    commit: async (totals) => {
      got.totals = totals;
      return { importId: 1, counts: { inserted: got.rows.length, updated: 0, unchanged: 0, duplicatesInFile: 0, skippedOlder: 0 } };
    },
    rollback: async () => undefined,
  };
  return { writer, got };
}

async function unitOf(path: string): Promise<{ unit: UnitSource; close(): void }> {
  const expanded = await expandSource(path);
  const unit = expanded.units[0]!;
  if (isRefusal(unit)) throw new Error(unit.code);
  return { unit, close: () => expanded.close() };
}

describe('writeStagedUnit', () => {
  it('begins the write with the header a direct import of the file begins with, the unit size included', async () => {
    const { unit, close } = await unitOf(FILE);
    try {
      const sha256 = await hashUnit(unit);
      const direct = recorder();
      const outcome = await importUnit({ unit, sha256, mode: 'write', writer: direct.writer, importedAt: IMPORTED_AT, isCancelled: () => false, onBytes: () => {}, onLines: () => {} });
      if (!outcome.ok) throw new Error(outcome.code);

      // What a staged preview would have kept of it: the same rows, in batches.
      const dir = mkdtempSync(join(tmpdir(), 'shopdesk-staged-unit-'));
      dirs.push(dir);
      const kept = new StagingFileWriter(join(dir, 'unit-1.bin'));
      await kept.append(direct.got.rows.slice(0, 2));
      await kept.append(direct.got.rows.slice(2));
      await kept.close();
      const stat = statSync(FILE);
      const { kind, layout, encoding } = direct.got.header!;
      const staged: StagedUnit = {
        sourcePath: FILE, file: unit.file, size: stat.size, mtimeMs: stat.mtimeMs, sha256, header: { kind, layout, encoding },
        totals: direct.got.totals!, issues: [], issueCount: 0, batchesPath: kept.path, batches: kept.batches, lines: kept.lines,
      };

      const confirm = recorder();
      const result = await writeStagedUnit({ staged, unit, writer: confirm.writer, importedAt: IMPORTED_AT, isCancelled: () => false, onBytes: () => {} });
      expect(result).not.toBe('stale');
      // The size is what lets a big load defer its indexes (defer-indexes.ts): without it the
      // confirm kept every order_lines index current row by row, twice the direct import's inserts.
      expect(confirm.got.header).toEqual(direct.got.header);
      expect(confirm.got.header?.sizeBytes).toBe(stat.size);
      expect(confirm.got.rows).toEqual(direct.got.rows);
      expect(confirm.got.totals).toEqual(direct.got.totals);
    } finally {
      close();
    }
  });
});
