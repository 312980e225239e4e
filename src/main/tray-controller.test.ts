import type { Menu } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { FakeTray } from '../../tests/helpers/fake-electron';
import { createTrayController } from './tray-controller';

const labelsOf = (tray: FakeTray) => {
  const menu = tray.setContextMenu.mock.calls.at(-1)?.[0] as { template: { label?: string; checked?: boolean }[] };
  return menu.template.map((i) => (i.checked === undefined ? i.label : `${i.label}:${i.checked}`));
};

describe('createTrayController', () => {
  it('rebuilds the menu in the current language and state; click opens; destroy once', () => {
    const open = vi.fn();
    const controller = createTrayController({
      Tray: FakeTray as never,
      Menu: { buildFromTemplate: (template) => ({ template }) as unknown as Menu },
      icon: '/icon.png',
      actions: { open, setStartAtLogin: vi.fn(), quit: vi.fn() },
    });
    const tray = FakeTray.instances.at(-1)!;
    expect(labelsOf(tray)).toEqual(['打开', '开机启动:false', undefined, '退出']);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('小店工作台');
    controller.update({ language: 'en-US' });
    controller.update({ state: { startAtLogin: true } });
    expect(labelsOf(tray)).toEqual(['Open', 'Start at login:true', undefined, 'Quit']);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('ShopDesk');
    tray.emit('click');
    expect(open).toHaveBeenCalledOnce();
    controller.destroy();
    controller.destroy();
    controller.update({ language: 'zh-CN' });
    expect(tray.destroy).toHaveBeenCalledOnce();
    expect(labelsOf(tray)).toEqual(['Open', 'Start at login:true', undefined, 'Quit']);
  });
});
