import type { Kysely } from 'kysely';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations/index';
import type { Database } from '../../src/core/db/schema';
import { undoImport } from '../../src/core/imports/undo-import';
import { rebuildDaySummaries } from '../../src/core/reports/day-summaries';
import { repeatBuyers } from '../../src/core/reports/repeat-buyers';
import { NET_KEYED } from '../../src/core/reports/repeat-chains';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase } from '../../src/core/db/open-database';
import { summariseRepeatBuyers, type RepeatLine } from '../../src/core/reports/repeat-buyers-summary';
import { APP_VERSION } from '../../src/core/app-version';
import { LAYOUT_A, cellsFor, csvLine, orderCells, orderLines, take, type OrderLine } from '../fixtures/douyin/generator';
import { openSession } from '../helpers/data-folder';
import { importInline, okOutcome } from '../helpers/import-inline';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The repeat-buyer estimate through the real importer: DOUYIN_EXPORTS.md §1.4 "收件人, 收件人手机号,
 * 详细地址 | Recipient PII | masked or encrypted text | … Treat as opaque and do not store" — so only
 * the keyed hash lands in order_lines, and the masked texts nowhere in the file.
 */
const tempDir = useTempDirs();
const BUYER_KEY_VERSION = migrations.find((m) => m.name === '0015-order-buyer-keys')!.version;
const CHAIN_VERSION = migrations.find((m) => m.name === '0020-repeat-buyer-chains')!.version;

/** Eight orders on 2026-08-10 … 12: 刘** twice in 余杭区 (and once in 西湖区: another buyer), 王** three times, one closed unpaid. */
function shopLines(): OrderLine[] {
  const base = take(orderLines({ seed: 17, days: 30 }), 8);
  const who: [string | null, string | null, string, string][] = [
    ['刘**', '138****1234', '杭州市', '余杭区'],
    ['刘**', '138****1234', '杭州市', '余杭区'],
    ['刘**', '138****1234', '杭州市', '西湖区'],
    ['王**', '139****5678', '杭州市', '余杭区'],
    ['王**', '139****5678', '杭州市', '余杭区'],
    ['王**', '139****5678', '杭州市', '余杭区'],
    ['陈**', '186****0021', '杭州市', '余杭区'],
    [null, null, '杭州市', '余杭区'],
  ];
  return base.map((l, i) => ({
    ...l,
    orderId: `69384127055198${String(13571 + i * 7)}`,
    subOrderId: `69384127055198${String(24683 + i * 7)}`,
    productId: i < 6 ? '3714290568812637504' : '3719955104472287115',
    title: i < 6 ? '加厚珊瑚绒四件套' : '智能扫地机器人',
    submittedAt: `2026-08-1${i % 3} 10:00:0${i}`,
    paidAt: `2026-08-1${i % 3} 10:00:1${i}`,
    status: i === 5 ? '已关闭' : '已完成',
    aftersaleStatus: null,
    province: '浙江省',
    city: who[i]![2],
    district: who[i]![3],
    recipient: who[i]![0],
    phone: who[i]![1],
  }));
}

