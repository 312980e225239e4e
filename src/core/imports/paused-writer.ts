import type { UnitWriter } from './import-unit';
import type { UnitHeader } from './table-writer';

/**
 * A test hook around the unit writer (ReaderData.pauseMidUnit): once a unit's first batch has gone
 * to the writer — its transaction is open, the file half read — the reader waits for `pause()`.
 * Tests use it to act while an import surely runs (undo, cancel, progress) instead of racing it.
 */
export function pausedWriter(inner: UnitWriter, pause: (unit: Pick<UnitHeader, 'fileName' | 'mode'>) => Promise<void>): UnitWriter {
  let pending: UnitHeader | null = null;
  return {
    get linesWritten() {
      return inner.linesWritten;
    },
    async begin(header) {
      await inner.begin(header);
      pending = header;
    },
    async write(rows) {
      await inner.write(rows);
      if (pending === null) return;
      const { fileName, mode } = pending;
      pending = null;
      await pause({ fileName, mode });
    },
    commit: (totals) => inner.commit(totals),
    rollback: () => inner.rollback(),
  };
}
