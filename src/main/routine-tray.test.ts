import type { Menu, MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeTray, until } from '../../tests/helpers/fake-electron';
import { silentLogger } from '../core/log';
import type { RpcClient } from '../shared/rpc/client';
import type { RoutineStatus } from '../shared/rpc/contract';
import { showReminderNotifications, startRoutineTrayFeed } from './routine-tray-feed';
import { createTrayController } from './tray-controller';

const status = (spentSeconds: number | null): RoutineStatus => ({
  date: '2026-09-10',
  now: '2026-09-10T02:00:00.000Z',
  running: spentSeconds === null ? null : { key: 'data', title: '看数据', defaultKey: 'data', since: '2026-09-10T01:40:00.000Z', spentSeconds, targetMinutes: 30 },
  paused: spentSeconds === null ? { key: 'data', title: '看数据', defaultKey: 'data', spentSeconds: 600, targetMinutes: 30 } : null,
  next: { key: 'optimize', title: '商品优化', defaultKey: 'optimize' },
  blocksDone: 2,
  blocksTotal: 6,
  listed: { count: 4, min: 10, max: 30, isAvailable: true },
  influencers: { added: 4, goal: 10, streak: 2 },
  isClosed: false,
  pendingIdle: null,
});

/** A client whose `routine.status` answers from a queue and whose events the test emits. */
function fakeClient(answers: RoutineStatus[]) {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const call = vi.fn(async (method: string) => {
    if (method !== 'routine.status') return {};
    return answers.length > 1 ? answers.shift() : answers[0];
  });
  const client = {
    call,
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
    },
    close: () => {},
  } as unknown as RpcClient;
  const emit = (event: string, payload: unknown = {}) => listeners.get(event)?.forEach((l) => l(payload));
  return { client, call, emit };
}

const menuOf = (tray: FakeTray) => (tray.setContextMenu.mock.calls.at(-1)?.[0] as { template: MenuItemConstructorOptions[] }).template;
const labels = (tray: FakeTray) => menuOf(tray).map((i) => i.label ?? '—');
const click = (tray: FakeTray, id: string) => (menuOf(tray).find((i) => i.id === id)?.click as unknown as () => void)();

const controller = (showsTitle: boolean) => {
  const routine = { pause: vi.fn(), resume: vi.fn(), next: vi.fn() };
  const tray = createTrayController({
    Tray: FakeTray as never,
    Menu: { buildFromTemplate: (template) => ({ template }) as unknown as Menu },
    icon: '/icon.png',
    actions: { open: vi.fn(), setStartAtLogin: vi.fn(), quit: vi.fn(), routine },
    showsTitle,
  });
  return { tray, fake: FakeTray.instances.at(-1) as FakeTray, routine };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the tray shows the routine timer', () => {
  it('running block and remaining time in menu, tooltip and (macOS) title; pause, next; refreshed each minute', async () => {
    vi.useFakeTimers();
    const { tray, fake, routine } = controller(true);
    const { client, call, emit } = fakeClient([status(18 * 60), status(19 * 60), status(null)]);
    const feed = startRoutineTrayFeed({ client, tray, log: silentLogger });
    await until(() => labels(fake)[0] === '进行中：看数据，还剩 12 分钟');
    expect(labels(fake)).toEqual(['进行中：看数据，还剩 12 分钟', '暂停', '下一项：商品优化', '今日：已完成 2/6 项 · 上架 4/10–30 个', '联系达人：今日新增 4/10 个 · 连续达标 2 天', '—', '打开', '开机启动', '—', '退出']);
    expect(fake.setToolTip).toHaveBeenLastCalledWith('小店工作台\n进行中：看数据，还剩 12 分钟');
    expect(fake.setTitle).toHaveBeenLastCalledWith('看数据 剩12分');

    click(fake, 'routine-toggle');
    click(fake, 'routine-next');
    expect(routine.pause).toHaveBeenCalledOnce();
    expect(routine.next).toHaveBeenCalledOnce();

    // A minute later the remaining time has moved on.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(labels(fake)[0]).toBe('进行中：看数据，还剩 11 分钟');

    // Paused (the core says so after routine.changed): resume is offered, the title is cleared.
    emit('routine.changed');
    await until(() => labels(fake)[0] === '已暂停：看数据');
    expect(labels(fake)[1]).toBe('继续「看数据」');
    click(fake, 'routine-toggle');
    expect(routine.resume).toHaveBeenCalledOnce();
    expect(fake.setTitle).toHaveBeenLastCalledWith('');
    expect(fake.setToolTip).toHaveBeenLastCalledWith('小店工作台');

    // In English after a language change.
    tray.update({ language: 'en-US' });
    expect(labels(fake)[0]).toBe('Paused: Check the data');

    feed.stop();
    const calls = call.mock.calls.length;
    await vi.advanceTimersByTimeAsync(180_000);
    emit('routine.changed');
    expect(call.mock.calls.length).toBe(calls);
  });

  it('no title outside macOS, and no routine lines before the core answered', () => {
    const { fake } = controller(false);
    expect(labels(fake)).toEqual(['打开', '开机启动', '—', '退出']);
    expect(fake.setTitle).not.toHaveBeenCalled();
  });

  it('reminders the core fires become system notifications', () => {
    const { client, emit } = fakeClient([status(null)]);
    const notify = vi.fn();
    const stop = showReminderNotifications(client, { notify });
    emit('reminders.fired', { reminders: [], notifications: [{ key: 'k', title: '「看数据」已到目标时间', body: '…' }] });
    expect(notify).toHaveBeenCalledWith({ key: 'k', title: '「看数据」已到目标时间', body: '…' });
    stop();
    emit('reminders.fired', { reminders: [], notifications: [{ key: 'k2', title: 't', body: 'b' }] });
    expect(notify).toHaveBeenCalledOnce();
  });
});
