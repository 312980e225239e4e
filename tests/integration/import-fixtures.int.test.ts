import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../src/core/db/open-database';
import { CUSTOM_HEADERS, FIXTURE_LINES, textFixtures } from '../fixtures/douyin/make-fixtures';
import { openSession } from '../helpers/data-folder';
import { importInline, okOutcome } from '../helpers/import-inline';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/douyin/${name}`, import.meta.url));

/**
 * A new data folder. Each has its own random buyer-key secret (migration 0015); these tests compare
 * stored rows across folders, so every folder here gets the same one: equal recipients in any
 * encoding or layout must then give equal keys.
 */
async function freshDb() {
  const session = await openSession(tempDir());
  session.require().sqlite.prepare('UPDATE buyer_key_secret SET secret = ?').run(Buffer.alloc(32, 42));
  return { session, sqlite: session.require().sqlite };
}

/** Every stored order line, bookkeeping columns left out, in key order. */
const orderRows = (sqlite: SqliteDb, columns = '*') =>
  (sqlite.prepare(`SELECT ${columns} FROM order_lines ORDER BY sub_order_id`).all() as Record<string, unknown>[]).map((r) => {
    const { first_import_id: _f, last_import_id: _l, export_time: _e, ...rest } = r;
    return rest;
  });

const countAll = (sqlite: SqliteDb) =>
  ['imports', 'order_lines', 'funds_flows', 'settlement_lines', 'aftersales', 'row_history'].map((t) => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);

describe('the committed fixtures are what make-fixtures.ts writes', () => {
  it('regenerating the text fixtures gives the same bytes', () => {
    for (const [name, bytes] of Object.entries(textFixtures())) expect(readFileSync(fixture(name)).equals(bytes), name).toBe(true);
  });
});

describe('the sample export (byte-exact copy of the reference)', () => {
  let rows: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const { session, sqlite } = await freshDb();
    const outcome = okOutcome(await importInline(sqlite, fixture('1791213782_3edeb47b86bdb5b9.csv')));
    expect(outcome).toMatchObject({ kind: 'orders', layout: 'orders-layout-a', encoding: 'utf-8-bom', exportTime: 1791213782, issueCount: 0 });
    expect(outcome.totals).toEqual({ lines: 5, skippedWithIssues: 0, dateFrom: '2026-08-01', dateTo: '2026-08-04' });
    rows = orderRows(sqlite);
    await session.close();
  });
  const row = (sub: string) => rows.find((r) => r.sub_order_id === sub)!;

  it('keeps IDs as text without the TAB, money in fen, times as Beijing text', () => {
    expect(row('6938412705519823461')).toMatchObject({
      order_id: '6938412705519823461',
      product_id: '3714290568812637504',
      product_title: '【现货速发】加厚珊瑚绒四件套 冬季保暖床单被套',
      product_spec: '浅灰色;1.8m床(被套200*230cm)',
      sku_code: 'SHT-4J-180-GY',
      quantity: 1,
      unit_price_fen: 12900,
      payable_fen: 11900,
      merchant_discount_fen: 1000,
      province: '浙江省',
      city: '杭州市',
      district: '余杭区',
      submitted_at: '2026-08-01 10:00:00',
      completed_at: '2026-08-09 21:14:05',
      status: '已完成',
      status_rank: 4,
      aftersale_status: null,
      cancel_reason: null,
      ad_channel: null,
      influencer_id: null,
      traffic_source: '小店自卖',
    });
  });

  it('reads thousands separators, the influencer and the flag', () => {
    expect(row('6938419977301552108')).toMatchObject({
      unit_price_fen: 139900,
      payable_fen: 129900,
      influencer_id: '7392255573464597541',
      influencer_name: '家居好物小美',
      traffic_source: '精选联盟',
      aftersale_status: '售后待处理',
      flag_colour: '红',
      seller_note: '已催上游发货',
      buyer_note: '周末配送，谢谢',
    });
  });

  it('keeps the gift as a second sub-order of the same order, and the multi-line note', () => {
    expect(row('6938425630014476221')).toMatchObject({ order_id: '6938425630014476219', payable_fen: 0, product_title: '【赠品】榨汁杯替换杯盖' });
    expect(row('6938431188406093377')).toMatchObject({ buyer_note: '尺码拍错了，\n麻烦先别发', cancel_reason: '买家申请退款', status: '已关闭' });
  });

  it('stores no recipient name, phone or address anywhere', () => {
    const all = JSON.stringify(rows);
    for (const pii of ['刘**', '138****1234', '文一西路', '科技园****大厦', '139****5678']) expect(all).not.toContain(pii);
    expect(JSON.parse(row('6938412705519823461').extra_json as string)).toMatchObject({ 街道: '五常街道', 是否修改过地址: '否' });
  });
});

describe('every variant of the same export gives the same data', () => {
  let reference: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const { session, sqlite } = await freshDb();
    expect(okOutcome(await importInline(sqlite, fixture('orders-a.csv'))).totals.lines).toBe(80);
    reference = orderRows(sqlite);
    await session.close();
  });

  it.each([
    ['orders-a-gbk.csv', 'gb18030'],
    ['orders-a-lf.csv', 'utf-8'],
    ['orders-a-utf16le.txt', 'utf-16le'],
    ['orders-a-utf16be.csv', 'utf-16be'],
    ['orders-title-row.csv', 'utf-8-bom'],
  ])('%s (%s) stores exactly the same rows', async (name, encoding) => {
    const { session, sqlite } = await freshDb();
    const outcome = okOutcome(await importInline(sqlite, fixture(name)));
    expect(outcome).toMatchObject({ encoding, layout: 'orders-layout-a' });
    expect(orderRows(sqlite)).toEqual(reference);
    await session.close();
  });

  it('layout B (75 columns, another order, 商品金额 for the unit price) gives the same values in the shared columns', async () => {
    const { session, sqlite } = await freshDb();
    expect(okOutcome(await importInline(sqlite, fixture('orders-b.csv'))).layout).toBe('orders-layout-b');
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ product_spec: _s, item_code: _i, extra_json: _x, ...rest }) => rest);
    expect(strip(orderRows(sqlite))).toEqual(strip(reference));
    expect(orderRows(sqlite)[0]).toMatchObject({ item_code: expect.any(String) });
    await session.close();
  });

  it('a custom export (a subset, shuffled, 商品名称 for 选购商品) fills the columns it has', async () => {
    const { session, sqlite } = await freshDb();
    expect(okOutcome(await importInline(sqlite, fixture('orders-custom.csv'))).layout).toBe('orders-custom');
    const columns = 'sub_order_id, order_id, status, product_title, unit_price_fen, payable_fen, submitted_at, province, influencer_id, traffic_source';
    expect(CUSTOM_HEADERS).toHaveLength(10);
    expect(orderRows(sqlite, columns)).toEqual(orderRows(await refDb(), columns));
    await session.close();
  });

  it('the .xlsx version (TAB-prefixed IDs, real date cells, a wrong <dimension>) gives the same rows', async () => {
    const { session, sqlite } = await freshDb();
    const outcome = okOutcome(await importInline(sqlite, fixture('orders-a.xlsx')));
    expect(outcome).toMatchObject({ encoding: 'xlsx', layout: 'orders-layout-a' });
    expect(outcome.totals.lines).toBe(30);
    const subs = new Set(FIXTURE_LINES.slice(0, 30).map((l) => l.subOrderId));
    expect(orderRows(sqlite)).toEqual(reference.filter((r) => subs.has(r.sub_order_id as string)));
    await session.close();
  });

  async function refDb() {
    const { sqlite } = await freshDb();
    await importInline(sqlite, fixture('orders-a.csv'));
    return sqlite;
  }
});

describe('refused files: a specific reason, nothing written', () => {
  it.each([
    ['orders-excel-ids.csv', 'IMPORT_EXCEL_DAMAGED', { line: 2, column: '子订单编号', value: '6.93841E+18' }],
    ['orders-excel-dates.csv', 'IMPORT_EXCEL_DAMAGED', { line: 8, column: '订单提交时间', variant: 'DATES' }],
    ['orders-order-dimension.csv', 'IMPORT_ORDER_DIMENSION', { line: 4, column: '子订单编号' }],
    ['orders-malformed-columns.csv', 'IMPORT_MALFORMED', { line: 4, variant: 'COLUMNS', expected: 74, found: 71 }],
    ['orders-unclosed-quote.csv', 'IMPORT_MALFORMED', { line: 4, variant: 'QUOTES' }],
    ['orders-missing-column.csv', 'IMPORT_MISSING_COLUMNS', { kind: 'orders', columns: '订单应付金额' }],
    ['unknown-kind.csv', 'IMPORT_UNKNOWN_KIND', {}],
    ['legacy.xls', 'IMPORT_LEGACY_XLS', {}],
    ['disguised-html.xls', 'IMPORT_NOT_CSV', { what: 'HTML' }],
    ['image.png', 'IMPORT_BINARY', { what: 'PNG' }],
    ['binary.bin', 'IMPORT_BINARY', {}],
    ['empty.csv', 'IMPORT_EMPTY', {}],
    ['blank.csv', 'IMPORT_EMPTY', {}],
    ['encrypted.zip', 'IMPORT_ZIP_ENCRYPTED', { member: 'orders.csv' }],
  ])('%s → %s', async (name, code, params) => {
    const { session, sqlite } = await freshDb();
    const [outcome] = await importInline(sqlite, fixture(name));
    expect(outcome).toMatchObject({ ok: false, code, params });
    expect(countAll(sqlite)).toEqual([0, 0, 0, 0, 0, 0]);
    await session.close();
  });
});

describe('problems in single lines', () => {
  it('skips those lines with line, column and code, and imports the rest', async () => {
    const { session, sqlite } = await freshDb();
    const outcome = okOutcome(await importInline(sqlite, fixture('orders-row-problems.csv')));
    expect(outcome.counts.inserted).toBe(4);
    expect(outcome.totals).toMatchObject({ lines: 8, skippedWithIssues: 4 });
    expect(outcome.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [4, '订单应付金额', 'ROW_BAD_MONEY'],
      [5, '订单提交时间', 'ROW_BAD_DATETIME'],
      [6, '子订单编号', 'ROW_MISSING_VALUE'],
      [7, '商品数量', 'ROW_BAD_INTEGER'],
    ]);
    await session.close();
  });

  it('a header-only export is imported with zero lines', async () => {
    const { session, sqlite } = await freshDb();
    expect(okOutcome(await importInline(sqlite, fixture('orders-header-only.csv'))).totals.lines).toBe(0);
    await session.close();
  });
});

describe('funds flow, settlement bill and after-sales exports', () => {
  it('funds flow, 39 columns: IDs without the apostrophe, signed by 动账方向, lines without an order kept', async () => {
    const { session, sqlite } = await freshDb();
    expect(okOutcome(await importInline(sqlite, fixture('funds-39.csv')))).toMatchObject({ kind: 'funds', layout: 'funds-39' });
    const rows = sqlite.prepare('SELECT * FROM funds_flows ORDER BY flow_id').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(21);
    const first = FIXTURE_LINES[0]!;
    const income = rows.find((r) => r.sub_order_id === first.subOrderId)!;
    const fee = Math.round(first.payableFen * 0.05);
    expect(income).toMatchObject({ direction: '入账', amount_fen: first.payableFen - fee, signed_amount_fen: first.payableFen - fee, platform_fee_fen: -fee, order_id: first.orderId });
    expect(String(income.flow_id)).toMatch(/^\d{15}$/);
    expect(rows.find((r) => r.scene === '提现')).toMatchObject({ direction: '出账', amount_fen: 100000, signed_amount_fen: -100000, order_id: null, sub_order_id: null });
    await session.close();
  });

  it('the 30-column GBK and the legacy variants store the same movements', async () => {
    const columns = 'flow_id, flow_at, direction, amount_fen, signed_amount_fen, sub_order_id, order_id, ordered_at';
    const stored = async (name: string, layout: string) => {
      const { session, sqlite } = await freshDb();
      expect(okOutcome(await importInline(sqlite, fixture(name))).layout).toBe(layout);
      const rows = sqlite.prepare(`SELECT ${columns} FROM funds_flows ORDER BY flow_id`).all();
      await session.close();
      return rows;
    };
    const reference = await stored('funds-39.csv', 'funds-39');
    expect(await stored('funds-30.csv', 'funds-30')).toEqual(reference);
    expect(await stored('funds-legacy.csv', 'funds-legacy')).toEqual(reference);
  });

  it('settlement bill: the description row under the header is skipped; a refund after settlement is its own line', async () => {
    const { session, sqlite } = await freshDb();
    const outcome = okOutcome(await importInline(sqlite, fixture('settlement.csv')));
    expect(outcome).toMatchObject({ kind: 'settlement', layout: 'settlement' });
    expect(outcome.totals.lines).toBe(11);
    const rows = sqlite.prepare('SELECT * FROM settlement_lines ORDER BY settled_at').all() as Record<string, unknown>[];
    const first = FIXTURE_LINES[0]!;
    const both = rows.filter((r) => r.sub_order_id === first.subOrderId);
    expect(both.map((r) => [r.settle_type, Math.sign(r.amount_fen as number)])).toEqual([
      ['已结算', 1],
      ['结算后退款-原路退回', -1],
    ]);
    expect(rows.some((r) => String(r.settled_at).includes('收入'))).toBe(false);
    await session.close();
  });

  it('after-sales: keyed by 售后单号 + 商品单号, full-width (元) headers, `-` amounts empty, negotiation log never stored', async () => {
    const { session, sqlite } = await freshDb();
    expect(okOutcome(await importInline(sqlite, fixture('aftersales.csv')))).toMatchObject({ kind: 'aftersales' });
    const rows = sqlite.prepare('SELECT * FROM aftersales').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    const first = FIXTURE_LINES[0]!;
    expect(rows.find((r) => r.sub_order_id === first.subOrderId)).toMatchObject({
      order_id: first.orderId,
      refund_goods_fen: first.payableFen,
      refund_pay_discount_fen: null,
      status: '退款成功',
      ship_state: '1/1已发货',
    });
    expect(JSON.stringify(rows)).not.toContain('13912345678');
    await session.close();
  });
});

describe('zip bundles', () => {
  it('the ledger download: GBK member names, the ledger CSV imported as funds, the insurance list declined, OS clutter ignored', async () => {
    const { session, sqlite } = await freshDb();
    const outcomes = await importInline(sqlite, fixture('ledger-bundle.zip'));
    expect(outcomes.map((o) => [o.file, o.ok ? o.layout : o.code])).toEqual([
      ['ledger-bundle.zip › 动账明细 - 聚合账户.csv', 'funds-ledger'],
      ['ledger-bundle.zip › 保费支出 - 聚合账户.csv', 'IMPORT_UNKNOWN_KIND'],
    ]);
    const rows = sqlite.prepare('SELECT flow_id, direction, signed_amount_fen, order_id, sub_order_id, balance_fen FROM funds_flows ORDER BY flow_id').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ direction: '收入', order_id: FIXTURE_LINES[0]!.orderId, sub_order_id: FIXTURE_LINES[0]!.subOrderId });
    expect(rows.at(-1)).toMatchObject({ direction: '支出', signed_amount_fen: -300 });
    await session.close();
  });

  it('a UTF-8-flagged member takes its export time from its own name', async () => {
    const { session, sqlite } = await freshDb();
    const [outcome] = await importInline(sqlite, fixture('bundle-utf8.zip'));
    expect(outcome).toMatchObject({ ok: true, file: 'bundle-utf8.zip › 1791213782_资金流水.csv', kind: 'funds', exportTime: 1791213782 });
    await session.close();
  });
});
