import { describe, expect, it } from 'vitest';
import type { RoutineStatus } from '../shared/rpc/contract';
import { MAIN_STRINGS } from './main-strings';
import { trayRoutineView } from './tray-routine';

const base: RoutineStatus = {
  date: '2026-09-10',
  now: '2026-09-10T02:00:00.000Z',
  running: null,
  paused: null,
  next: { key: 'optimize', title: '商品优化', defaultKey: 'optimize' },
  blocksDone: 1,
  blocksTotal: 6,
  listed: { count: 3, min: 10, max: 30, isAvailable: true },
  influencers: { added: 4, goal: 10, streak: 2 },
  isClosed: false,
  pendingIdle: null,
};
const running = (spentSeconds: number): RoutineStatus => ({
  ...base,
  running: { key: 'data', title: '看数据', defaultKey: 'data', since: '2026-09-10T01:40:00.000Z', spentSeconds, targetMinutes: 30 },
});

describe('trayRoutineView', () => {
  it.each([
    ['running, 12 min left', running(18 * 60), 'zh-CN', '进行中：看数据，还剩 12 分钟', '看数据 剩12分'],
    ['running, seconds left round up', running(29 * 60 + 30), 'zh-CN', '进行中：看数据，还剩 1 分钟', '看数据 剩1分'],
    ['past the target', running(35 * 60 + 20), 'zh-CN', '进行中：看数据，已超过目标 5 分钟', '看数据 超5分'],
    ['English, default block named in English', running(18 * 60), 'en-US', 'Running: Check the data, 12 min left', 'Check the data 12m left'],
  ] as const)('%s', (_name, status, language, line, title) => {
    const view = trayRoutineView(status, MAIN_STRINGS[language], language);
    expect(view.status).toBe(line);
    expect(view.title).toBe(title);
    expect(view.toggle?.kind).toBe('pause');
  });

  it('paused: offers to resume it; nothing running: no toggle', () => {
    const paused = trayRoutineView({ ...base, paused: { key: 'data', title: '看数据', defaultKey: 'data', spentSeconds: 600, targetMinutes: 30 } }, MAIN_STRINGS['zh-CN'], 'zh-CN');
    expect(paused).toMatchObject({ status: '已暂停：看数据', title: '', toggle: { kind: 'resume', label: '继续「看数据」' } });
    const idle = trayRoutineView(base, MAIN_STRINGS['zh-CN'], 'zh-CN');
    expect(idle).toMatchObject({ status: '没有进行中的安排', toggle: null, next: '下一项：商品优化' });
  });

  it('progress: blocks done and products listed against the daily range; a renamed block keeps its name', () => {
    const view = trayRoutineView({ ...base, next: { key: 'custom-1', title: '直播复盘', defaultKey: null } }, MAIN_STRINGS['en-US'], 'en-US');
    expect(view.progress).toBe('Today: 1/6 blocks done · 3/10–30 products listed');
    expect(view.next).toBe('Next: 直播复盘');
    expect(view.influencers).toBe('Influencers: 4/10 added today · goal met 2 days in a row');
    expect(trayRoutineView(base, MAIN_STRINGS['zh-CN'], 'zh-CN').influencers).toBe('联系达人：今日新增 4/10 个 · 连续达标 2 天');
    expect(trayRoutineView({ ...base, next: null }, MAIN_STRINGS['zh-CN'], 'zh-CN').next).toBeNull();
  });
});
