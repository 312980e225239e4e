import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS, DESKTOP_EVENTS, RPC_CHANNEL } from '../main/ipc-channels';
import type { PreloadBridge } from '../shared/preload-bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { send: vi.fn(), on: vi.fn(), removeListener: vi.fn(), invoke: vi.fn(async () => undefined) },
  webUtils: { getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '') },
}));
vi.mock('electron', () => electron);

let bridge: PreloadBridge;

beforeEach(async () => {
  vi.resetModules();
  vi.clearAllMocks();
  await import('./index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, PreloadBridge];
  expect(name).toBe('appBridge');
  bridge = exposed;
});

describe('preload', () => {
  it('exposes exactly the PreloadBridge shape and nothing of ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['desktop', 'onMessage', 'send']);
    expect(Object.keys(bridge.desktop).sort()).toEqual(['getStartAtLogin', 'onOpenSubject', 'openDataFolder', 'openExternal', 'openLogFolder', 'pathForFile', 'setStartAtLogin']);
    for (const value of [...Object.values(bridge), ...Object.values(bridge.desktop)]) {
      expect(value).not.toBe(electron.ipcRenderer);
      if (typeof value === 'object') expect(value).toBe(bridge.desktop);
    }
  });

  it('send and onMessage use the one RPC channel; the page never gets the IPC event', () => {
    const message = { kind: 'request', id: 1, method: 'app.status', params: {} } as const;
    bridge.send(message);
    expect(electron.ipcRenderer.send).toHaveBeenCalledExactlyOnceWith(RPC_CHANNEL, message);

    const listener = vi.fn();
    const off = bridge.onMessage(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (event: unknown, m: unknown) => void];
    expect(channel).toBe(RPC_CHANNEL);
    forward({ sender: 'ipc event with sender' }, { kind: 'event', event: 'x', payload: 1 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ kind: 'event', event: 'x', payload: 1 });
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(RPC_CHANNEL, forward);
  });

  it('desktop calls invoke their fixed channels with only their arguments', async () => {
    await bridge.desktop.openDataFolder();
    await bridge.desktop.openLogFolder();
    await bridge.desktop.openExternal('https://doudian.com/');
    await bridge.desktop.getStartAtLogin();
    await bridge.desktop.setStartAtLogin(true, false);
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [DESKTOP_CHANNELS.openDataFolder],
      [DESKTOP_CHANNELS.openLogFolder],
      [DESKTOP_CHANNELS.openExternal, 'https://doudian.com/'],
      [DESKTOP_CHANNELS.getStartAtLogin],
      [DESKTOP_CHANNELS.setStartAtLogin, true, false],
    ]);
  });

  it('pathForFile asks webUtils and never throws', () => {
    expect(bridge.desktop.pathForFile({ path: '/tmp/订单.csv' })).toBe('/tmp/订单.csv');
    electron.webUtils.getPathForFile.mockImplementationOnce(() => {
      throw new TypeError('not a File');
    });
    expect(bridge.desktop.pathForFile({})).toBe('');
  });

  it('onOpenSubject passes on only a short string from main, never the IPC event', () => {
    const listener = vi.fn();
    const off = bridge.desktop.onOpenSubject(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (event: unknown, subject: unknown) => void];
    expect(channel).toBe(DESKTOP_EVENTS.openSubject);
    for (const payload of ['supplier:12', { subject: 'supplier:12' }, 12, 'x'.repeat(201)]) forward({ sender: 'ipc event with sender' }, payload);
    expect(listener.mock.calls).toEqual([['supplier:12']]);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(DESKTOP_EVENTS.openSubject, forward);
  });
});
