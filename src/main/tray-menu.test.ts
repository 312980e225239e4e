import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MAIN_STRINGS } from './main-strings';
import { buildTrayMenuTemplate } from './tray-menu';

const actions = () => ({ open: vi.fn(), setStartAtLogin: vi.fn(), quit: vi.fn() });
const shape = (items: MenuItemConstructorOptions[]) => items.map(({ id, label, type, checked }) => ({ id, label, type, checked }));
const click = (item: MenuItemConstructorOptions | undefined, menuItem: Partial<MenuItem> = {}) =>
  (item?.click as unknown as (i: Partial<MenuItem>) => void)(menuItem);

describe('buildTrayMenuTemplate', () => {
  it('Chinese labels, start at login off', () => {
    expect(shape(buildTrayMenuTemplate({ startAtLogin: false }, MAIN_STRINGS['zh-CN'], actions()))).toEqual([
      { id: 'open', label: '打开', type: undefined, checked: undefined },
      { id: 'start-at-login', label: '开机启动', type: 'checkbox', checked: false },
      { id: undefined, label: undefined, type: 'separator', checked: undefined },
      { id: 'quit', label: '退出', type: undefined, checked: undefined },
    ]);
  });

  it('English labels, start at login on', () => {
    expect(shape(buildTrayMenuTemplate({ startAtLogin: true }, MAIN_STRINGS['en-US'], actions()))).toEqual([
      { id: 'open', label: 'Open', type: undefined, checked: undefined },
      { id: 'start-at-login', label: 'Start at login', type: 'checkbox', checked: true },
      { id: undefined, label: undefined, type: 'separator', checked: undefined },
      { id: 'quit', label: 'Quit', type: undefined, checked: undefined },
    ]);
  });

  it('each item runs its action; the checkbox passes the new value', () => {
    const a = actions();
    const [open, startAtLogin, , quit] = buildTrayMenuTemplate({ startAtLogin: false }, MAIN_STRINGS['zh-CN'], a);
    click(open);
    click(startAtLogin, { checked: true });
    click(quit);
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.setStartAtLogin).toHaveBeenCalledWith(true);
    expect(a.quit).toHaveBeenCalledOnce();
  });

  it('every string main shows exists in both languages', () => {
    const zh = MAIN_STRINGS['zh-CN'];
    const en = MAIN_STRINGS['en-US'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(zh), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });
});
