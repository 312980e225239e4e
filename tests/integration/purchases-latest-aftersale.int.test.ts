import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { silentLogger } from '../../src/core/log';
import { refreshDeskSummaries } from '../../src/core/orders/desk-summaries';
import { ALL_ORDER_DAYS, rebuildShipQueue } from '../../src/core/orders/ship-queue';
import { AdjustableClock } from '../../src/shared/clock';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, toCsv, type OrderLine } from '../fixtures/douyin/generator';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * DOUYIN_EXPORTS.md §5: "One sub-order can have several after-sales records; public importer code
 * keeps the latest by 售后申请时间." Today's queues read a line's 售后状态 that way
 * (currentAftersaleStatus); the purchases' "买家已申请退款" flag and the lines they show must agree
 * with them line by line, whatever the order row's own 售后状态 still says.
 */
const tempDir = useTempDirs();
const base = take(orderLines({ seed: 411 }), 1)[0]!;
let n = 0;
const line = (over: Partial<OrderLine>): OrderLine => {
  n += 1;
  const id = (6938412705519824000n + BigInt(n * 10)).toString();
  return { ...base, orderId: id, subOrderId: id, payableFen: 5900, unitPriceFen: 5900, promisedAt: '2026-08-05 10:00:00', paidAt: '2026-08-03 10:00:00', submittedAt: '2026-08-03 09:59:00', completedAt: null, shippedAt: null, aftersaleStatus: null, cancelReason: null, status: '待发货', ...over };
};

const LINES = {
  // An older open request, the latest refused: to ship (the old rule flagged it from the open one).
  refusedLater: { line: line({}), requests: [['售后待处理', '2026-08-03 11:00:00'], ['售后已拒绝', '2026-08-04 09:00:00']] },
  // The order row still says 售后待处理; the after-sales export's latest says closed: to ship.
  rowStale: { line: line({ aftersaleStatus: '售后待处理' }), requests: [['售后关闭', '2026-08-04 09:00:00']] },
  // The row says nothing; the latest request (stored first) is open: flagged.
  openLatest: { line: line({}), requests: [['待商家处理', '2026-08-04 12:00:00'], ['售后关闭', '2026-08-03 12:00:00']] },
  // The row says nothing; the only request was refunded: flagged.
  refunded: { line: line({}), requests: [['退款成功', '2026-08-04 12:00:00']] },
  // No request at all: to ship.
  plain: { line: line({}), requests: [] },
} as const;

async function imported() {
  const dataDir = tempDir();
  const file = join(tempDir(), '1786100000_latest.csv');
  const all = Object.values(LINES).map((l) => l.line);
  writeFileSync(file, toCsv([LAYOUT_A, ...all.map((l) => cellsFor(LAYOUT_A, orderCells(l)))]));
  const clock = new AdjustableClock();
  clock.set(new Date('2026-08-05T09:00:00+08:00'));
  const core = await createCore({ dataDir, log: silentLogger, clock });
  const [outcome] = await core.call('imports.run', { jobId: 'latest-aftersale', sources: [{ type: 'path', path: file }] });
  expect(outcome).toMatchObject({ refused: false, inserted: all.length });
  // The after-sales rows as the after-sales import stores them (only the columns these rules read).
  const sqlite = new Database(dataPaths(dataDir).dbFile);
  const insert = sqlite.prepare(`INSERT INTO aftersales (aftersale_id, sub_order_id, order_id, status, applied_at, extra_json, first_import_id, last_import_id) VALUES (?, ?, ?, ?, ?, '{}', 1, 1)`);
  let caseNo = 0;
  for (const { line: l, requests } of Object.values(LINES)) for (const [status, at] of requests) insert.run(`AS${(caseNo += 1)}`, l.subOrderId, l.orderId, status, at);
  // And the summaries an after-sales import keeps in the same transaction (Today's shipping queue, the desk's latest state).
  rebuildShipQueue(sqlite, sqlite.prepare(ALL_ORDER_DAYS).pluck().all() as string[]);
  refreshDeskSummaries(sqlite, { kind: 'aftersales', subOrders: 'all' });
  sqlite.close();
  return core;
}

describe('purchases read a line’s latest after-sales request as Today does', () => {
  it('flags 买家已申请退款 exactly on Today’s refund-before-ship lines', async () => {
    const core = await imported();
    const { queues } = await core.call('routine.today', {});
    expect(queues.refundBeforeShip).toEqual({ orders: 2, lines: 2 });
    expect(queues.toPurchase).toEqual({ orders: 3, lines: 3 });
    const expected = { refusedLater: false, rowStale: false, openLatest: true, refunded: true, plain: false };
    for (const [name, { line: l }] of Object.entries(LINES)) {
      const order = await core.call('purchases.forOrder', { orderId: l.orderId });
      expect(order.refundRequested, name).toBe(expected[name as keyof typeof expected]);
    }
    const list = await core.call('purchases.list', {});
    const flagged = list.rows.filter((r) => r.refundRequested).map((r) => r.orderId).sort();
    expect(flagged).toEqual([LINES.openLatest.line.orderId, LINES.refunded.line.orderId].sort());
    // The line a purchase shows carries the current 售后状态, not the row's stale one.
    const stale = await core.call('purchases.forOrder', { orderId: LINES.rowStale.line.orderId });
    expect(stale.lines[0]?.aftersaleStatus).toBe('售后关闭');
    // A purchase made on the flagged order keeps the flag.
    const made = await core.call('purchases.create', { orderId: LINES.openLatest.line.orderId });
    expect(made.refundRequested).toBe(true);
    await core.close();
  });
});