const writeExport = (dir: string, name: string, lines: readonly OrderLine[]) => {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${[csvLine(LAYOUT_A), ...lines.map((l) => csvLine(cellsFor(LAYOUT_A, orderCells(l))))].join('\r\n')}\r\n`);
  return path;
};

describe('repeat buyers (estimate)', () => {
  it('keys imported lines, counts buyers with 2+ orders, and never stores the masked texts', async () => {
    const dataDir = tempDir();
    const session = await openSession(dataDir);
    const { sqlite, db } = session.require();
    const outcome = okOutcome(await importInline(sqlite, writeExport(dataDir, '1786000000_buyers.csv', shopLines())));
    expect(outcome.counts.inserted).toBe(8);

    const keys = sqlite.prepare('SELECT buyer_key FROM order_lines ORDER BY sub_order_id').pluck().all() as (string | null)[];
    expect(keys.filter((k) => k !== null)).toHaveLength(7);
    expect(keys[7]).toBeNull();
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    const dump = sqlite.prepare(`SELECT group_concat(extra_json || coalesce(buyer_key, ''), '|') FROM order_lines`).pluck().get() as string;
    for (const masked of ['刘**', '138****1234', '王**', '139****5678']) expect(dump).not.toContain(masked);

    const r = await repeatBuyers(db as unknown as Kysely<Database>, { from: '2026-08-01', to: '2026-08-31', top: 10 });
    // 王**'s third order is closed unpaid: no purchase. 刘** in 余杭区 twice, 王** twice: two repeat buyers of five.
    expect(r).toMatchObject({ orders: 7, keyedOrders: 6, buyers: 4, repeatBuyers: 2, repeatOrders: 4, repeatBuyerSharePct: 50, repeatOrderSharePct: 66.7, sinceVersion: APP_VERSION });
    expect(r.distribution).toEqual([
      { orders: 1, buyers: 2 },
      { orders: 2, buyers: 2 },
      { orders: 3, buyers: 0 },
      { orders: 4, buyers: 0 },
      { orders: 5, buyers: 0 },
    ]);
    expect(r.products).toEqual([{ productId: '3714290568812637504', name: '加厚珊瑚绒四件套', buyers: 3, repeatBuyers: 2, repeatSharePct: 66.7 }]);
    // The range is by 订单提交时间, China dates, ends inclusive.
    expect((await repeatBuyers(db as unknown as Kysely<Database>, { from: '2026-08-10', to: '2026-08-10', top: 10 })).orders).toBe(3);

    await undoImport(db as unknown as Kysely<Database>, outcome.importId!, new Date('2026-09-01T00:00:00Z'), 'zh-CN');
    expect(await repeatBuyers(db as unknown as Kysely<Database>, { from: '2026-08-01', to: '2026-08-31', top: 10 })).toMatchObject({ orders: 0, buyers: 0, products: [] });
    await session.close();
  });

  it('a shop from before the key: old lines keep no key (counted, not estimated), a newer export of them adds it', async () => {
    const dataDir = tempDir();
    const before = await openSession(dataDir, { migrations: migrations.filter((m) => m.version < BUYER_KEY_VERSION) });
    const lines = shopLines();
    // Lines as a version before the key stored them (no buyer_key column yet).
    const old = before.require().sqlite;
    const importId = old
      .prepare(`INSERT INTO imports (file_name, sha256, kind, layout, encoding, export_time, imported_at) VALUES ('1786000000_old.csv', 'old', 'orders', 'orders-layout-a', 'utf-8', 1786000000, '2026-08-20T00:00:00.000Z') RETURNING id`)
      .pluck()
      .get() as number;
    const insert = old.prepare(`INSERT INTO order_lines (sub_order_id, order_id, product_id, status, submitted_at, paid_at, province, city, district, payable_fen, extra_json, export_time, first_import_id, last_import_id)
      VALUES (?, ?, ?, '已完成', ?, ?, '浙江省', ?, ?, 100, '{}', 1786000000, ?, ?)`);
    for (const l of lines.slice(0, 4)) insert.run(l.subOrderId, l.orderId, l.productId, l.submittedAt, l.paidAt, l.city, l.district, importId, importId);
    rebuildDaySummaries(old, { analytics: ['2026-08-10', '2026-08-11', '2026-08-12'] });
    await before.close();

    const after = await openSession(dataDir);
    const { sqlite, db } = after.require();
    expect(sqlite.prepare('SELECT count(*) FROM order_lines WHERE buyer_key IS NULL').pluck().get()).toBe(4);
    const secret = sqlite.prepare('SELECT secret FROM buyer_key_secret').pluck().get() as Buffer;
    expect(secret).toHaveLength(32);
    const r = await repeatBuyers(db as unknown as Kysely<Database>, { from: '2026-08-01', to: '2026-08-31', top: 10 });
    expect(r).toMatchObject({ orders: 4, keyedOrders: 0, buyers: 0, repeatBuyers: 0 });

    // A later export of the same days (newer export time) carries the keys in.
    okOutcome(await importInline(sqlite, writeExport(dataDir, '1786100000_newer.csv', lines)));
    expect(sqlite.prepare('SELECT count(*) FROM order_lines WHERE buyer_key IS NULL').pluck().get()).toBe(1);
    await after.close();
  });

  it('reads from the index exactly what the definition counts over the generated lines, for any range', async () => {
    // 600 generated lines over 20 days; each order's recipient from a pool of 40 masked buyers in
    // two districts (so many order twice or more), some orders without one, some closed unpaid.
    const pool = Array.from({ length: 40 }, (_, i) => ({ recipient: `${'刘王陈张李'[i % 5]}**`, phone: `13${i % 10}****${String(1000 + i).slice(-4)}`, district: i % 2 === 0 ? '余杭区' : '西湖区' }));
    let order = -1;
    let last = '';
    const lines = take(orderLines({ seed: 29 }), 600).map((l) => {
      if (l.orderId !== last) [order, last] = [order + 1, l.orderId];
      const who = order % 9 === 8 ? null : pool[(order * 7) % pool.length]!;
      // Spread over 20 China days (the generator packs 600 lines into an hour).
      const day = `2026-08-${String(1 + (order % 20)).padStart(2, '0')}`;
      return { ...l, submittedAt: `${day}${l.submittedAt.slice(10)}`, paidAt: `${day}${l.paidAt.slice(10)}`, province: '浙江省', city: '杭州市', district: who?.district ?? '余杭区', recipient: who?.recipient ?? null, phone: who?.phone ?? null, status: order % 11 === 5 ? '已关闭' : l.status, aftersaleStatus: order % 11 === 5 ? null : l.aftersaleStatus };
    });
    const dataDir = tempDir();
    const session = await openSession(dataDir);
    const { sqlite, db } = session.require();
    okOutcome(await importInline(sqlite, writeExport(dataDir, '1786000000_many.csv', lines)));
    // DOUYIN_EXPORTS.md §3.1: 已关闭 with 售后状态 "-" is an order closed unpaid — no purchase.
    const net = (l: OrderLine) => l.status !== '待支付' && !(l.status === '已关闭' && (l.aftersaleStatus ?? '-') === '-');
    const days = [...new Set(lines.map((l) => l.submittedAt.slice(0, 10)))].sort();
    const ranges: [string, string][] = [[days[0]!, days.at(-1)!], [days[3]!, days[3]!], [days[5]!, days[11]!]];
    for (const [from, to] of ranges) {
      const inRange: RepeatLine[] = lines
        .filter((l) => net(l) && l.submittedAt.slice(0, 10) >= from && l.submittedAt.slice(0, 10) <= to)
        .map((l) => ({ orderId: l.orderId, productId: l.productId, buyer: l.recipient ? `${l.recipient}|${l.phone}|${l.district}` : null }));
      const want = summariseRepeatBuyers(inRange, 5);
      const { from: _from, to: _to, sinceVersion: _since, products, ...got } = await repeatBuyers(db as unknown as Kysely<Database>, { from, to, top: 5 });
      expect(got).toEqual({ ...want, products: undefined });
      expect(products.map(({ name: _name, ...p }) => p)).toEqual(want.products);
    }
    const whole = await repeatBuyers(db as unknown as Kysely<Database>, { from: days[0]!, to: days.at(-1)!, top: 5 });
    expect(whole.repeatBuyers).toBeGreaterThan(10);
    expect(whole.products.length).toBeGreaterThan(0);
    await session.close();
  });

  it('stays exact through a second export that changes statuses and adds orders, its undo, and the migration backfill', async () => {
    const pool = Array.from({ length: 30 }, (_, i) => ({ recipient: `${'刘王陈张李'[i % 5]}**`, phone: `13${i % 10}****${String(2000 + i).slice(-4)}` }));
    const shop = (seed: number, firstDay: number, count: number) => {
      let order = -1;
      let last = '';
      return take(orderLines({ seed, firstId: BigInt(6938412705519000000 + seed * 1_000_000) }), count).map((l) => {
        if (l.orderId !== last) [order, last] = [order + 1, l.orderId];
        const who = order % 7 === 6 ? null : pool[(order * 11) % pool.length]!;
        const day = `2026-08-${String(firstDay + (order % 12)).padStart(2, '0')}`;
        return { ...l, submittedAt: `${day}${l.submittedAt.slice(10)}`, paidAt: `${day}${l.paidAt.slice(10)}`, province: '浙江省', city: '杭州市', district: '余杭区', recipient: who?.recipient ?? null, phone: who?.phone ?? null };
      });
    };
    const first = shop(41, 1, 300);
    // The newer export touches only some days: the lines of 08-05 and 08-06 again, most now closed
    // unpaid or 待支付 (buyers whose only lines there drop out of those days), and new orders on
    // 08-14 … 08-25; every other day keeps its orders, which the chains must still count.
    const touchedAgain = first.filter((l) => l.submittedAt.startsWith('2026-08-05') || l.submittedAt.startsWith('2026-08-06'));
    const second = [
      ...touchedAgain.map((l, i) => (i % 3 === 2 ? l : i % 3 === 0 ? { ...l, status: '已关闭', aftersaleStatus: null } : { ...l, status: '待支付' })),
      ...shop(43, 14, 200),
    ];
    const dataDir = tempDir();
    const session = await openSession(dataDir);
    const { sqlite, db } = session.require();
    const kdb = db as unknown as Kysely<Database>;
    // The definition, read straight from order_lines as they are now.
    const expectExact = async (when: string) => {
      const lines = sqlite.prepare(`SELECT order_id AS orderId, buyer_key AS buyer, coalesce(product_id, '') AS productId, substr(submitted_at, 1, 10) AS day FROM order_lines WHERE ${NET_KEYED}`).all() as (RepeatLine & { day: string })[];
      for (const [from, to] of [['2026-08-01', '2026-08-31'], ['2026-08-03', '2026-08-09'], ['2026-08-10', '2026-08-21'], ['2026-08-05', '2026-08-05'], ['2026-08-07', '2026-08-16']] as const) {
        const want = summariseRepeatBuyers(lines.filter((l) => l.day >= from && l.day <= to), 5);
        const { from: _f, to: _t, sinceVersion: _s, orders: _o, products, ...got } = await repeatBuyers(kdb, { from, to, top: 5 });
        expect({ when, from, to, ...got }).toEqual({ when, from, to, ...want, orders: undefined, products: undefined });
        expect(products.map(({ name: _n, ...p }) => p)).toEqual(want.products);
      }
    };
    okOutcome(await importInline(sqlite, writeExport(dataDir, '1786000000_first.csv', first)));
    await expectExact('first import');
    const newer = okOutcome(await importInline(sqlite, writeExport(dataDir, '1786100000_second.csv', second)));
    expect(newer.counts.updated).toBeGreaterThan(0);
    await expectExact('second import');
    const whole = await repeatBuyers(kdb, { from: '2026-08-01', to: '2026-08-31', top: 5 });
    expect(whole.distribution.filter((d) => d.orders >= 3 && d.buyers > 0).length).toBeGreaterThan(0);
    await undoImport(kdb, newer.importId!, new Date('2026-09-01T00:00:00Z'), 'zh-CN');
    await expectExact('undo');
    // The migration's backfill: a shop from before it gets the same chains.
    const before = sqlite.prepare('SELECT * FROM repeat_buyer_orders ORDER BY buyer_key, order_id').all();
    const products = sqlite.prepare('SELECT * FROM repeat_buyer_products ORDER BY buyer_key, product_id, order_id').all();
    const productDays = sqlite.prepare('SELECT * FROM repeat_buyer_product_days ORDER BY day, product_id').all();
    expect(productDays.length).toBeGreaterThan(0);
    await session.close();
    const raw = openDatabase(dataPaths(dataDir).dbFile);
    raw.exec('DROP TABLE repeat_buyer_orders; DROP TABLE repeat_buyer_products; DROP TABLE repeat_buyer_product_days');
    raw.pragma(`user_version = ${CHAIN_VERSION - 1}`);
    raw.close();
    const again = await openSession(dataDir);
    const s2 = again.require().sqlite;
    expect(s2.prepare('SELECT * FROM repeat_buyer_orders ORDER BY buyer_key, order_id').all()).toEqual(before);
    expect(s2.prepare('SELECT * FROM repeat_buyer_products ORDER BY buyer_key, product_id, order_id').all()).toEqual(products);
    expect(s2.prepare('SELECT * FROM repeat_buyer_product_days ORDER BY day, product_id').all()).toEqual(productDays);
    await again.close();
  });

  it('two data folders give the same buyer different keys (each has its own secret)', async () => {
    const keyOf = async () => {
      const dataDir = tempDir();
      const session = await openSession(dataDir);
      okOutcome(await importInline(session.require().sqlite, writeExport(dataDir, '1786000000_buyers.csv', shopLines().slice(0, 1))));
      const key = session.require().sqlite.prepare('SELECT buyer_key FROM order_lines').pluck().get() as string;
      await session.close();
      return key;
    };
    expect(await keyOf()).not.toBe(await keyOf());
  });
});
