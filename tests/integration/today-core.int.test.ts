import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { AdjustableClock } from '../../src/shared/clock';
import type { RpcEvent } from '../../src/shared/rpc/envelope';
import { china } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('routine and reminders through the core (as the harness runs them)', () => {
  it('start a block, move the clock to its target, get the reminder, finish, close the day, see the streak', async () => {
    // The harness's clock runs on from where testing.setTime put it; here it stands still between the
    // moves, so the 15 minutes below are exactly 900 s however long the calls take on a busy machine.
    const stopped = new Date();
    const clock = new AdjustableClock({ now: () => stopped });
    const core = await createCore({ dataDir: tempDir(), log: silentLogger, testingClock: clock, reminderCheckSeconds: 3600 });
    const events: RpcEvent[] = [];
    core.onEvent((e) => events.push(e));
    try {
      await core.call('reminders.updateSettings', { kinds: { 'listing.slot': false } });
      await core.call('testing.setTime', { at: china('2026-09-10 09:30').toISOString() });
      const started = await core.call('routine.start', { block: 'data' });
      expect(started.running).toMatchObject({ key: 'data', spentSeconds: 0, targetMinutes: 30 });
      expect(events.map((e) => e.event)).toContain('routine.changed');

      await core.call('testing.setTime', { at: china('2026-09-10 09:45').toISOString() });
      const mid = await core.call('routine.today', {});
      const data = mid.blocks.find((b) => b.key === 'data');
      expect(data).toMatchObject({ status: 'running', isOverTarget: false, spentSeconds: 900 });

      await core.call('testing.setTime', { at: new Date(china('2026-09-10 10:00').getTime() + 1000).toISOString() });
      const fired = events.filter((e) => e.event === 'reminders.fired');
      expect(fired).toHaveLength(1);
      expect(fired[0]?.payload).toMatchObject({ reminders: [{ key: 'routine.targetReached:2026-09-10:data' }], notifications: [{ title: '「看数据」已到目标时间' }] });
      expect((await core.call('reminders.list', { locale: 'en-US' })).fired[0]).toMatchObject({ title: '“Check the data” has reached its target', state: 'fired' });

      // Moving on does not fire it again.
      await core.call('testing.setTime', { at: china('2026-09-10 10:05').toISOString() });
      expect(events.filter((e) => e.event === 'reminders.fired')).toHaveLength(1);

      for (const key of ['data', 'optimize', 'sourcing', 'orders', 'influencers', 'campaigns']) await core.call('routine.finish', { block: key });
      const closed = await core.call('routine.closeDay', { date: '2026-09-10' });
      expect(closed).toMatchObject({ state: 'done', isClosed: true });
      const today = await core.call('routine.today', {});
      expect(today).toMatchObject({ isClosed: true, streak: { current: 1, best: 1 } });
      const history = await core.call('routine.history', { from: '2026-09-01', to: '2026-09-30' });
      expect(history.days.map((d) => d.date)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`));
      expect(history.days.at(-1)).toMatchObject({ state: 'done', targetMinutes: 210 });
      expect(history.days.at(-1)?.spentMinutes).toBeGreaterThanOrEqual(34);
    } finally {
      await core.close();
    }
  });

  it('refuses bad params at the boundary', async () => {
    const core = await createCore({ dataDir: tempDir(), log: silentLogger, reminderCheckSeconds: 0 });
    try {
      await expect(core.call('routine.history', { from: '2026-01-01', to: '2027-06-01' })).rejects.toMatchObject({ code: 'VALIDATION' });
      await expect(core.call('routine.saveBlock', { title: '', targetMinutes: 10, weekdays: [], checklist: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
      await expect(core.call('reminders.snooze', { key: 'nothing:here', choice: '10m' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(core.call('routine.check', { itemId: 99999, checked: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await core.close();
    }
  });
});
