import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { createCore, type Core } from '../../src/core/create-core';
import type { DatabaseSession } from '../../src/core/db/database-session';
import { silentLogger } from '../../src/core/log';
import { loadOrdersPicture, orderQueues } from '../../src/core/orders/orders-picture';
import { loadOverdueAt, loadShipWindows } from '../../src/core/orders/ship-queue-reads';
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

describe('the kept shipping counts (kept per data version for a span of moments)', () => {
  // The sample's order is due at 2026-08-05 08:15:20 China time.
  const SHIP_BY = Date.parse('2026-08-05T08:15:20+08:00');
  const at = (ms: number) => new Date(ms).toISOString();

  it('answer an import, its undo and the clock passing the ship-by at either edge of the window, forward and back', async () => {
    const { core, queues } = await startCore('2026-08-04T12:00:00+08:00');
    const overdueTotal = async () => (await core.call('reminders.list', {})).overdueOrders.total;
    // Kept before the import: nothing to ship at this moment.
    expect(await queues()).toMatchObject({ shipWithin24h: NONE, shipOverdue: NONE });
    await core.call('imports.run', { jobId: 'moment-cache-1', sources: [{ type: 'path', path: SAMPLE }] });
    expect(await queues()).toMatchObject({ shipWithin24h: GIFT, shipOverdue: NONE });
    expect(await overdueTotal()).toBe(0);
    // The window's far edge: now + 24 h = ship-by is within, a minute earlier is not (the test clock runs on
    // from where it is set, so only moments at or after an edge are exact; the sweep below is to the millisecond).
    await core.call('testing.setTime', { at: at(SHIP_BY - 24 * 3600_000 - 60_000) });
    expect(await queues()).toMatchObject({ shipWithin24h: NONE, shipOverdue: NONE });
    await core.call('testing.setTime', { at: at(SHIP_BY - 24 * 3600_000) });
    expect(await queues()).toMatchObject({ shipWithin24h: GIFT, shipOverdue: NONE });
    // Near edge: overdue from the ship-by itself (ship-by ≤ now), within a minute before.
    await core.call('testing.setTime', { at: at(SHIP_BY - 60_000) });
    expect(await queues()).toMatchObject({ shipWithin24h: GIFT, shipOverdue: NONE });
    expect(await overdueTotal()).toBe(0);
    await core.call('testing.setTime', { at: at(SHIP_BY) });
    expect(await queues()).toMatchObject({ shipWithin24h: NONE, shipOverdue: GIFT });
    expect(await overdueTotal()).toBe(1);
    // Back before the ship-by, where a span was kept: the same answer as then.
    await core.call('testing.setTime', { at: at(SHIP_BY - 60_000) });
    expect(await queues()).toMatchObject({ shipWithin24h: GIFT, shipOverdue: NONE });
    expect(await overdueTotal()).toBe(0);
    // The undo at a moment whose counts are kept: nothing is left to ship.
    await core.call('testing.setTime', { at: at(SHIP_BY + 60_000) });
    expect(await queues()).toMatchObject({ shipOverdue: GIFT });
    const importId = (await core.call('imports.history', {}))[0]?.id ?? 0;
    expect(await core.call('imports.undo', { importId })).toMatchObject({ undone: true });
    expect(await queues()).toMatchObject({ shipWithin24h: NONE, shipOverdue: NONE });
    expect(await overdueTotal()).toBe(0);
    // Imported again at the same moment: seen again.
    await core.call('imports.run', { jobId: 'moment-cache-2', sources: [{ type: 'path', path: SAMPLE }] });
    expect(await queues()).toMatchObject({ shipOverdue: GIFT });
    expect(await overdueTotal()).toBe(1);
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

  it('give at every moment what a fresh read gives, as the clock sweeps over every ship-by forward and back and lines are added', async () => {
    const db = await open();
    const due = ['2026-09-10 11:00:00', '2026-09-10 11:00:00', '2026-09-10 14:30:00', '2026-09-11 09:00:00', '2026-09-12 10:00:00'];
    await seedOrderLines(db, due.map((promised, i) => ({ sub: `s${i}`, order: `o${i >> 1}`, status: '待发货', submitted: '2026-09-09 10:00:00', promised })));
    // Inside a transaction nothing is kept: the reference read.
    const fresh = (t: number) => db.transaction().execute(async (trx) => ({ windows: await loadShipWindows(trx, new Date(t), 24), overdue: await loadOverdueAt(trx, t) }));
    const kept = async (t: number) => ({ windows: await loadShipWindows(db, new Date(t), 24), overdue: await loadOverdueAt(db, t) });
    const ms = (d: string) => Date.parse(`${d.replace(' ', 'T')}+08:00`);
    // Each ship-by and the moment it enters the 24-hour window, and a millisecond either side.
    const moments = (times: readonly string[]) =>
      [...new Set(times.flatMap((d) => [ms(d), ms(d) - 24 * 3600_000]))].flatMap((t) => [t - 1, t, t + 1]).sort((a, b) => a - b);
    const sweep = async (times: readonly string[]) => {
      const forward = moments(times);
      for (const t of [...forward, ...forward.reverse()]) expect(await kept(t), new Date(t).toISOString()).toEqual(await fresh(t));
    };
    await sweep(due);
    // Lines added (a new rowid) due inside a kept span: the kept spans are dropped.
    const halfPast = china('2026-09-10 12:30').getTime();
    expect((await kept(halfPast)).overdue).toEqual({ orders: 1, lines: 2 });
    const more = ['2026-09-10 12:00:00', '2026-09-11 09:00:00'];
    await seedOrderLines(db, more.map((promised, i) => ({ sub: `n${i}`, order: `n${i}`, status: '待发货', submitted: '2026-09-09 10:00:00', promised })));
    expect((await kept(halfPast)).overdue).toEqual({ orders: 2, lines: 3 });
    await sweep([...due, ...more]);
  });
});
