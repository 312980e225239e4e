import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../src/core/db/open-database';
import type { UnitOutcome } from '../../src/core/imports/import-unit';
import { LAYOUT_A, cellsFor, chinaTime, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { importInline } from '../helpers/import-inline';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * DOUYIN_EXPORTS.md §0.10: "The same order appears in many exports over time. Key rows on
 * `子订单编号` and let the newest export win. The export time is in the file name, which starts with
 * 10-digit Unix seconds, e.g. `1768222209_84d855….csv`." §7: "do not let an older export overwrite
 * a newer status. Use the file-name timestamp, or status order as a fallback: 待支付 <
 * 已支付/待发货/备货中 < 已发货 < 已完成/已关闭 (S2)." A copy whose name lost the prefix has no export
 * time: it must never overwrite what a timed export set, never clear a field, never move 订单状态 or
 * 售后状态 back (equal ranks included), and where its age cannot be told it leaves the row alone.
 */
const tempDir = useTempDirs();

const LINES = take(orderLines({ seed: 71 }), 40);
/** China wall-clock text → Unix seconds. */
const unix = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`) / 1000;
/** A is exported an hour after its latest event (the generator completes orders up to 8 days after the newest); B five days later. */
const EXPORT_A = Math.max(...LINES.flatMap((l) => [l.submittedAt, l.paidAt, l.completedAt, l.shippedAt].filter((t): t is string => t !== null).map(unix))) + 3600;
const EXPORT_B = EXPORT_A + 5 * 86400;
/** China wall-clock text of a Unix second. */
const wall = (seconds: number): string => chinaTime(seconds + 8 * 3600);
/** What B (five days later) says: every line's spec was renamed, the unshipped ones shipped, the shipped completed. */
const inB = (l: OrderLine): OrderLine => ({
  ...l,
  spec: `${l.spec}（新版）`,
  ...(l.status === '待发货' || l.status === '备货中' || l.status === '已支付'
    ? { status: '已发货', shippedAt: wall(EXPORT_A + 86400) }
    : {}),
});

function csv(lines: readonly OrderLine[]): string {
  return toCsv([LAYOUT_A, ...lines.map((l) => cellsFor(LAYOUT_A, orderCells(l)))]);
}
function write(dir: string, name: string, lines: readonly OrderLine[], encoding: 'utf8' | 'gb18030' = 'utf8'): string {
  const path = join(dir, name);
  writeFileSync(path, encoding === 'utf8' ? csv(lines) : iconv.encode(csv(lines).replace(/^\uFEFF/, ''), 'gb18030'));
  return path;
}
const one = async (sqlite: SqliteDb, path: string): Promise<Extract<UnitOutcome, { ok: true }>> => {
  const [outcome] = await importInline(sqlite, path);
  if (!outcome?.ok) throw new Error(`import refused: ${JSON.stringify(outcome)}`);
  return outcome;
};
const rows = (sqlite: SqliteDb) =>
  sqlite.prepare('SELECT sub_order_id, product_spec, status, aftersale_status, shipped_at, seller_note, export_time FROM order_lines ORDER BY sub_order_id').all();

async function importedAB() {
  const dir = tempDir();
  const session = await openSession(dir);
  const { sqlite } = session.require();
  await one(sqlite, write(dir, `${EXPORT_A}_aaaa.csv`, LINES));
  const b = await one(sqlite, write(dir, `${EXPORT_B}_bbbb.csv`, LINES.map(inB)));
  expect(b.counts).toMatchObject({ inserted: 0, updated: LINES.length });
  return { dir, session, sqlite, afterB: rows(sqlite) };
}

describe('an export whose name lost its export time never overwrites newer data', () => {
  it('A, then the later B, then a GB18030 copy of A named 订单导出-副本.csv: nothing changes, every changed line is skipped as older or undated', async () => {
    const { dir, session, sqlite, afterB } = await importedAB();
    const copy = await one(sqlite, write(dir, '订单导出-副本.csv', LINES, 'gb18030'));
    expect(copy.encoding).toBe('gb18030');
    expect(copy.exportTime).toBeNull();
    expect(copy.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, skippedOlder: LINES.length });
    // B's 商品规格 and export time stay.
    expect(rows(sqlite)).toEqual(afterB);
    expect(new Set(rows(sqlite).map((r) => (r as { export_time: number }).export_time))).toEqual(new Set([EXPORT_B]));
    await session.close();
  });

  it('the same content under another name or encoding changes nothing: inserted 0, updated 0', async () => {
    const { dir, session, sqlite, afterB } = await importedAB();
    const copy = await one(sqlite, write(dir, '订单导出-副本.csv', LINES.map(inB), 'gb18030'));
    expect(copy.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: LINES.length, skippedOlder: 0 });
    const renamed = await one(sqlite, write(dir, 'orders (1).csv', LINES.map(inB)));
    expect(renamed.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: LINES.length });
    expect(rows(sqlite)).toEqual(afterB);
    await session.close();
  });

  it.each([
    { name: '已完成 → 已关闭 (equal rank): kept', change: { status: '已关闭' }, expected: 'kept' },
    { name: '售后状态 退款成功 → "-": kept', stored: { aftersaleStatus: '退款成功' }, change: { aftersaleStatus: null }, expected: 'kept' },
    { name: 'an empty 商品规格 never clears B’s', change: { spec: '', sellerNote: '新的备注' }, expected: 'kept' },
    { name: '售后状态 "-" → 售后待处理 (forward): taken, other fields kept where the copy is empty', change: { aftersaleStatus: '售后待处理', spec: '' }, expected: 'merged' },
    {
      name: 'an event after B’s export time proves the copy newer: taken',
      change: { sellerNote: '已联系买家', completedAt: wall(EXPORT_B + 3600) },
      expected: 'merged',
    },
  ] as { name: string; stored?: Partial<OrderLine>; change: Partial<OrderLine>; expected: 'kept' | 'merged' }[])('undated copy, $name', async ({ stored, change, expected }) => {
    const dir = tempDir();
    const session = await openSession(dir);
    const { sqlite } = session.require();
    const base: OrderLine = { ...LINES[0]!, status: '已完成', completedAt: wall(EXPORT_B - 86400), shippedAt: wall(EXPORT_B - 3 * 86400), aftersaleStatus: null, ...stored };
    await one(sqlite, write(dir, `${EXPORT_B}_bbbb.csv`, [base]));
    const before = rows(sqlite)[0] as Record<string, unknown>;
    const outcome = await one(sqlite, write(dir, 'export.csv', [{ ...base, ...change }], 'gb18030'));
    const after = rows(sqlite)[0] as Record<string, unknown>;
    if (expected === 'kept') {
      // Skipped as older or undated — or, where the copy's only difference is an empty cell ("-" is empty), nothing to change.
      expect(outcome.counts).toMatchObject({ inserted: 0, updated: 0 });
      expect(outcome.counts.skippedOlder + outcome.counts.unchanged).toBe(1);
      expect(after).toEqual(before);
    } else {
      expect(outcome.counts).toMatchObject({ updated: 1, skippedOlder: 0 });
      expect(after.product_spec).toBe(before.product_spec);
      expect(after.export_time).toBeGreaterThanOrEqual(EXPORT_B);
      for (const [key, value] of Object.entries(change)) {
        if (key === 'aftersaleStatus') expect(after.aftersale_status).toBe(value);
        if (key === 'sellerNote') expect(after.seller_note).toBe(value);
      }
    }
    await session.close();
  });

  it('a timed export older than what an undated file proved (its latest event) does not win', async () => {
    const dir = tempDir();
    const session = await openSession(dir);
    const { sqlite } = session.require();
    const shipped: OrderLine = { ...LINES[0]!, status: '已发货', shippedAt: wall(EXPORT_A + 86400), completedAt: null, aftersaleStatus: null };
    await one(sqlite, write(dir, 'undated.csv', [shipped]));
    // Exported a day before the undated file's shipping event: older, whatever its status says.
    const older = await one(sqlite, write(dir, `${EXPORT_A}_aaaa.csv`, [{ ...shipped, status: '已完成', completedAt: wall(EXPORT_A - 60) }]));
    expect(older.counts).toMatchObject({ updated: 0, skippedOlder: 1 });
    expect((rows(sqlite)[0] as { status: string }).status).toBe('已发货');
    await session.close();
  });
});

describe('shopdesk import names the skipped lines', () => {
  it('prints "skipped: older or undated N" for the undated copy', async () => {
    const dir = tempDir();
    const files = tempDir();
    expect((await cli(dir, 'import', write(files, `${EXPORT_A}_aaaa.csv`, LINES))).code).toBe(0);
    expect((await cli(dir, 'import', write(files, `${EXPORT_B}_bbbb.csv`, LINES.map(inB)))).code).toBe(0);
    const copy = write(files, '订单导出-副本.csv', LINES, 'gb18030');
    const en = await cli(dir, 'import', copy, '--lang', 'en');
    expect(en.stdout).toContain(`skipped: older or undated ${LINES.length}`);
    expect(en.stdout).toContain('changed 0');
    const zh = await cli(dir, 'import', copy, '--lang', 'zh');
    expect(zh.stdout).toContain('这个文件以前导入过');
  });
});
