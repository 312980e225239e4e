import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { createCore, type Core } from '../../src/core/create-core';
import type { DatabaseSession } from '../../src/core/db/database-session';
import { silentLogger } from '../../src/core/log';
import { loadOrdersPicture, orderQueues } from '../../src/core/orders/orders-picture';
import { china, openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
// The reference export: a paid two-line order due 2026-08-05 08:15:20 China time, one open after-sale.
const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'douyin', '1791213782_3edeb47b86bdb5b9.csv');

const cores: Core[] = [];
const sessions: DatabaseSession[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const s of sessions.splice(0)) await s.close();
});

const NONE = { orders: 0, lines: 0 };
const GIFT = { orders: 1, lines: 2 };

async function startCore(at: string) {
  const clock = new AdjustableClock();
  clock.set(new Date(at));
  const dataDir = tempDir();
  const core = await createCore({ dataDir, log: silentLogger, testingClock: clock, reminderCheckSeconds: 3600 });
  cores.push(core);
  const queues = async () => (await core.call('routine.today', {})).queues;
  const shipKeys = async () => {
    const centre = await core.call('reminders.list', {});
    // Planned now (the log's fired entries stay in the centre after their rule stops: not these).
    return [...centre.upcoming, ...centre.fired]
      .filter((r) => r.state === 'due' || r.state === 'upcoming')
      .map((r) => r.key)
      .filter((k) => k.startsWith('orders.'))
      .sort();
  };
  return { core, clock, dataDir, queues, shipKeys };
}

/**
 * The orders picture is kept between calls (picture-cache.ts). Each test asks first, so the
 * picture is kept, then changes the data or the moment and checks the next answer sees it.
 */
describe('the kept orders picture never answers from before a change', () => {
  it('an import, then its undo', async () => {
    const { core, queues, shipKeys } = await startCore('2026-08-04T12:00:00+08:00');
    expect((await queues()).toPurchase).toEqual(NONE);
    expect(await shipKeys()).toEqual([]);
    const [outcome] = await core.call('imports.run', { jobId: 'picture-cache-1', sources: [{ type: 'path', path: SAMPLE }] });
    expect(outcome).toMatchObject({ refused: false, inserted: 5 });
    expect(await queues()).toMatchObject({ toPurchase: GIFT, shipWithin24h: GIFT, shipOverdue: NONE, afterSalesOpen: 1, hasOrderData: true });
    const keys = await shipKeys();
    // Overdue tomorrow morning (tomorrow's grouped reminder, upcoming); the due-within-24-h one fired at the import.
    expect(keys).toEqual(['orders.shipOverdue:2026-08-05']);
    const importId = (await core.call('imports.history', {}))[0]?.id ?? 0;
    expect(await core.call('imports.undo', { importId })).toMatchObject({ undone: true });
    expect(await queues()).toMatchObject({ toPurchase: NONE, shipWithin24h: NONE, afterSalesOpen: 0, hasOrderData: false });
    expect(await shipKeys()).toEqual([]);
  });

  it('a restore of a backup from before the import', async () => {
    const { core, queues } = await startCore('2026-08-04T12:00:00+08:00');
    const before = await core.call('backups.create', {});
    await core.call('imports.run', { jobId: 'picture-cache-2', sources: [{ type: 'path', path: SAMPLE }] });
    expect((await queues()).toPurchase).toEqual(GIFT);
    await core.call('backups.restore', { id: before.id });
    expect(await queues()).toMatchObject({ toPurchase: NONE, afterSalesOpen: 0, hasOrderData: false });
  });

  it('a clock moved forward past the ship-by time, then back, and to other China days', async () => {
    const { core, queues } = await startCore('2026-08-04T12:00:00+08:00');
    await core.call('imports.run', { jobId: 'picture-cache-3', sources: [{ type: 'path', path: SAMPLE }] });
    expect(await queues()).toMatchObject({ shipWithin24h: GIFT, shipOverdue: NONE });
    await core.call('testing.setTime', { at: '2026-08-05T09:00:00+08:00' });
    expect(await queues()).toMatchObject({ shipWithin24h: NONE, shipOverdue: GIFT });
    // Moving the clock checks the reminders: the overdue one fired at once.
    expect((await core.call('reminders.list', {})).fired.some((r) => r.key.startsWith('orders.shipOverdue:'))).toBe(true);
    await core.call('testing.setTime', { at: '2026-08-03T08:00:00+08:00' });
    expect(await queues()).toMatchObject({ shipWithin24h: NONE, shipOverdue: NONE, toPurchase: GIFT });
    // The 7-day series follows the China day it is asked on.
    const series = async () => (await core.call('routine.today', {})).blocks.find((b) => b.key === 'data')?.queue?.series?.map((d) => d.date);
    expect((await series())?.at(-1)).toBe('2026-08-03');
    await core.call('testing.setTime', { at: '2026-08-10T08:00:00+08:00' });
    expect((await series())?.at(-1)).toBe('2026-08-10');
  });
});

describe('loadOrdersPicture on one open database', () => {
  const open = async () => {
    const opened = await openRoutineDb(tempDir());
    sessions.push(opened.session);
    return opened.db;
  };
  const NOW = china('2026-09-10 12:00');

  it('sees lines written after it was kept, and keeps nothing inside a transaction', async () => {
    const db = await open();
    await seedOrderLines(db, [{ sub: 's1', order: 'o1', status: '待发货', submitted: '2026-09-09 10:00:00', promised: '2026-09-10 11:00:00' }]);
    expect(orderQueues(await loadOrdersPicture(db, NOW)).shipOverdue).toEqual({ orders: 1, lines: 1 });
    // Same import row (the seed reuses it): only the lines changed.
    await seedOrderLines(db, [{ sub: 's2', order: 'o2', status: '待发货', submitted: '2026-09-09 10:00:00', promised: '2026-09-10 11:30:00' }]);
    expect(orderQueues(await loadOrdersPicture(db, NOW)).shipOverdue).toEqual({ orders: 2, lines: 2 });
    await db.transaction().execute(async (trx) => {
      await seedOrderLines(trx as never, [{ sub: 's3', order: 'o3', status: '待发货', submitted: '2026-09-09 10:00:00', promised: '2026-09-10 11:45:00' }]);
      expect(orderQueues(await loadOrdersPicture(trx, NOW)).shipOverdue).toEqual({ orders: 3, lines: 3 });
    });
    expect(orderQueues(await loadOrdersPicture(db, NOW)).shipOverdue).toEqual({ orders: 3, lines: 3 });
  });

  it('shares one load between concurrent callers, and hands out pictures that are the same data', async () => {
    const db = await open();
    await seedOrderLines(db, [{ sub: 's1', order: 'o1', status: '待发货', submitted: '2026-09-09 10:00:00', promised: '2026-09-10 11:00:00' }]);
    const [a, b] = await Promise.all([loadOrdersPicture(db, NOW), loadOrdersPicture(db, NOW)]);
    expect(a.firstOrders).toBe(b.firstOrders);
    // The daily figures are copies: a caller changing them cannot change the next answer.
    (a.daily[0] as { orders: number }).orders = 99;
    expect((await loadOrdersPicture(db, NOW)).daily[0]?.orders).toBe(0);
  });
});
