import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { autostartEntry, createLinuxAutostart, quoteExecArg } from './linux-autostart';
import { createElectronLoginItem, type LoginItemApp } from './login-item';

describe('createElectronLoginItem', () => {
  it('registers with --hidden only when asked, and keeps an explicit data folder', () => {
    const app = { getLoginItemSettings: vi.fn(() => ({ openAtLogin: false })), setLoginItemSettings: vi.fn() };
    const item = createElectronLoginItem(app as unknown as LoginItemApp, ['--data-dir', '/d']);
    item.set(true, true);
    item.set(true, false);
    item.set(false, false);
    expect(app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true, args: ['--data-dir', '/d', '--hidden'] }],
      [{ openAtLogin: true, args: ['--data-dir', '/d'] }],
      [{ openAtLogin: false, args: ['--data-dir', '/d'] }],
    ]);
  });

  it('reads the entry with either argument list (Windows matches by arguments)', () => {
    const app = {
      getLoginItemSettings: vi.fn((o: { args: string[] }) => ({ openAtLogin: o.args.includes('--hidden') })),
      setLoginItemSettings: vi.fn(),
    };
    expect(createElectronLoginItem(app as unknown as LoginItemApp, []).get()).toBe(true);
    app.getLoginItemSettings.mockReturnValue({ openAtLogin: false });
    expect(createElectronLoginItem(app as unknown as LoginItemApp, []).get()).toBe(false);
  });
});

describe('Linux autostart', () => {
  it('quotes Exec arguments per the desktop entry spec', () => {
    expect(quoteExecArg('/opt/ShopDesk/shopdesk')).toBe('/opt/ShopDesk/shopdesk');
    expect(quoteExecArg('/home/a b/ShopDesk.AppImage')).toBe('"/home/a b/ShopDesk.AppImage"');
    expect(quoteExecArg('x"$`\\')).toBe('"x\\"\\$\\`\\\\"');
    expect(autostartEntry('/opt/s', ['--hidden'], 'ShopDesk')).toContain('Exec=/opt/s --hidden\n');
  });

  it('writes, reads and removes ~/.config/autostart/shopdesk.desktop', () => {
    const home = mkdtempSync(join(tmpdir(), 'shopdesk-autostart-'));
    try {
      const item = createLinuxAutostart({ configHome: home, execPath: '/apps/Shop Desk.AppImage', extraArgs: ['--data-dir', '/d'], name: 'ShopDesk' });
      const file = join(home, 'autostart', 'shopdesk.desktop');
      expect(item.get()).toBe(false);
      item.set(true, true);
      expect(item.get()).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain('Exec="/apps/Shop Desk.AppImage" --data-dir /d --hidden\n');
      item.set(true, false);
      expect(readFileSync(file, 'utf8')).toContain('Exec="/apps/Shop Desk.AppImage" --data-dir /d\n');
      item.set(false, false);
      expect(existsSync(file)).toBe(false);
      item.set(false, false);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
