import { statSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { CancelledError } from './consume-records';
import { hashUnit, type UnitSource } from './expand-source';
import { isDatabaseError, unitHeader, type UnitOutcome, type UnitWriter } from './import-unit';
import { readStagedPacked } from './staging-file';
import type { StagedUnit } from './worker-protocol';

/** What a dropped file is now, to compare with what the preview read. */
export function sourceStat(path: string): { size: number; mtimeMs: number } | null {
  try {
    const stat = statSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

/**
 * The kept unit of this dropped file, when the file still has the size and modification time the
 * preview saw (a changed file is read again); each kept unit is used once.
 */
export function takeStaged(staged: StagedUnit[], sourcePath: string, file: string): StagedUnit | null {
  const at = staged.findIndex((s) => s.sourcePath === sourcePath && s.file === file);
  if (at < 0) return null;
  const [unit] = staged.splice(at, 1);
  const now = sourceStat(sourcePath);
  return now !== null && now.size === unit!.size && now.mtimeMs === unit!.mtimeMs ? unit! : null;
}

export type StagedRun = {
  staged: StagedUnit;
  unit: UnitSource;
  writer: UnitWriter;
  importedAt: string;
  isCancelled(): boolean;
  /** Share of the unit written so far, in the file's bytes (what the progress bar shows). */
  onBytes(done: number): void;
};

/**
 * Writes a previewed unit from its kept batches, in one transaction, exactly as importUnit would
 * have from the file: the same header, the same rows in the same order, the same totals. The file
 * is hashed again meanwhile (the reader is idle while the writer works); when its SHA-256 is not
 * the preview's any more, nothing is committed and the caller reads the file again (`stale`).
 * Database failures are thrown, as from importUnit; kept batches that cannot be read are `stale` too.
 */
export async function writeStagedUnit(run: StagedRun): Promise<UnitOutcome | 'stale'> {
  const { staged, unit, writer } = run;
  const hashing = hashUnit(unit).catch(() => null);
  let begun = false;
  try {
    await writer.begin(unitHeader(unit, staged.header, { sha256: staged.sha256, importedAt: run.importedAt, mode: 'write' }));
    begun = true;
    let batch = 0;
    for (const packed of readStagedPacked(staged.batchesPath)) {
      if (run.isCancelled()) throw new CancelledError();
      // Decoded by the writer (its thread's share of a structured clone anyway): the reader only reads the file.
      if (writer.writePacked) await writer.writePacked(packed);
      else await writer.write(deserialize(packed) as unknown[][]);
      batch += 1;
      run.onBytes(Math.round((unit.size * batch) / Math.max(1, staged.batches)));
    }
    if (batch !== staged.batches) throw new Error('the staging file lost batches');
    if ((await hashing) !== staged.sha256) {
      await writer.rollback();
      begun = false;
      return 'stale';
    }
    if (run.isCancelled()) throw new CancelledError();
    const { importId, counts } = await writer.commit(staged.totals);
    begun = false;
    return {
      ok: true,
      file: unit.file,
      kind: staged.header.kind,
      layout: staged.header.layout,
      encoding: staged.header.encoding,
      sha256: staged.sha256,
      exportTime: unit.exportTime,
      totals: staged.totals,
      counts,
      issues: staged.issues,
      issueCount: staged.issueCount,
      importId,
      mode: 'write',
    };
  } catch (error) {
    if (begun) await writer.rollback().catch(() => undefined);
    if (error instanceof CancelledError) return { ok: false, file: unit.file, code: 'IMPORT_CANCELLED', params: {}, issues: [] };
    if (isDatabaseError(error)) throw error;
    // The kept batches are unusable (deleted, cut short): the file itself is read instead.
    return 'stale';
  }
}
