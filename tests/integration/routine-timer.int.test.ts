import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoutineDatabase } from '../../src/core/db/routine-schema';
import type { DatabaseSession } from '../../src/core/db/database-session';
import { loadDefinition, removeBlock, reorderBlocks, saveBlock } from '../../src/core/routine/definition';
import { closeDay, loadHistory, loadStreak } from '../../src/core/routine/history';
import { pendingIdle, reportIdle, resolveIdle } from '../../src/core/routine/idle-actions';
import { loadStatus, loadToday } from '../../src/core/routine/routine-now';
import { finishBlock, nextBlock, pauseRunning, resumeBlock, startBlock } from '../../src/core/routine/timer-actions';
import { china, openRoutineDb } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const sessions: DatabaseSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});
const open = async (dir = tempDir()) => {
  const opened = await openRoutineDb(dir);
  sessions.push(opened.session);
  return { ...opened, dir };
};
const spent = async (db: Kysely<RoutineDatabase>, at: Date) =>
  Object.fromEntries((await loadToday(db, at)).blocks.filter((b) => b.spentSeconds > 0 || b.status !== 'todo').map((b) => [b.block.key, [b.status, b.spentSeconds]]));

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('the routine timer on a real database', () => {
  it('seeds the default routine once: six blocks in order, 210 minutes, checklists', async () => {
    const { db } = await open();
    const status = await loadStatus(db, china('2026-09-10 08:00'));
    expect(status).toMatchObject({ date: '2026-09-10', running: null, paused: null, blocksDone: 0, blocksTotal: 6, next: { key: 'data' } });
    const definition = await loadDefinition(db);
    expect(definition.blocks.map((b) => b.title)).toEqual(['看数据', '商品优化', '选品', '订单处理', '联系达人', '活动报名']);
    expect(definition.blocks.reduce((s, b) => s + b.targetMinutes, 0)).toBe(210);
    expect(definition.blocks.find((b) => b.key === 'orders')?.checklist.map((i) => i.text)).toContain('检查客服 3 分钟回复率');
  });

  it.each(ZONES)('start, switch, pause, resume, finish and restart give the same times in %s', async (zone) => {
    process.env.TZ = zone;
    const { db, session, dir } = await open();
    await startBlock(db, 'data', china('2026-09-10 09:00'));
    expect(await spent(db, china('2026-09-10 09:10'))).toEqual({ data: ['running', 600] });

    // A restart (new process, new connection): the running block is still right, from its timestamps.
    await session.close();
    sessions.length = 0;
    const again = (await open(dir)).db;
    expect(await spent(again, china('2026-09-10 09:20'))).toEqual({ data: ['running', 1200] });

    await startBlock(again, '订单处理', china('2026-09-10 09:30'));
    expect(await spent(again, china('2026-09-10 09:40'))).toEqual({ data: ['paused', 1800], orders: ['running', 600] });
    await pauseRunning(again, china('2026-09-10 09:45'));
    await resumeBlock(again, undefined, china('2026-09-10 10:00'));
    await finishBlock(again, undefined, china('2026-09-10 10:05'));
    expect(await spent(again, china('2026-09-10 11:00'))).toEqual({ data: ['paused', 1800], orders: ['done', 1200] });
    const status = await loadStatus(again, china('2026-09-10 11:00'));
    expect(status).toMatchObject({ running: null, paused: { key: 'data', spentSeconds: 1800 }, blocksDone: 1 });
  });

  it('a clock moved back never books negative time; a stop before the start books nothing', async () => {
    const { db } = await open();
    await startBlock(db, 'data', china('2026-09-10 09:00'));
    expect(await spent(db, china('2026-09-10 08:30'))).toEqual({ data: ['running', 0] });
    await pauseRunning(db, china('2026-09-10 08:40'));
    expect(await spent(db, china('2026-09-10 12:00'))).toEqual({});
  });

  it.each(ZONES)('a block running across China midnight is split between the two days (%s)', async (zone) => {
    process.env.TZ = zone;
    const { db } = await open();
    await startBlock(db, 'sourcing', china('2026-09-10 23:50'));
    expect(await spent(db, china('2026-09-11 00:20'))).toEqual({ sourcing: ['running', 1200] });
    const [yesterday] = await loadHistory(db, '2026-09-10', '2026-09-10', china('2026-09-11 00:20'));
    expect(yesterday?.blocks.find((b) => b.key === 'sourcing')).toMatchObject({ spentMinutes: 10, status: 'paused' });
  });

  it('next finishes the block in hand and starts the next planned one', async () => {
    const { db } = await open();
    await startBlock(db, 'data', china('2026-09-10 09:00'));
    await nextBlock(db, china('2026-09-10 09:30'));
    expect(await spent(db, china('2026-09-10 09:40'))).toEqual({ data: ['done', 1800], optimize: ['running', 600] });
    await pauseRunning(db, china('2026-09-10 09:45'));
    await nextBlock(db, china('2026-09-10 09:50'));
    expect(await spent(db, china('2026-09-10 09:55'))).toEqual({ data: ['done', 1800], optimize: ['done', 900], sourcing: ['running', 300] });
  });

  it('unknown blocks and finishing with nothing running are refused', async () => {
    const { db } = await open();
    await expect(startBlock(db, 'nope', china('2026-09-10 09:00'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(finishBlock(db, undefined, china('2026-09-10 09:00'))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(resumeBlock(db, undefined, china('2026-09-10 09:00'))).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('idle time is asked about, never booked silently', () => {
  it.each([
    ['keep', 3000, 'running'],
    ['discard', 1200, 'running'],
    ['discardAndStop', 600, 'paused'],
  ] as const)('%s', async (action, seconds, status) => {
    const { db } = await open();
    await startBlock(db, 'data', china('2026-09-10 09:00'));
    await reportIdle(db, china('2026-09-10 09:10'), china('2026-09-10 09:40'), china('2026-09-10 09:40'));
    const question = await pendingIdle(db);
    expect(question).toMatchObject({ minutes: 30, blockKey: 'data' });
    await resolveIdle(db, question?.id ?? 0, action, china('2026-09-10 09:40'));
    expect(await pendingIdle(db)).toBeNull();
    expect(await spent(db, china('2026-09-10 09:50'))).toEqual({ data: [status, seconds] });
  });

  it('short absences and absences with nothing running raise no question', async () => {
    const { db } = await open();
    await reportIdle(db, china('2026-09-10 08:00'), china('2026-09-10 09:00'), china('2026-09-10 09:00'));
    await startBlock(db, 'data', china('2026-09-10 09:00'));
    await reportIdle(db, china('2026-09-10 09:01'), china('2026-09-10 09:05'), china('2026-09-10 09:05'));
    expect(await pendingIdle(db)).toBeNull();
  });
});

describe('closing days, history and the streak', () => {
  const finishAll = async (db: Kysely<RoutineDatabase>, date: string) => {
    for (const [i, key] of ['data', 'optimize', 'sourcing', 'orders', 'influencers', 'campaigns'].entries()) {
      await startBlock(db, key, china(`${date} 0${i + 1}:00`));
      await finishBlock(db, key, china(`${date} 0${i + 1}:30`));
    }
  };

  it('a day with every block done closes as done and counts for the streak; a missed day breaks it', async () => {
    const { db } = await open();
    await finishAll(db, '2026-09-07');
    await finishAll(db, '2026-09-08');
    const closed = await closeDay(db, '2026-09-08', china('2026-09-08 20:00'));
    expect(closed).toMatchObject({ state: 'done', isClosed: true, spentMinutes: 180, targetMinutes: 210 });
    expect(await loadStreak(db, china('2026-09-08 20:00'))).toEqual({ current: 2, best: 2, allowedMissesPerWeek: 1 });
    // 09-09 missed (one miss a week is allowed), 09-10 missed too: the streak ends.
    expect((await loadStreak(db, china('2026-09-10 08:00'))).current).toBe(2);
    expect(await loadStreak(db, china('2026-09-11 08:00'))).toEqual({ current: 0, best: 2, allowedMissesPerWeek: 1 });
    const history = await loadHistory(db, '2026-09-06', '2026-09-12', china('2026-09-11 08:00'));
    expect(history.map((d) => [d.date, d.state])).toEqual([
      ['2026-09-06', 'off'],
      ['2026-09-07', 'done'],
      ['2026-09-08', 'done'],
      ['2026-09-09', 'missed'],
      ['2026-09-10', 'missed'],
      ['2026-09-11', 'open'],
    ]);
  });

  it('closing today stops the timer and freezes the figures; working again reopens the day', async () => {
    const { db } = await open();
    await startBlock(db, 'data', china('2026-09-10 09:00'));
    const closed = await closeDay(db, '2026-09-10', china('2026-09-10 09:20'));
    expect(closed).toMatchObject({ state: 'partial', isClosed: true, spentMinutes: 20 });
    expect((await loadStatus(db, china('2026-09-10 10:00'))).running).toBeNull();
    expect((await closeDay(db, '2026-09-10', china('2026-09-10 10:00'))).spentMinutes).toBe(20);
    await startBlock(db, 'data', china('2026-09-10 10:00'));
    expect((await loadStatus(db, china('2026-09-10 10:10'))).isClosed).toBe(false);
    await expect(closeDay(db, '2026-09-11', china('2026-09-10 10:10'))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('history keeps a closed day as it was, also after the routine changed', async () => {
    const { db } = await open();
    await startBlock(db, 'data', china('2026-09-10 09:00'));
    await finishBlock(db, 'data', china('2026-09-10 09:30'));
    await closeDay(db, '2026-09-10', china('2026-09-10 21:00'));
    await saveBlock(db, { key: 'data', title: '数据复盘', targetMinutes: 45, weekdays: [1, 2, 3, 4, 5], checklist: [] }, china('2026-09-11 08:00'));
    const [day] = await loadHistory(db, '2026-09-10', '2026-09-10', china('2026-09-11 08:00'));
    expect(day?.blocks.find((b) => b.key === 'data')).toMatchObject({ title: '看数据', targetMinutes: 30, spentMinutes: 30, status: 'done' });
  });
});

describe('editing the routine', () => {
  it('rename, targets, weekdays, checklist, add, reorder, remove', async () => {
    const { db } = await open();
    const at = china('2026-09-10 08:00');
    await loadStatus(db, at);
    const before = await loadDefinition(db);
    const orders = before.blocks.find((b) => b.key === 'orders');
    // The English title sent back unchanged is no rename: the block stays translatable.
    await saveBlock(db, { key: 'orders', title: 'Orders', targetMinutes: 50, weekdays: [1, 2, 3, 4, 5, 6], checklist: (orders?.checklist ?? []).slice(1).map((i) => ({ id: i.id, text: i.text })).concat([{ id: undefined as never, text: '核对退货地址' }]) }, at);
    await saveBlock(db, { title: '直播复盘', targetMinutes: 15, weekdays: [1, 3, 5], checklist: [{ text: '看直播数据' }] }, at);
    let def = await loadDefinition(db);
    const edited = def.blocks.find((b) => b.key === 'orders');
    expect(edited).toMatchObject({ title: '订单处理', defaultKey: 'orders', targetMinutes: 50, weekdays: [1, 2, 3, 4, 5, 6] });
    expect(edited?.checklist.map((i) => i.text)).toEqual(['联系厂家采购，确认发货时间', '回复并安抚中差评', '检查客服 3 分钟回复率', '更新常见问题的快捷回复', '核对退货地址']);
    expect(def.blocks.at(-1)).toMatchObject({ key: 'custom-1', title: '直播复盘', defaultKey: null, weekdays: [1, 3, 5] });

    await reorderBlocks(db, ['custom-1', ...def.blocks.filter((b) => b.key !== 'custom-1').map((b) => b.key)], at);
    await removeBlock(db, 'campaigns', at);
    def = await loadDefinition(db);
    expect(def.blocks.map((b) => b.key)).toEqual(['custom-1', 'data', 'optimize', 'sourcing', 'orders', 'influencers']);
    await expect(reorderBlocks(db, ['data'], at)).rejects.toMatchObject({ code: 'VALIDATION' });
    await saveBlock(db, { key: 'data', title: '数据复盘', targetMinutes: 30, weekdays: [1, 2, 3, 4, 5, 6, 7], checklist: [] }, at);
    expect((await loadDefinition(db)).blocks.find((b) => b.key === 'data')).toMatchObject({ title: '数据复盘', defaultKey: null, checklist: [] });
  });

  it('weekdays decide what is planned: a Saturday without the block leaves it out of the day', async () => {
    const { db } = await open();
    const at = china('2026-09-10 08:00');
    await loadStatus(db, at);
    await saveBlock(db, { key: 'campaigns', title: '活动报名', targetMinutes: 20, weekdays: [1, 2, 3, 4, 5], checklist: [] }, at);
    expect((await loadStatus(db, china('2026-09-12 08:00'))).blocksTotal).toBe(5);
    expect((await loadStatus(db, china('2026-09-11 08:00'))).blocksTotal).toBe(6);
  });
});
