import { basename } from 'node:path';
import type { SqliteDb } from '../../src/core/db/open-database';
import { readBuyerKeySecret } from '../../src/core/imports/buyer-key';
import { expandSource, hashUnit, isRefusal } from '../../src/core/imports/expand-source';
import { importUnit, type UnitOutcome } from '../../src/core/imports/import-unit';
import { LocalWriter } from '../../src/core/imports/local-writer';
import type { UnitMode } from '../../src/core/imports/table-writer';

/**
 * Runs files through the real pipeline (sniff, decode, parse, recognise, map, write) in the test's
 * own thread, without the core or worker threads: fast enough to run every fixture. The threads,
 * progress, cancel and backups are covered through the core in import-core.int.test.ts.
 */
export async function importInline(
  sqlite: SqliteDb,
  path: string,
  options: { mode?: UnitMode; displayName?: string; importedAt?: string } = {},
): Promise<UnitOutcome[]> {
  const expanded = await expandSource(path, options.displayName ?? basename(path));
  const writer = new LocalWriter(sqlite);
  const outcomes: UnitOutcome[] = [];
  try {
    for (const unit of expanded.units) {
      if (isRefusal(unit)) {
        outcomes.push({ ok: false, file: unit.file, code: unit.code, params: unit.params, issues: [] });
        continue;
      }
      const sha256 = await hashUnit(unit);
      outcomes.push(
        await importUnit({
          unit,
          sha256,
          mode: options.mode ?? 'write',
          writer,
          importedAt: options.importedAt ?? '2026-11-22T04:00:00.000Z',
          buyerKeySecret: readBuyerKeySecret(sqlite),
          isCancelled: () => false,
          onBytes: () => {},
          onLines: () => {},
        }),
      );
    }
  } finally {
    expanded.close();
  }
  return outcomes;
}

/** Only the successful outcome, or a failed expectation with the refusal's code. */
export function okOutcome(outcomes: UnitOutcome[], index = 0): Extract<UnitOutcome, { ok: true }> {
  const outcome = outcomes[index];
  if (!outcome?.ok) throw new Error(`expected an import, got ${JSON.stringify(outcome)}`);
  return outcome;
}
