import { rmSync } from 'node:fs';
import type { UnitWriter } from './import-unit';
import { StagingFileWriter } from './staging-file';
import type { UnitCounts, UnitHeader, UnitTotals } from './table-writer';

export type KeptUnit = { header: UnitHeader; path: string; batches: number; lines: number };

/**
 * A preview's writer that also keeps every batch it is given (staging-file.ts), so the confirm
 * can write them without reading the file again. Keeping is best effort: when the staging file
 * cannot be written (disk full, no permission) it is deleted and the preview goes on unchanged —
 * the confirm then reads the file as an import without preview does. A rollback (the GB18030
 * re-read, a refusal, cancel) deletes what was kept of that attempt.
 */
export class StagingWriter implements UnitWriter {
  private file: StagingFileWriter | null = null;
  private header: UnitHeader | null = null;
  private kept: KeptUnit | null = null;

  constructor(
    private readonly inner: UnitWriter,
    private readonly path: string,
  ) {}

  get linesWritten(): number {
    return this.inner.linesWritten;
  }

  async begin(header: UnitHeader): Promise<void> {
    this.drop();
    this.kept = null;
    this.header = header;
    try {
      this.file = new StagingFileWriter(this.path);
    } catch {
      this.file = null;
    }
    await this.inner.begin(header);
  }

  async write(rows: unknown[][]): Promise<void> {
    if (this.file !== null) {
      try {
        this.file.append(rows);
      } catch {
        this.drop();
      }
    }
    await this.inner.write(rows);
  }

  async commit(totals: UnitTotals): Promise<{ importId: number | null; counts: UnitCounts }> {
    const result = await this.inner.commit(totals);
    const file = this.file;
    if (file !== null && this.header !== null) {
      try {
        file.close();
        this.kept = { header: this.header, path: file.path, batches: file.batches, lines: file.lines };
      } catch {
        this.drop();
      }
    }
    this.file = null;
    return result;
  }

  async rollback(): Promise<void> {
    this.drop();
    await this.inner.rollback();
  }

  /** What was kept of the committed unit, or null (nothing committed, or keeping failed). */
  keptUnit(): KeptUnit | null {
    return this.kept;
  }

  /** Deletes what was kept (the unit's outcome was a refusal after all). */
  discard(): void {
    this.drop();
    if (this.kept !== null) rmSync(this.kept.path, { force: true });
    this.kept = null;
  }

  private drop(): void {
    try {
      this.file?.remove();
    } catch {
      // Already gone; the preview folder is removed as a whole later anyway.
    }
    this.file = null;
  }
}
