import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../src/core/db/open-database';
import { cleanCell } from '../../src/core/imports/clean-cell';
import { IMPORT_FAILURE_CODES, IMPORT_REFUSAL_CODES } from '../../src/shared/rpc/contract';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, yuan } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { importInline } from '../helpers/import-inline';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/douyin/1791213782_3edeb47b86bdb5b9.csv', import.meta.url)));
const KNOWN_CODES = new Set<string>([...IMPORT_REFUSAL_CODES, ...IMPORT_FAILURE_CODES]);

const counts = (sqlite: SqliteDb) =>
  ['imports', 'order_lines', 'funds_flows', 'settlement_lines', 'aftersales', 'row_history'].map((t) => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);

/** Random damage to a real export: cut, insert, overwrite or truncate bytes. */
const mutatedSample = fc
  .array(
    fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 20 }) }),
      fc.record({ op: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
      fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...['"', ',', '\r\n', '\t', '\n"', ';', '6.9E+18', '2026/9/10 8:00'].map((s) => Buffer.from(s))) }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((mutations) => {
    let bytes = Buffer.from(SAMPLE);
    for (const m of mutations) {
      const at = m.at % (bytes.length + 1);
      if (m.op === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
      else if (m.op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
      else if (m.op === 'overwrite') Buffer.from(m.bytes).copy(bytes, Math.min(at, Math.max(0, bytes.length - m.bytes.length)));
      else bytes = bytes.subarray(0, at);
    }
    return bytes;
  });

describe('any bytes: an import or a typed refusal, never a crash (R25, R28)', () => {
  it('random bytes and randomly damaged exports', async () => {
    const dir = tempDir();
    const session = await openSession(dir);
    const { sqlite } = session.require();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 3000 }), mutatedSample), async (bytes) => {
        const file = join(dir, `f${run++}.csv`);
        writeFileSync(file, bytes);
        const before = counts(sqlite);
        const outcomes = await importInline(sqlite, file);
        expect(outcomes.length).toBeGreaterThan(0);
        for (const o of outcomes) {
          if (o.ok) {
            expect(o.totals.lines).toBe(o.counts.inserted + o.counts.updated + o.counts.unchanged + o.counts.duplicatesInFile + o.counts.skippedOlder + o.totals.skippedWithIssues);
          } else {
            expect(KNOWN_CODES.has(o.code), o.code).toBe(true);
          }
        }
        // A refused file writes nothing at all.
        if (outcomes.every((o) => !o.ok)) expect(counts(sqlite)).toEqual(before);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150), seed: Number(process.env.FC_SEED ?? 20261122) },
    );
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await session.close();
  });
});

describe('round trip: any cell text written by a CSV writer comes back as the same value (R27)', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.split(String.fromCharCode(0)).join(''));
  const tricky = fc.constantFrom('a,b', '"quoted"', 'line\r\nbreak', 'line\nbreak', '\ttabbed', '=SUM(A1)', '，全角，逗号', '🧸 emoji', '\uFEFFbom', ' spaced ', '-', '无');
  const cell = fc.oneof(text, tricky);
  const row = fc.record({ title: cell, spec: cell, note: cell, buyer: cell, fen: fc.integer({ min: -99_999_999, max: 99_999_999 }) });

  it('papaparse-written exports, in UTF-8 and in GB18030, store exactly what was written (cleaned)', async () => {
    const base = take(orderLines({ seed: 3 }), 8);
    const dir = tempDir();
    const sessions = { utf8: await openSession(join(dir, 'utf8')), gb18030: await openSession(join(dir, 'gb18030')) };
    let run = 0;
    const stored = async (name: keyof typeof sessions, bytes: Buffer) => {
      const { sqlite } = sessions[name].require();
      sqlite.exec('DELETE FROM row_history; DELETE FROM order_lines; DELETE FROM imports;');
      const file = join(dir, `${name}-${run}.csv`);
      writeFileSync(file, bytes);
      const [outcome] = await importInline(sqlite, file);
      expect(outcome).toMatchObject({ ok: true });
      const rows = sqlite.prepare('SELECT sub_order_id, product_title, product_spec, seller_note, buyer_note, payable_fen FROM order_lines').all() as { sub_order_id: string }[];
      // In the order the lines were written.
      return base.slice(0, rows.length).map((l) => {
        const { sub_order_id: _key, ...values } = rows.find((r) => r.sub_order_id === l.subOrderId)!;
        return values;
      });
    };
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (values) => {
        run += 1;
        const lines = values.map((v, i) => {
          const cells = orderCells(base[i]!);
          cells.选购商品 = v.title;
          cells.商品规格 = v.spec;
          cells.商家备注 = v.note;
          cells.买家留言 = v.buyer;
          cells.订单应付金额 = yuan(v.fen);
          return cellsFor(LAYOUT_A, cells);
        });
        const csv = `\uFEFF${Papa.unparse([LAYOUT_A, ...lines], { delimiter: ',', newline: '\r\n', quoteChar: '"' })}\r\n`;
        const utf8 = await stored('utf8', Buffer.from(csv, 'utf8'));
        const expected = values.map((v) => {
          const clean = (s: string) => cleanCell(s.replace(/\r\n?/g, '\n'));
          return { product_title: clean(v.title), product_spec: clean(v.spec), seller_note: clean(v.note), buyer_note: clean(v.buyer), payable_fen: v.fen };
        });
        expect(utf8).toEqual(expected);
        expect(await stored('gb18030', iconv.encode(csv.slice(1), 'gb18030'))).toEqual(utf8);
      }),
      { numRuns: 40, seed: 7 },
    );
    await sessions.utf8.close();
    await sessions.gb18030.close();
  });
});
