import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AftersaleDatabase } from '../../src/core/aftersales/aftersale-schema';
import { caseMatches, caseRows, countsOf, listCases, type ListFilter } from '../../src/core/aftersales/case-list';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { migrations } from '../../src/core/db/migrations';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { AFTERSALE_TYPES, type AftersaleCaseRow } from '../../src/shared/rpc/domains/aftersales';
import { writeAftersalesExport, type AftersaleExportRow } from '../helpers/aftersales-exports';
import { ManualClock } from '../helpers/data-folder';
import { openOrdersShop, type OrdersShop } from '../helpers/orders-shop';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The paged list (indexes, keyset cursor) against the in-memory definition it replaced: every
 * case built whole (`caseRows`, sorted by `compareCases`), filtered by `caseMatches`, counted by
 * `countsOf`. On a generated shop whose after-sales export has ties on every sort column, cases
 * without a deadline or request time, deadlines on the "soon" boundary, unmapped and spaced type
 * texts, arbitration in either column, lines joined from the order export, and the seller's own
 * work: closes, suppliers (on the case, by purchase, by the product's default), hand-made cases.
 */
const tempDir = useTempDirs();
const AT = '2026-09-01T12:00:00+08:00';

const STATUSES = ['待收退货', '售后待处理', '退款中', '仲裁中', '仲裁中-待商家举证', '待商家上传凭证', '退款成功', '售后关闭', '换货成功', '待买家补充', '-'];
const ARBITRATION = ['-', '-', '-', '仲裁中', '仲裁结束', '待商家举证', '无'];
const TYPES = ['退货退款', '已发货仅退款', '未发货仅退款', '换货', '补寄', '维修', '价保', '退货 退款', '保价补差', '-'];
// Around the clock (12:00 China) and the default 12-hour lead: past, inside, exactly on and one second past the cutoff, later.
const DEADLINES = ['-', '-', '2026-08-30 10:00:00', '2026-09-01 18:00:00', '2026-09-02 00:00:00', '2026-09-02 00:00:01', '2026-09-03 09:00:00', '2026-09-01 11:59:59'];
const APPLIED = ['2026-08-20 10:00:00', '2026-08-21 09:30:00', '2026-08-21 09:30:00', '2026-08-25 18:00:00', '-'];

/** A 15–19 digit number ending in a non-zero digit (the importer refuses Excel-rounded IDs). */
const idOf = (prefix: string, i: number, width: number) => `${prefix}${String(i).padStart(width, '0')}7`;

let shop: OrdersShop;
let core: Core;
let reference: Kysely<AftersaleDatabase>;
const suppliers: number[] = [];

function exportRows(lines: { sub_order_id: string; order_id: string; product_id: string; product_title: string }[]): AftersaleExportRow[] {
  const rows: AftersaleExportRow[] = [];
  for (let i = 0; i < 900; i += 1) {
    const line = i % 3 === 0 ? lines[(i / 3) % lines.length] : undefined;
    const sub = line?.sub_order_id ?? idOf('69384', i, 10 + (i % 4));
    // One after-sale covering two lines, and some lines with two requests.
    const aftersaleId = i % 17 === 1 ? idOf('14384', i - 1, 12) : idOf('14384', i, 9 + (i % 5));
    const joinFromLine = line !== undefined && i % 2 === 0;
    rows.push({
      售后单号: aftersaleId,
      订单号: joinFromLine ? '-' : (line?.order_id ?? sub),
      商品单号: sub,
      商品名称: joinFromLine ? '-' : (line?.product_title ?? `测试商品 ${i % 23} 号 收纳盒`),
      商品ID: line?.product_id ?? idOf('37142', i % 11, 12),
      售后类型: TYPES[(i * 7) % TYPES.length],
      '退商品金额(元)': `${(i % 300) + 9}.90`,
      售后状态: STATUSES[(i * 5) % STATUSES.length],
      售后申请时间: APPLIED[(i * 3) % APPLIED.length],
      自动处理截止时间: DEADLINES[(i * 11) % DEADLINES.length],
      仲裁状态: ARBITRATION[(i * 13) % ARBITRATION.length],
    });
  }
  return rows;
}

async function referenceList(filter: ListFilter): Promise<{ rows: AftersaleCaseRow[]; all: AftersaleCaseRow[] }> {
  const { rows: all } = await caseRows(reference, shop.clock.now());
  return { rows: all.filter((r) => caseMatches(r, filter)), all };
}

type ListParams = ListFilter & { limit: number; offset?: number; after?: string };
type Lister = (params: ListParams) => Promise<{ total: number; counts: unknown; rows: AftersaleCaseRow[]; nextAfter: string | null }>;
const viaCore: Lister = (params) => core.call('aftersales.list', params);
/** The same read on its own connection with no "few candidates" shortcut: a search or supplier walks the list in order. */
const walking: Lister = (params) => listCases(reference, { offset: 0, ...params }, shop.clock.now(), { few: 0, dense: 20_000 });
/** Walking, and every search taken as matching many cases (tested on the row, not by its rowids). */
const walkingDense: Lister = (params) => listCases(reference, { offset: 0, ...params }, shop.clock.now(), { few: 0, dense: 0 });

/** Every page of a filter by cursor, then the same by offset: both must give the reference, in order. */
async function expectPagesMatch(filter: ListFilter, limit: number, list: Lister = viaCore) {
  const { rows: expected, all } = await referenceList(filter);
  const seen: AftersaleCaseRow[] = [];
  let after: string | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const got = await list({ ...filter, limit, ...(after !== undefined && { after }) });
    expect(got.total, JSON.stringify(filter)).toBe(expected.length);
    expect(got.counts).toEqual(countsOf(all));
    seen.push(...got.rows);
    if (got.nextAfter === null) break;
    expect(got.rows).toHaveLength(limit);
    after = got.nextAfter;
  }
  expect(seen.map((r) => r.caseKey), JSON.stringify(filter)).toEqual(expected.map((r) => r.caseKey));
  expect(seen).toEqual(expected);
  const offset = Math.min(expected.length, 2 * limit + 1);
  const byOffset = await list({ ...filter, limit, offset });
  expect(byOffset.rows.map((r) => r.caseKey)).toEqual(expected.slice(offset, offset + limit).map((r) => r.caseKey));
}

