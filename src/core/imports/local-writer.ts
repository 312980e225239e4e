import type { UnitWriter } from './import-unit';
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

  async begin(header: UnitHeader): Promise<void> {
    this.written = 0;
    this.table.begin(header);
  }

  async write(rows: unknown[][]): Promise<void> {
    this.table.write(rows);
    this.written += rows.length;
  }

  async commit(totals: UnitTotals): Promise<{ importId: number | null; counts: UnitCounts }> {
    return this.table.commit(totals);
  }

  async rollback(): Promise<void> {
    this.table.rollback();
  }
}
