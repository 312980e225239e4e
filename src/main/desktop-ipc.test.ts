import { describe, expect, it, vi } from 'vitest';
import { registerDesktopIpc, type DesktopActions } from './desktop-ipc';
import { DESKTOP_CHANNELS } from '../shared/ipc-channels';
import { registerIpc } from './ipc-registry';

const trusted = { senderFrame: { url: 'app://shop/', parent: null } };
const iframe = { senderFrame: { url: 'app://shop/', parent: { url: 'app://shop/' } } };

function setup() {
  const ipcMain = { on: vi.fn(), handle: vi.fn() };
  const actions = {
    openDataFolder: vi.fn(async () => {}),
    openLogFolder: vi.fn(async () => {}),
    openLink: vi.fn(async () => true),
    getStartAtLogin: vi.fn(() => true),
    setStartAtLogin: vi.fn(async () => {}),
  } satisfies DesktopActions;
  registerDesktopIpc(registerIpc(ipcMain, { trustedOrigins: ['app://shop'] }), actions);
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
    const entry = ipcMain.handle.mock.calls.find(([c]) => c === channel);
    if (!entry) throw new Error(`no handler for ${channel}`);
    return (entry[1] as (e: unknown, ...a: unknown[]) => Promise<unknown>)(event, ...args);
  };
  return { ipcMain, actions, invoke };
}

describe('registerDesktopIpc', () => {
  it('registers exactly the five desktop channels, all through ipcMain.handle', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle.mock.calls.map(([c]) => c).sort()).toEqual(Object.values(DESKTOP_CHANNELS).sort());
    expect(ipcMain.on).not.toHaveBeenCalled();
  });

  it('runs the actions with validated arguments', async () => {
    const { actions, invoke } = setup();
    await invoke(DESKTOP_CHANNELS.openDataFolder, trusted);
    await invoke(DESKTOP_CHANNELS.openLogFolder, trusted);
    expect(await invoke(DESKTOP_CHANNELS.openExternal, trusted, 'https://doudian.com/')).toBe(true);
    expect(await invoke(DESKTOP_CHANNELS.getStartAtLogin, trusted)).toBe(true);
    await invoke(DESKTOP_CHANNELS.setStartAtLogin, trusted, true, false);
    expect(actions.openDataFolder).toHaveBeenCalledOnce();
    expect(actions.openLogFolder).toHaveBeenCalledOnce();
    expect(actions.openLink).toHaveBeenCalledWith('https://doudian.com/');
    expect(actions.setStartAtLogin).toHaveBeenCalledWith(true, false);
  });

  it.each([
    [DESKTOP_CHANNELS.openDataFolder, ['/etc']],
    [DESKTOP_CHANNELS.openLogFolder, ['/etc']],
    [DESKTOP_CHANNELS.openExternal, [42]],
    [DESKTOP_CHANNELS.openExternal, ['x'.repeat(3000)]],
    [DESKTOP_CHANNELS.openExternal, []],
    [DESKTOP_CHANNELS.setStartAtLogin, ['yes', false]],
    [DESKTOP_CHANNELS.setStartAtLogin, [true]],
  ])('refuses bad arguments on %s: %j', async (channel, args) => {
    const { actions, invoke } = setup();
    await expect(invoke(channel, trusted, ...args)).rejects.toThrow('invalid arguments');
    for (const action of Object.values(actions)) expect(action).not.toHaveBeenCalled();
  });

  it('refuses an iframe before looking at the arguments', async () => {
    const { actions, invoke } = setup();
    await expect(invoke(DESKTOP_CHANNELS.setStartAtLogin, iframe, true, true)).rejects.toThrow('forbidden sender');
    expect(actions.setStartAtLogin).not.toHaveBeenCalled();
  });
});
