import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../src/core/db/open-database';
import { expandSource, type UnitSource } from '../../src/core/imports/expand-source';
import { importUnit, type UnitWriter } from '../../src/core/imports/import-unit';
import { createRowMapper } from '../../src/core/imports/map-row';
import { isHeaderPlan, recogniseHeader } from '../../src/core/imports/recognise-header';
import { RunningSummary, type UnitSummary } from '../../src/core/imports/running-summary';
import { TableWriter, type UnitHeader } from '../../src/core/imports/table-writer';
import { writeOrdersExport } from '../bench/write-export';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, type OrderLine } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * An order file's summary rows are computed on the reader's side while the rows pass
 * (running-summary.ts), and the writer uses them only for the days they give exactly. Whatever
 * the file, the stored summaries must equal what reading the lines back gives (the path every
 * other test holds to the summary computed from scratch, import-storage.int.test.ts).
 */
const tempDir = useTempDirs();
const found = recogniseHeader(LAYOUT_A, 1);
if (!isHeaderPlan(found)) throw new Error('layout A not recognised');
const mapper = createRowMapper(found);
const rows = (lines: readonly OrderLine[]): unknown[][] =>
  lines.map((l, i) => {
    const r = mapper(cellsFor(LAYOUT_A, orderCells(l)), i + 2, false);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.values;
  });
const header = (exportTime: number): UnitHeader => ({
  kind: 'orders',
  layout: 'orders-layout-a',
  fileName: `${exportTime}.csv`,
  sha256: `sha-${exportTime}`,
  encoding: 'utf-8-bom',
  exportTime,
  importedAt: '2026-11-22T04:00:00.000Z',
  mode: 'write',
});
const summaries = (sqlite: SqliteDb) => ({
  report: sqlite.prepare('SELECT * FROM order_report_days ORDER BY dimension, day, key').all(),
  analytics: sqlite.prepare('SELECT * FROM order_analytics_days ORDER BY basis, dimension, at_day, key, day').all(),
});

/** Lines on consecutive days, newest first, `perDay` a day (as exports list them). */
const onDays = (lines: readonly OrderLine[], firstDay: number, perDay: number): OrderLine[] =>
  lines.map((l, i) => {
    const day = String(firstDay - Math.floor(i / perDay)).padStart(2, '0');
    return { ...l, submittedAt: `2026-08-${day} ${l.submittedAt.slice(11)}`, paidAt: `2026-08-${day} ${l.submittedAt.slice(11)}` };
  });

function summaryOf(values: unknown[][]): UnitSummary {
  const running = new RunningSummary();
  running.add(values);
  const summary = running.finish();
  if (summary === null) throw new Error('the days were in runs');
  return summary;
}

/** One unit through the writer, with (or without) the reader's summary. */
function load(sqlite: SqliteDb, values: unknown[][], exportTime: number, summary: UnitSummary | null) {
  const writer = new TableWriter(sqlite);
  writer.begin(header(exportTime));
  writer.write(values.map((v) => v.slice()));
  return writer.commit({ lines: values.length, skippedWithIssues: 0, dateFrom: null, dateTo: null }, summary);
}

/** The same summary with every count off by 1,000: where it shows up in the database, the writer used the reader's rows. */
const tampered = (s: UnitSummary): UnitSummary => ({
  ...s,
  report: s.report.map((r) => ({ ...r, orders: r.orders + 1000 })),
  analytics: s.analytics.map((r) => ({ ...r, orders: r.orders + 1000 })),
});
const tamperedDays = (sqlite: SqliteDb) =>
  sqlite.prepare(`SELECT DISTINCT day FROM order_report_days WHERE orders >= 1000 UNION SELECT DISTINCT day FROM order_analytics_days WHERE orders >= 1000 ORDER BY 1`).pluck().all();

const POOL = take(orderLines({ seed: 61 }), 600);

