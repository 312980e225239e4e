import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoutineDatabase } from '../../src/core/db/routine-schema';
import type { DatabaseSession } from '../../src/core/db/database-session';
import { silentLogger } from '../../src/core/log';
import { dismissReminder, listDue, loadCentre, snoozeReminder } from '../../src/core/reminders/reminder-service';
import { DEFAULT_REMINDER_SETTINGS, writeReminderSettings } from '../../src/core/reminders/reminder-settings';
import { writeQuota } from '../../src/core/sourcing/quota';
import type { SourcingDatabase } from '../../src/core/sourcing/sourcing-schema';
import { createReminderScheduler } from '../../src/core/reminders/scheduler';
import { startBlock } from '../../src/core/routine/timer-actions';
import type { Notification } from '../../src/shared/notifier';
import type { Events } from '../../src/shared/rpc/contract';
import { ManualClock } from '../helpers/data-folder';
import { china, openRoutineDb, seedOrderLines } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

/** The same database typed with the sourcing tables: the listing slots are the 选品 quota's. */
const sourcingDb = (db: Kysely<RoutineDatabase>) => db as unknown as Kysely<SourcingDatabase>;
const NO_SLOT_REMINDERS = { kinds: { ...DEFAULT_REMINDER_SETTINGS.kinds, 'listing.slot': false } };

const tempDir = useTempDirs();
const sessions: DatabaseSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function setup(start: string) {
  const opened = await openRoutineDb(tempDir());
  sessions.push(opened.session);
  const clock = new ManualClock(china(start).toISOString());
  const fired: Events['reminders.fired'][] = [];
  const notified: Notification[] = [];
  const scheduler = createReminderScheduler({
    db: () => opened.db,
    clock,
    log: silentLogger,
    language: async () => 'zh-CN',
    emit: (_event, payload) => fired.push(payload),
    notifier: { notify: (n) => notified.push(n) },
  });
  const keys = async () => (await scheduler.check()).map((r) => r.key);
  const moveTo = (text: string) => clock.advance(china(text).getTime() - clock.now().getTime());
  return { db: opened.db, clock, scheduler, fired, notified, keys, moveTo };
}

describe('the reminder scheduler', () => {
  it('fires each reminder once, through the event and the notifier, and records it', async () => {
    const { keys, moveTo, fired, notified, db, clock } = await setup('2026-09-10 08:59');
    expect(await keys()).toEqual([]);
    moveTo('2026-09-10 09:00');
    expect(await keys()).toEqual(['listing.slot:2026-09-10:09:00']);
    expect(await keys()).toEqual([]);
    expect(fired[0]?.reminders[0]).toMatchObject({ kind: 'listing.slot', title: '09:00 上新时段：现在上架 3 个商品', subject: 'slot:09:00' });
    expect(notified).toEqual([{ key: 'listing.slot:2026-09-10:09:00', subject: 'slot:09:00', title: '09:00 上新时段：现在上架 3 个商品', body: expect.stringContaining('还没有计划商品') as string }]);
    const centre = await loadCentre(db, clock.now(), 'en-US');
    expect(centre.fired.map((r) => [r.key, r.title])).toEqual([['listing.slot:2026-09-10:09:00', '09:00 listing slot: list 3 products now']]);
    expect(centre.upcoming.map((r) => r.key)).toEqual(['listing.slot:2026-09-10:12:00', 'listing.slot:2026-09-10:20:00', 'listing.slot:2026-09-11:09:00']);
  });

  it('snooze brings it back after the snooze; dismiss silences it for good', async () => {
    const { keys, moveTo, db, clock } = await setup('2026-09-10 09:00');
    expect(await keys()).toEqual(['listing.slot:2026-09-10:09:00']);
    await snoozeReminder(db, 'listing.slot:2026-09-10:09:00', '10m', clock.now(), 'zh-CN');
    expect((await loadCentre(db, clock.now(), 'zh-CN')).snoozed.map((r) => r.key)).toEqual(['listing.slot:2026-09-10:09:00']);
    moveTo('2026-09-10 09:09');
    expect(await keys()).toEqual([]);
    moveTo('2026-09-10 09:10');
    expect(await keys()).toEqual(['listing.slot:2026-09-10:09:00']);
    await dismissReminder(db, 'listing.slot:2026-09-10:09:00', clock.now(), 'zh-CN');
    moveTo('2026-09-10 09:30');
    expect(await keys()).toEqual([]);
    expect((await listDue(db, clock.now(), 'zh-CN')).reminders).toEqual([]);
  });

  it('holds reminders in quiet hours and fires them when the quiet hours end', async () => {
    const { keys, moveTo, db, clock } = await setup('2026-09-10 07:00');
    await writeReminderSettings(db, { quietHours: { isEnabled: true, start: '22:00', end: '08:00' } }, clock.now());
    await writeQuota(sourcingDb(db), { min: 10, max: 30, slots: [{ time: '07:30', count: 2 }] }, clock.now());
    moveTo('2026-09-10 07:40');
    expect(await keys()).toEqual([]);
    expect((await listDue(db, clock.now(), 'zh-CN')).reminders.map((r) => r.key)).toEqual(['listing.slot:2026-09-10:07:30']);
    expect((await loadCentre(db, clock.now(), 'zh-CN')).isQuietNow).toBe(true);
    moveTo('2026-09-10 08:00');
    expect(await keys()).toEqual(['listing.slot:2026-09-10:07:30']);
  });

  it('a running block reaching its target suggests the next block', async () => {
    const { keys, moveTo, db, fired } = await setup('2026-09-10 10:00');
    await writeReminderSettings(db, NO_SLOT_REMINDERS, china('2026-09-10 10:00'));
    await startBlock(db, 'data', china('2026-09-10 10:00'));
    moveTo('2026-09-10 10:29');
    expect(await keys()).toEqual([]);
    moveTo('2026-09-10 10:30');
    expect(await keys()).toEqual(['routine.targetReached:2026-09-10:data']);
    expect(fired.at(-1)?.reminders[0]).toMatchObject({ title: '「看数据」已到目标时间', body: '已做满 30 分钟。建议开始下一项：商品优化。' });
  });

  it('groups many orders of one kind into one notification', async () => {
    const { keys, moveTo, db, notified } = await setup('2026-09-10 12:00');
    await writeReminderSettings(db, NO_SLOT_REMINDERS, china('2026-09-10 12:00'));
    await seedOrderLines(db, [
      { sub: 's1', order: 'o1', status: '待发货', submitted: '2026-09-09 10:00:00', promised: '2026-09-10 20:00:00' },
      { sub: 's2', order: 'o2', status: '待发货', submitted: '2026-09-09 10:00:00', promised: '2026-09-11 08:00:00' },
      { sub: 's3', order: 'o3', status: '待发货', submitted: '2026-09-08 10:00:00', promised: '2026-09-10 10:00:00' },
    ]);
    moveTo('2026-09-10 12:01');
    // Overdue orders are one reminder per day (issue 10).
    expect((await keys()).sort()).toEqual(['orders.shipDue:o1', 'orders.shipDue:o2', 'orders.shipOverdue:2026-09-10']);
    expect(notified.map((n) => n.title).sort()).toEqual(['2 个订单需在 24 小时内发货', '已超时未发货 1 单']);
  });
});