beforeAll(async () => {
  shop = await openOrdersShop(600, AT);
  core = shop.core;
  const lines = shop.sqlite.prepare(`SELECT sub_order_id, order_id, product_id, product_title FROM order_lines ORDER BY sub_order_id LIMIT 200`).all() as { sub_order_id: string; order_id: string; product_id: string; product_title: string }[];
  const files = tempDir();
  const file = writeAftersalesExport(files, 'aftersales-paged.csv', exportRows(lines));
  const [outcome] = await core.call('imports.run', { jobId: 'aftersales-paged', sources: [{ type: 'path', path: file }] });
  expect(outcome).toMatchObject({ refused: false });
  reference = new Kysely<AftersaleDatabase>({ dialect: new SqliteDialect({ database: openDatabase(dataPaths(shop.dataDir).dbFile) }) });

  for (const name of ['义乌收纳厂', '广州家居供应链', '临沂小商品']) suppliers.push((await core.call('suppliers.create', { name })).id);
  // A purchase names the supplier of its lines; assigning it also remembers the product's default.
  const orderIds = [...new Set(lines.slice(0, 40).map((l) => l.order_id))];
  await core.call('purchases.assignSupplier', { orderIds: orderIds.slice(0, 10), supplierId: suppliers[1]! });
  await core.call('purchases.assignSupplier', { orderIds: orderIds.slice(10, 20), supplierId: suppliers[2]! });
  const page = await core.call('aftersales.list', { limit: 500 });
  const causes = await core.call('aftersales.causes', {});
  const open = page.rows.filter((r) => r.open);
  for (const r of open.filter((_, i) => i % 9 === 0)) await core.call('aftersales.close', { caseKey: r.caseKey, causeId: causes[0]!.id });
  for (const r of page.rows.filter((_, i) => i % 13 === 0)) await core.call('aftersales.update', { caseKey: r.caseKey, patch: { supplierId: suppliers[0]!, supplierClaimFen: 500 } });
  await core.call('aftersales.setMapping', { text: '保价补差', type: 'price_protect' });
  // Hand-made cases: with a deadline equal to imported ones (ties across the two kinds), without, closed, in arbitration.
  for (const [i, line] of lines.slice(100, 112).entries()) {
    const made = await core.call('aftersales.create', { subOrderId: line.sub_order_id, type: AFTERSALE_TYPES[i % AFTERSALE_TYPES.length]!, deadlineAt: i % 3 === 2 ? null : ['2026-09-01 18:00', '2026-09-02 00:00'][i % 2]! });
    if (i % 4 === 3) await core.call('aftersales.close', { caseKey: made.caseKey, causeId: causes[1]!.id });
    if (i % 5 === 1) await core.call('aftersales.update', { caseKey: made.caseKey, patch: { arbitration: 'awaiting_evidence', supplierId: suppliers[0]! } });
  }
}, 300_000);

