import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { lineStage } from '../../src/shared/domain/order-line-state';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { latestSchemaVersion, migrations } from '../../src/core/db/migrations/index';
import type { Database as Schema } from '../../src/core/db/schema';
import { silentLogger } from '../../src/core/log';
import { countOpenAftersales, loadUnshippedLines } from '../../src/core/orders/order-queries';
import { loadShipTotals } from '../../src/core/orders/ship-queue-reads';
import { groupByOrder, shipByMs } from '../../src/core/orders/shipping';
import { writeOrdersExport } from '../bench/write-export';
import { useTempDirs } from '../helpers/temp-dir';
import { openRoutineDb, refreshShipQueue, seedOrderLines } from '../helpers/routine-db';
import { rebuildShipQueueAsync } from '../../src/core/orders/ship-queue';

/**
 * The shipping queue's summary (migration 0017) against the full read it replaced — the first
 * version's loadUnshippedLines + lineStage + groupByOrder + countOpenAftersales, still in
 * order-queries.ts — after every import, undo and restore, and after the migration's backfill.
 */
const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'douyin');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function expectExact(dataDir: string, step: string): Promise<void> {
  const sqlite = new Database(dataPaths(dataDir).dbFile, { readonly: true });
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const lines = await loadUnshippedLines(db);
    const toShip = lines.filter((l) => lineStage(l) === 'toShip').map((l) => ({ ...l, ms: shipByMs(l) }));
    const refunds = lines.filter((l) => lineStage(l) === 'refundBeforeShip');
    const storedLines = sqlite.prepare('SELECT sub_order_id AS sub, order_id AS orderId, to_ship AS toShip, ship_by_ms AS ms FROM ship_queue_lines ORDER BY sub_order_id').all();
    const expectedLines = [...toShip.map((l) => ({ sub: l.subOrderId, orderId: l.orderId, toShip: 1, ms: l.ms })), ...refunds.map((l) => ({ sub: l.subOrderId, orderId: l.orderId, toShip: 0, ms: shipByMs(l) }))].sort((a, b) =>
      a.sub < b.sub ? -1 : 1,
    );
    expect(storedLines, `${step}: lines`).toEqual(expectedLines);
    const refundsByOrder = new Map<string, number>();
    for (const l of refunds) refundsByOrder.set(l.orderId, (refundsByOrder.get(l.orderId) ?? 0) + 1);
    const grouped = new Map(groupByOrder(toShip.map((l) => ({ orderId: l.orderId, productTitle: l.productTitle, shipBy: l.ms === null ? null : new Date(l.ms) }))).map((o) => [o.orderId, o]));
    const orderIds = [...new Set([...grouped.keys(), ...refundsByOrder.keys()])].sort();
    const expectedOrders = orderIds.map((id) => {
      const o = grouped.get(id);
      return { orderId: id, ms: o?.shipBy?.getTime() ?? null, toShip: o?.lines ?? 0, refunds: refundsByOrder.get(id) ?? 0, title: o?.productTitle ?? null };
    });
    const storedOrders = sqlite.prepare('SELECT order_id AS orderId, ship_by_ms AS ms, to_ship_lines AS toShip, refund_lines AS refunds, product_title AS title FROM ship_queue_orders ORDER BY order_id').all();
    expect(storedOrders, `${step}: orders`).toEqual(expectedOrders);
    // Today's 售后处理中: the per-day summary plus the requests whose line is not imported.
    expect((await loadShipTotals(db)).afterSalesOpen, `${step}: after-sales open`).toBe(await countOpenAftersales(db));
  } finally {
    await db.destroy();
  }
}

