import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase } from '../../src/core/db/open-database';
import { AdjustableClock } from '../../src/shared/clock';
import { china } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

async function start() {
  const clock = new AdjustableClock();
  const dataDir = tempDir();
  const core = await createCore({ dataDir, log: silentLogger, testingClock: clock, reminderCheckSeconds: 0 });
  const at = (text: string) => core.call('testing.setTime', { at: china(text).toISOString() });
  const slotReminders = async () => (await core.call('reminders.list', { locale: 'zh-CN' })).upcoming.filter((r) => r.kind === 'listing.slot');
  return { core, dataDir, at, slotReminders };
}

describe('listing-slot reminders follow the 选品 quota (one setting)', () => {
  it('a slot moved on the sourcing screen moves its reminder; the text says how many to list and how many are planned', async () => {
    const { core, at, slotReminders } = await start();
    try {
      await at('2026-09-10 07:00');
      expect((await slotReminders()).filter((r) => r.dueAt.startsWith('2026-09-10')).map((r) => r.title)).toEqual([
        '09:00 上新时段：现在上架 3 个商品',
        '12:00 上新时段：现在上架 3 个商品',
        '20:00 上新时段：现在上架 4 个商品',
      ]);

      // The seller moves 12:00 to 12:30 (5 products) and plans two verified products for it.
      await core.call('sourcing.setQuota', { quota: { min: 12, max: 20, slots: [{ time: '09:00', count: 2 }, { time: '12:30', count: 5 }] } });
      for (const title of ['凉席', '风扇']) {
        const { product } = await core.call('products.create', { title, plannedSlot: '12:30' });
        await core.call('products.move', { ids: [product.id], to: 'verified' });
      }
      const today = (await slotReminders()).filter((r) => r.dueAt.startsWith('2026-09-10'));
      expect(today.map((r) => [r.key, r.title, r.subject])).toEqual([
        ['listing.slot:2026-09-10:09:00', '09:00 上新时段：现在上架 2 个商品', 'slot:09:00'],
        ['listing.slot:2026-09-10:12:30', '12:30 上新时段：现在上架 5 个商品', 'slot:12:30'],
      ]);
      expect(today[0]?.body).toContain('还没有计划商品');
      expect(today[1]?.body).toContain('已计划 2 个商品');
      expect(today[1]?.body).toContain('每天目标 12–20 个');

      // The lead time stays a reminder setting.
      await core.call('reminders.updateSettings', { listingLeadMinutes: 10 });
      expect((await slotReminders())[0]?.dueAt).toBe(china('2026-09-10 08:50').toISOString());
    } finally {
      await core.close();
    }
  });

  it('reminder settings no longer hold listing slots: a stored old row is ignored, and the contract refuses them', async () => {
    const { core, dataDir, at, slotReminders } = await start();
    try {
      await at('2026-09-10 06:00');
      // An older version kept its own slots here; the row stays in the file and changes nothing.
      const sqlite = openDatabase(dataPaths(dataDir).dbFile);
      try {
        sqlite.prepare('INSERT INTO reminder_settings (key, value, updated_at) VALUES (?, ?, ?)').run('listingSlots', JSON.stringify(['07:00']), '2026-09-01T00:00:00.000Z');
      } finally {
        sqlite.close();
      }
      const settings = await core.call('reminders.settings', {});
      expect(Object.keys(settings).sort()).toEqual(['isEnabled', 'kinds', 'listingLeadMinutes', 'quietHours', 'shipDueHours']);
      await expect(core.call('reminders.updateSettings', { listingSlots: ['07:00'] } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
      expect((await slotReminders()).map((r) => r.subject)).not.toContain('slot:07:00');
    } finally {
      await core.close();
    }
  });
});