describe('the reader-side summary of an order file', () => {
  it('a first import: the summaries equal the read-back ones, and the read-back was not needed', async () => {
    const fast = (await openSession(tempDir())).require().sqlite;
    const plain = (await openSession(tempDir())).require().sqlite;
    const values = rows(onDays(POOL.slice(0, 300), 30, 60));
    load(fast, values, 1_790_000_000, summaryOf(values));
    load(plain, values, 1_790_000_000, null);
    expect(summaries(fast)).toEqual(summaries(plain));
    expect((summaries(fast).analytics as unknown[]).length).toBeGreaterThan(0);

    const other = (await openSession(tempDir())).require().sqlite;
    load(other, values, 1_790_000_000, tampered(summaryOf(values)));
    expect(tamperedDays(other)).toEqual(['2026-08-26', '2026-08-27', '2026-08-28', '2026-08-29', '2026-08-30']);
  });

  it('days with earlier lines, repeated keys, changed or older lines, or after-sales rows are read back', async () => {
    const fast = (await openSession(tempDir())).require().sqlite;
    const plain = (await openSession(tempDir())).require().sqlite;
    const first = rows(onDays(POOL.slice(0, 120), 20, 60)); // 08-20, 08-19
    load(fast, first, 1_790_000_000, null);
    load(plain, first, 1_790_000_000, null);
    // The second file: new lines on 08-20 (a day with lines), a line of 08-19 changed, new days
    // 08-25 … 08-22 of which 08-24 repeats a key and 08-23 receives a stored line of 08-20.
    const changed = { ...POOL[70]!, submittedAt: '2026-08-19 09:00:00', sellerNote: '改了' };
    const fresh = onDays(POOL.slice(200, 440), 25, 60);
    const repeated = { ...fresh[70]!, province: '海南省' };
    const moved = { ...POOL[5]!, submittedAt: '2026-08-23 08:00:00' };
    const file = [...fresh.slice(0, 100), repeated, ...fresh.slice(100, 150), moved, ...fresh.slice(150), ...onDays(POOL.slice(440, 460), 20, 60), changed];
    const values = rows(file);
    const summary = tampered(summaryOf(values));
    load(fast, values, 1_790_100_000, summary);
    load(plain, values, 1_790_100_000, null);
    const used = tamperedDays(fast);
    // Only 08-25 and 08-22 came from the reader: 08-24 has a repeated key, 08-23 met a stored row, 08-20 and 08-19 had lines.
    expect(used).toEqual(['2026-08-22', '2026-08-25']);
    const exact = (s: ReturnType<typeof summaries>) => ({
      report: (s.report as { day: string }[]).filter((r) => !used.includes(r.day)),
      analytics: (s.analytics as { day: string }[]).filter((r) => !used.includes(r.day)),
    });
    expect(exact(summaries(fast))).toEqual(exact(summaries(plain)));

    // With an after-sales row for one of the file's lines, nothing is taken from the reader (its refund time counts).
    const third = rows(onDays(POOL.slice(460, 560), 29, 50));
    fast.prepare(`INSERT INTO aftersales (aftersale_id, sub_order_id, extra_json, first_import_id, last_import_id, merchant_refunded_at) VALUES ('A1', ?, '{}', 1, 1, '2026-08-30 10:00:00')`).run(POOL[470]!.subOrderId);
    fast.exec(`DELETE FROM order_report_days WHERE orders >= 1000; DELETE FROM order_analytics_days WHERE orders >= 1000`);
    load(fast, third, 1_790_200_000, tampered(summaryOf(third)));
    expect(tamperedDays(fast)).toEqual([]);
  });

  it('gives up when a day comes back after another one began (the writer then reads back)', () => {
    const running = new RunningSummary();
    running.add(rows(onDays(POOL.slice(0, 30), 20, 10))); // 08-20, 08-19, 08-18
    running.add(rows(onDays(POOL.slice(30, 35), 20, 10))); // 08-20 again
    expect(running.finish()).toBeNull();
  });

  it('is sent with the commit, and not built once the writer answers that the lines are mostly stored already (a re-export)', async () => {
    const file = join(tempDir(), '1790000000_orders.csv');
    await writeOrdersExport(file, 3000);
    const unit = (await expandSource(file)).units[0] as UnitSource;
    const sent = async (mostlyExisting: boolean) => {
      let summary: UnitSummary | null | undefined;
      const writer: UnitWriter = {
        linesWritten: 0,
        mostlyExisting,
        begin: async () => {},
        write: async () => {},
        commit: async (_totals, s) => {
          summary = s;
          return { importId: 1, counts: { inserted: 0, updated: 0, unchanged: 0, duplicatesInFile: 0, skippedOlder: 0 } };
        },
        rollback: async () => {},
      };
      await importUnit({ unit, sha256: 'x', mode: 'write', writer, importedAt: '2026-11-22T04:00:00.000Z', isCancelled: () => false, onBytes: () => {}, onLines: () => {} });
      return summary;
    };
    expect((await sent(false))?.lines).toBe(3000);
    expect(await sent(true)).toBeNull();
  });
});