afterAll(async () => {
  await reference?.destroy();
  await core?.close();
  shop?.sqlite.close();
  if (shop) rmSync(shop.dataDir, { recursive: true, force: true });
});

const TYPE_VALUES = [...AFTERSALE_TYPES, 'unknown'] as const;

describe('the paged after-sales list equals the in-memory list', () => {
  it('has the shapes the comparison needs', async () => {
    const { all } = await referenceList({});
    expect(all.length).toBeGreaterThan(900);
    const has = (p: (r: AftersaleCaseRow) => boolean) => all.filter(p).length;
    expect(has((r) => r.origin === 'manual')).toBe(12);
    expect(has((r) => r.closedAt !== null && r.origin === 'import')).toBeGreaterThan(10);
    expect(has((r) => r.open && r.deadlineAt === null)).toBeGreaterThan(20);
    expect(has((r) => r.appliedAt === null)).toBeGreaterThan(20);
    expect(has((r) => r.countdown.state === 'soon')).toBeGreaterThan(20);
    expect(has((r) => r.open && r.arbitration !== 'none')).toBeGreaterThan(20);
    expect(has((r) => r.type === 'unknown')).toBeGreaterThan(20);
    for (const source of ['case', 'purchase', 'product_default', 'none'] as const) expect(has((r) => r.supplierSource === source), source).toBeGreaterThan(0);
  });

  it('no filter, one case a page across every stretch boundary, and 25 a page', async () => {
    await expectPagesMatch({}, 25);
    await expectPagesMatch({ open: true }, 1);
  }, 300_000);

  it('every filter alone', async () => {
    const singles: ListFilter[] = [
      { open: true }, { open: false }, { soon: true }, { arbitration: true },
      ...TYPE_VALUES.map((type) => ({ type })),
      ...suppliers.map((supplierId) => ({ supplierId })),
      { search: '收纳' }, { search: '\t1438400' }, { search: ' 69384 ' }, { search: '没有这个' },
    ];
    for (const filter of singles) await expectPagesMatch(filter, 40);
    // Few candidates are read whole; many are walked in list order. Both ways, every time.
    for (const filter of singles.filter((f) => f.search !== undefined || f.supplierId !== undefined)) {
      await expectPagesMatch(filter, 40, walking);
      await expectPagesMatch(filter, 40, walkingDense);
    }
  }, 300_000);

  it('filters together', async () => {
    for (const open of [undefined, true, false])
      for (const soon of [undefined, true])
        for (const arbitration of [undefined, true])
          for (const type of [undefined, 'return_refund', 'price_protect', 'unknown'] as const) await expectPagesMatch({ open, soon, arbitration, type }, 60);
    for (const supplierId of suppliers)
      for (const open of [true, false]) {
        await expectPagesMatch({ supplierId, open, search: '1' }, 30);
        await expectPagesMatch({ supplierId, open, soon: open || undefined, search: '1' }, 30, walking);
        await expectPagesMatch({ open, arbitration: open || undefined, search: '1' }, 30, walkingDense);
      }
  }, 300_000);

  it('after the clock moves, "soon" and the deadline order follow it', async () => {
    shop.clock.advance(7 * 3_600_000);
    await expectPagesMatch({ soon: true }, 20);
    await expectPagesMatch({}, 200);
  }, 300_000);

  it('refuses a cursor it did not give, naming the field', async () => {
    await expect(core.call('aftersales.list', { after: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'after' }] } });
  });
});