describe('the shipping queue summary stays exact', () => {
  it('after imports of orders and after-sales, their undo (newest first and out of order) and a restore', async () => {
    const dataDir = tempDir();
    const clock = new AdjustableClock();
    clock.set(new Date('2026-09-01T12:00:00+08:00'));
    const core = await createCore({ dataDir, log: silentLogger, testingClock: clock, reminderCheckSeconds: 0 });
    cores.push(core);
    const generated = join(tempDir(), '1788321600_generated-3000.csv');
    await writeOrdersExport(generated, 3000, 7);
    let job = 0;
    const run = async (file: string) => {
      job += 1;
      const [outcome] = await core.call('imports.run', { jobId: `ship-queue-${job}`, sources: [{ type: 'path', path: file }] });
      expect(outcome).toMatchObject({ refused: false });
      await expectExact(dataDir, `import ${file}`);
    };
    await expectExact(dataDir, 'empty');
    // Taken before any import: the post-import steps that follow an import hold a transaction a backup cannot run in.
    const backup = await core.call('backups.create', {});
    await run(generated);
    await run(join(FIXTURES, 'orders-a.csv'));
    await run(join(FIXTURES, 'aftersales.csv'));
    await run(join(FIXTURES, '1791213782_3edeb47b86bdb5b9.csv'));
    const history = await core.call('imports.history', {});
    // The after-sales import (not the newest) can be undone alone: its lines' stages move back.
    const aftersales = history.find((h) => h.kind === 'aftersales');
    expect(aftersales).toBeDefined();
    expect(await core.call('imports.undo', { importId: aftersales!.id })).toMatchObject({ undone: true });
    await expectExact(dataDir, 'undo after-sales');
    expect(await core.call('imports.undo', { importId: history[0]!.id })).toMatchObject({ undone: true });
    await expectExact(dataDir, 'undo newest');
    await core.call('backups.restore', { id: backup.id });
    await expectExact(dataDir, 'restore');
    expect((await core.call('routine.today', {})).queues.toPurchase).toEqual({ orders: 0, lines: 0 });
    await run(generated);
  });

  it('with odd 订单提交时间 texts (not a date, a date only, none) and an order whose lines span days, also after lines change', async () => {
    const dataDir = tempDir();
    const { db, session } = await openRoutineDb(dataDir);
    try {
      await seedOrderLines(db, [
        { sub: 'a1', order: 'o1', status: '待发货', submitted: '2026-09-31 10:00:00', promised: '2026-09-10 11:00:00' },
        { sub: 'a2', order: 'o2', status: '待发货', submitted: '-' },
        { sub: 'a4', order: 'o4', status: '待发货', submitted: '2026-09-08 10:00:00', title: '先' },
        { sub: 'a5', order: 'o4', status: '待发货', submitted: '2026-09-09 10:00:00', title: '后', aftersale: '售后待处理' },
        { sub: 'a6', order: 'o4', status: '已支付', submitted: '2026-09-12 10:00:00', title: '再后' },
      ]);
      // A date without a time (no export writes one; the seed's summaries of 看数据 assume whole times), written as the line a7 below is.
      await db.insertInto('order_lines').values({ sub_order_id: 'a3', order_id: 'o3', status: '备货中', submitted_at: '2026-09-09', paid_at: '2026-09-09', product_title: '日期', aftersale_status: '-', extra_json: '{}', first_import_id: 1, last_import_id: 1 } as never).execute();
      await db.insertInto('order_lines').values({ sub_order_id: 'a7', order_id: 'o5', status: '待发货', submitted_at: null, paid_at: null, product_title: null, aftersale_status: null, extra_json: '{}', first_import_id: 1, last_import_id: 1 } as never).execute();
      await refreshShipQueue(db);
      await expectExact(dataDir, 'odd days');
      // One day of the spanning order changes (shipped): rebuilding that day alone must keep the order whole.
      await db.updateTable('order_lines').set({ status: '已发货', shipped_at: '2026-09-10 08:00:00' } as never).where('sub_order_id', '=', 'a4').execute();
      await rebuildShipQueueAsync(db as never, ['2026-09-08']);
      await expectExact(dataDir, 'one day of a spanning order rebuilt');
    } finally {
      await session.close();
    }
  });

  it('is filled by the migration from the lines imported before it', async () => {
    const dataDir = tempDir();
    const mine = migrations.find((m) => m.name === '0017-create-ship-queue')!;
    const first = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
    for (const [i, file] of ['orders-a.csv', 'aftersales.csv', '1791213782_3edeb47b86bdb5b9.csv'].entries()) {
      const [outcome] = await first.call('imports.run', { jobId: `before-${i}`, sources: [{ type: 'path', path: join(FIXTURES, file) }] });
      expect(outcome).toMatchObject({ refused: false });
    }
    await first.close();
    // The shop as the version before this migration left it: no summary tables.
    const raw = new Database(dataPaths(dataDir).dbFile);
    for (const table of ['ship_queue_lines', 'ship_queue_orders', 'ship_queue_days']) raw.exec(`DROP TABLE ${table}`);
    raw.pragma(`user_version = ${mine.version - 1}`);
    raw.close();
    const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
    cores.push(core);
    const sqlite = new Database(dataPaths(dataDir).dbFile, { readonly: true });
    expect(sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect((sqlite.prepare('SELECT count(*) AS n FROM ship_queue_orders').get() as { n: number }).n).toBeGreaterThan(0);
    sqlite.close();
    await expectExact(dataDir, 'backfill');
  });
});
