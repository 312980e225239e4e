import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/log';
import { createClient } from '../shared/rpc/client';
import { FakeUtilityProcess, until } from '../../tests/helpers/fake-electron';
import { startCoreHost } from './core-host';
import { createDesktopPreferences } from './desktop-preferences';

function setup(loginEnabled = false) {
  const child = new FakeUtilityProcess('core', []);
  const client = createClient(startCoreHost({ fork: () => child, log: silentLogger, onGiveUp: vi.fn() }).connect());
  let enabled = loginEnabled;
  const loginItem = { get: vi.fn(() => enabled), set: vi.fn((e: boolean) => void (enabled = e)) };
  const tray = { update: vi.fn(), destroy: vi.fn() };
  const onFirstSettings = vi.fn();
  const prefs = createDesktopPreferences({ client, loginItem, tray, log: silentLogger, onFirstSettings });
  return { child, prefs, loginItem, tray, onFirstSettings };
}

describe('createDesktopPreferences', () => {
  it('reads the settings, shows the language and the real login item in the tray', async () => {
    const { prefs, tray, onFirstSettings } = setup(true);
    expect(prefs.settings()).toBeNull();
    await until(() => prefs.settings() !== null);
    expect(prefs.settings()).toMatchObject({ language: 'zh-CN' });
    expect(onFirstSettings).toHaveBeenCalledOnce();
    expect(tray.update).toHaveBeenLastCalledWith({ language: 'zh-CN', state: { startAtLogin: true } });
  });

  it('follows settings.changed (a language switch in the window)', async () => {
    const { prefs, child, tray } = setup();
    await until(() => prefs.settings() !== null);
    child.postMessage({ kind: 'request', id: 99, method: 'settings.update', params: { language: 'en-US' } });
    await until(() => prefs.settings()?.language === 'en-US');
    expect(prefs.settings()?.language).toBe('en-US');
    expect(tray.update).toHaveBeenLastCalledWith({ language: 'en-US', state: { startAtLogin: false } });
  });

  it('setStartAtLogin sets the OS entry, saves the choice and refreshes the tray', async () => {
    const { prefs, child, loginItem, tray } = setup();
    await prefs.setStartAtLogin(true, false);
    expect(loginItem.set).toHaveBeenCalledWith(true, false);
    expect(child.settings).toMatchObject({ startAtLogin: true, startHidden: false });
    expect(tray.update).toHaveBeenCalledWith({ state: { startAtLogin: true } });
    expect(prefs.getStartAtLogin()).toBe(true);
  });

  it('markCloseToTrayExplained records the setting in the core', async () => {
    const { prefs, child } = setup();
    await prefs.markCloseToTrayExplained();
    expect(child.settings.closeToTrayExplained).toBe(true);
  });
});