describe('a shop with no case, or no open one', () => {
  it('answers every filter (no status, type or arbitration text to match is not an error)', async () => {
    const dataDir = tempDir();
    const fresh = await createCore({ dataDir, log: silentLogger, clock: new ManualClock(new Date(AT).toISOString()), reminderCheckSeconds: 0 });
    try {
      const filters: ListFilter[] = [{}, { open: true }, { open: false }, { soon: true }, { arbitration: true }, { type: 'repair' }, { type: 'unknown' }, { search: '1' }, { supplierId: 1 }];
      for (const filter of filters) expect(await fresh.call('aftersales.list', filter), JSON.stringify(filter)).toMatchObject({ total: 0, rows: [], nextAfter: null });
      // Only done cases: no 售后状态 text is open.
      const done = exportRows([]).slice(0, 30).map((r) => ({ ...r, 售后状态: '退款成功' }));
      await fresh.call('imports.run', { jobId: 'aftersales-done-only', sources: [{ type: 'path', path: writeAftersalesExport(tempDir(), 'done.csv', done) }] });
      expect(await fresh.call('aftersales.list', { open: false, limit: 500 })).toMatchObject({ total: 30, counts: { all: 30, open: 0 } });
      expect(await fresh.call('aftersales.list', { open: true })).toMatchObject({ total: 0, rows: [] });
      expect((await fresh.call('aftersales.list', { limit: 500 })).rows).toHaveLength(30);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});

describe('migration 0018 (the list indexes)', () => {
  it('a shop from before it opens with its cases listed as before', async () => {
    const mine = migrations.find((m) => m.name === '0018-aftersales-list-indexes')!.version;
    const dataDir = tempDir();
    const clock = new ManualClock(new Date(AT).toISOString());
    const old = await createCore({ dataDir, log: silentLogger, clock, reminderCheckSeconds: 0, migrations: migrations.filter((m) => m.version < mine) });
    const file = writeAftersalesExport(tempDir(), 'old.csv', exportRows([]).slice(0, 120));
    await old.call('imports.run', { jobId: 'aftersales-old-shop', sources: [{ type: 'path', path: file }] });
    await old.close();
    const upgraded = await createCore({ dataDir, log: silentLogger, clock, reminderCheckSeconds: 0 });
    try {
      const sqlite = new Database(dataPaths(dataDir).dbFile, { readonly: true });
      const indexes = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'aftersales_list_%' ORDER BY name`).pluck().all();
      sqlite.close();
      expect(indexes).toEqual(['aftersales_list_by_applied', 'aftersales_list_by_deadline', 'aftersales_list_stats']);
      const own = new Kysely<AftersaleDatabase>({ dialect: new SqliteDialect({ database: openDatabase(join(dataDir, 'shopdesk.sqlite')) }) });
      const { rows } = await caseRows(own, clock.now());
      await own.destroy();
      const listed = await upgraded.call('aftersales.list', { limit: 500 });
      expect(listed.rows).toEqual(rows);
      expect(listed.total).toBe(120);
    } finally {
      await upgraded.close();
    }
  }, 120_000);
});
