import { describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../src/core/db/open-database';
import { MIN_DEFERRED_LINES } from '../../src/core/imports/defer-indexes';
import { TableWriter, type UnitHeader } from '../../src/core/imports/table-writer';
import { undoImport } from '../../src/core/imports/undo-import';
import { orderLines, take, type OrderLine } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { mappedOrderRows } from '../helpers/mapped-order-rows';
import { schemaOf } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * A big load into a small table drops the table's non-unique indexes for the load and creates
 * them again before the commit (defer-indexes.ts). What the shop sees must not differ in any way
 * from the row-by-row path: the same rows, the same summaries, the same schema, the same undo.
 */
const tempDir = useTempDirs();
const rows = mappedOrderRows;

/** A file big enough to defer (the size is what the writer estimates the line count from). */
const BIG = MIN_DEFERRED_LINES * 600 * 10;
const header = (sizeBytes: number | undefined, exportTime = 1_790_000_000): UnitHeader => ({
  kind: 'orders',
  layout: 'orders-layout-a',
  fileName: `${exportTime}.csv`,
  sha256: `sha-${exportTime}-${sizeBytes}`,
  encoding: 'utf-8-bom',
  exportTime,
  importedAt: '2026-11-22T04:00:00.000Z',
  mode: 'write',
  ...(sizeBytes === undefined ? {} : { sizeBytes }),
});
const totals = { lines: 0, skippedWithIssues: 0, dateFrom: null, dateTo: null };

const indexNames = (sqlite: SqliteDb) =>
  sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_lines' AND sql IS NOT NULL ORDER BY name`).pluck().all() as string[];
const everything = (sqlite: SqliteDb) => ({
  lines: sqlite.prepare('SELECT * FROM order_lines ORDER BY sub_order_id').all(),
  report: sqlite.prepare('SELECT * FROM order_report_days ORDER BY dimension, day, key').all(),
  analytics: sqlite.prepare('SELECT * FROM order_analytics_days ORDER BY basis, dimension, at_day, key, day').all(),
  history: sqlite.prepare('SELECT import_id, table_name, row_key, previous, previous_import_id FROM row_history ORDER BY import_id, row_key').all(),
  imports: sqlite.prepare('SELECT id, lines, inserted, updated, unchanged, duplicates, date_from, date_to, status FROM imports ORDER BY id').all(),
});

/** Writes lines as one unit; `during` sees the writer's connection while the unit is open. */
function load(sqlite: SqliteDb, lines: readonly OrderLine[], sizeBytes: number | undefined, exportTime?: number, during?: () => void) {
  const writer = new TableWriter(sqlite);
  writer.begin(header(sizeBytes, exportTime));
  writer.write(rows(lines));
  during?.();
  return writer.commit({ ...totals, lines: lines.length });
}

const LINES = take(orderLines({ seed: 41 }), 400);
const advanced = (l: OrderLine): OrderLine => ({ ...l, status: '已完成', completedAt: '2026-09-30 10:00:00', sellerNote: '已签收' });

describe('a big load into a small table defers its indexes', () => {
  it('stores exactly what the row-by-row path stores: rows, summaries, history, schema and undo', async () => {
    const deferred = (await openSession(tempDir())).require();
    const plain = (await openSession(tempDir())).require();
    const before = indexNames(deferred.sqlite);
    expect(before.length).toBeGreaterThan(5);

    let during: string[] = [];
    const a = load(deferred.sqlite, LINES, BIG, 1_790_000_000, () => (during = indexNames(deferred.sqlite)));
    load(plain.sqlite, LINES, undefined, 1_790_000_000);
    // The load really ran without them (else this test would prove nothing) …
    expect(during).toEqual([]);
    // … and they are all back, as they were.
    expect(schemaOf(deferred.sqlite)).toEqual(schemaOf(plain.sqlite));
    expect(everything(deferred.sqlite)).toEqual(everything(plain.sqlite));
    expect(deferred.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // A second big file that changes lines and adds others (the table is still smaller than the file).
    const next = [...LINES.slice(0, 50).map(advanced), ...take(orderLines({ seed: 42 }), 100)];
    const b = load(deferred.sqlite, next, BIG, 1_790_100_000);
    load(plain.sqlite, next, undefined, 1_790_100_000);
    expect(b.counts).toMatchObject({ updated: 50, inserted: 100 });
    expect(everything(deferred.sqlite)).toEqual(everything(plain.sqlite));

    const now = new Date('2026-11-22T05:00:00Z');
    await undoImport(deferred.db, b.importId!, now, 'en-US');
    await undoImport(plain.db, b.importId!, now, 'en-US');
    expect(everything(deferred.sqlite)).toEqual(everything(plain.sqlite));
    await undoImport(deferred.db, a.importId!, now, 'en-US');
    expect(deferred.sqlite.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(0);
    expect(schemaOf(deferred.sqlite)).toEqual(schemaOf(plain.sqlite));
  });

  it('a rollback (cancel, refusal, full disk) brings every index back', async () => {
    const { sqlite } = (await openSession(tempDir())).require();
    load(sqlite, LINES.slice(0, 10), undefined);
    const schema = schemaOf(sqlite);
    const content = everything(sqlite);
    const writer = new TableWriter(sqlite);
    writer.begin(header(BIG, 1_790_200_000));
    writer.write(rows(LINES.slice(10)));
    expect(indexNames(sqlite)).toEqual([]);
    writer.rollback();
    expect(schemaOf(sqlite)).toEqual(schema);
    expect(everything(sqlite)).toEqual(content);
  });

  it('keeps the indexes for a small file, and for a table that already holds more lines than the file brings', async () => {
    const { sqlite } = (await openSession(tempDir())).require();
    const before = indexNames(sqlite);
    let during: string[] = [];
    load(sqlite, LINES.slice(0, 10), (MIN_DEFERRED_LINES - 1) * 600, 1_790_000_000, () => (during = indexNames(sqlite)));
    expect(during).toEqual(before);
    // max(rowid) is how the writer counts the stored lines without reading them all.
    sqlite.prepare('UPDATE order_lines SET rowid = ? WHERE rowid = (SELECT max(rowid) FROM order_lines)').run(MIN_DEFERRED_LINES * 10 + 1);
    load(sqlite, LINES.slice(10, 20), BIG, 1_790_100_000, () => (during = indexNames(sqlite)));
    expect(during).toEqual(before);
  });
});
