import { rmSync } from 'node:fs';
import { serialize } from 'node:v8';
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

  /**
   * `transfer`: the writer is on another thread — the batch is serialised once, written to the
   * staging file, and its buffer moved to the writer (instead of serialised again by a structured
   * clone), so keeping costs the preview's reader a file write, not a second encoding.
   */
  constructor(
    private readonly inner: UnitWriter,
    private readonly path: string,
    private readonly transfer = false,
  ) {}

  get linesWritten(): number {
    return this.inner.linesWritten;
  }

  async begin(header: UnitHeader): Promise<void> {
    await this.drop();
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
    if (this.file === null) return this.inner.write(rows);
    const packed = serialize(rows);
    try {
      await this.file.appendPacked(packed, rows.length);
    } catch {
      await this.drop();
    }
    // Only a buffer of its own can move (never a slice of Buffer's shared pool).
    const own = packed.byteOffset === 0 && packed.byteLength === packed.buffer.byteLength;
    if (this.transfer && own && this.inner.writePacked) return this.inner.writePacked(new Uint8Array(packed.buffer, 0, packed.byteLength));
    return this.inner.write(rows);
  }

  async commit(totals: UnitTotals): Promise<{ importId: number | null; counts: UnitCounts }> {
    const result = await this.inner.commit(totals);
    const file = this.file;
    if (file !== null && this.header !== null) {
      try {
        await file.close();
        this.kept = { header: this.header, path: file.path, batches: file.batches, lines: file.lines };
      } catch {
        await this.drop();
      }
    }
    this.file = null;
    return result;
  }

  async rollback(): Promise<void> {
    await this.drop();
    await this.inner.rollback();
  }

  /** What was kept of the committed unit, or null (nothing committed, or keeping failed). */
  keptUnit(): KeptUnit | null {
    return this.kept;
  }

  /** Deletes what was kept (the unit's outcome was a refusal after all). */
  async discard(): Promise<void> {
    await this.drop();
    if (this.kept !== null) rmSync(this.kept.path, { force: true });
    this.kept = null;
  }

  private async drop(): Promise<void> {
    const file = this.file;
    this.file = null;
    await file?.remove();
  }
}
