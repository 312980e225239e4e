import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
// A byte-exact copy of the reference export (5 lines: completed, shipped with open after-sales,
// a paid two-line order due 2026-08-05 08:15:20, and a closed one).
const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'douyin', '1791213782_3edeb47b86bdb5b9.csv');

describe("Today's order queues from an imported export", () => {
  it.each([
    // at (China time), ship within 24 h, overdue, to purchase, after-sales open
    ['2026-08-04T12:00:00+08:00', { orders: 1, lines: 2 }, { orders: 0, lines: 0 }],
    ['2026-08-03T08:00:00+08:00', { orders: 0, lines: 0 }, { orders: 0, lines: 0 }],
    ['2026-08-05T09:00:00+08:00', { orders: 0, lines: 0 }, { orders: 1, lines: 2 }],
  ])('at %s', async (at, shipWithin24h, shipOverdue) => {
    const clock = new AdjustableClock();
    clock.set(new Date(at));
    const core = await createCore({ dataDir: tempDir(), log: silentLogger, clock });
    const [outcome] = await core.call('imports.run', { jobId: 'today-queues-1', sources: [{ type: 'path', path: SAMPLE }] });
    expect(outcome).toMatchObject({ refused: false, kind: 'orders', inserted: 5 });
    const { queues } = await core.call('routine.today', {});
    expect(queues.shipWithin24h).toEqual(shipWithin24h);
    expect(queues.shipOverdue).toEqual(shipOverdue);
    // Paid and not shipped: the gift order's two lines, whatever the hour.
    expect(queues.toPurchase).toEqual({ orders: 1, lines: 2 });
    // 售后待处理 on the influencer order.
    expect(queues.afterSalesOpen).toBe(1);
    expect(queues.hasOrderData).toBe(true);
    await core.close();
  });
});
