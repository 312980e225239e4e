import type { UnitWriter } from './import-unit';
import type { UnitSummary } from './running-summary';
import { TableWriter, type UnitCounts, type UnitHeader, type UnitTotals } from './table-writer';
import type { SqliteDb } from '../db/open-database';

/** The writer in the reader's own thread (the one-thread pipeline, and tests). */
export class LocalWriter implements UnitWriter {
  private readonly table: TableWriter;
  private written = 0;

  constructor(db: SqliteDb) {
    this.table = new TableWriter(db);
  }

  get linesWritten(): number {
    return this.written;
  }

  get mostlyExisting(): boolean {
    return this.table.mostlyExisting;
  }

  async begin(header: UnitHeader): Promise<void> {
    this.written = 0;
    this.table.begin(header);
  }

  async write(rows: unknown[][]): Promise<void> {
    this.table.write(rows);
    this.written += rows.length;
  }

  async commit(totals: UnitTotals, summary: UnitSummary | null = null): Promise<{ importId: number | null; counts: UnitCounts }> {
    return this.table.commit(totals, summary);
  }

  async rollback(): Promise<void> {
    this.table.rollback();
  }
}
