import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS, DESKTOP_EVENTS, RPC_CHANNEL } from '../shared/ipc-channels';
import type { PreloadBridge } from '../shared/preload-bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { send: vi.fn(), on: vi.fn(), removeListener: vi.fn(), invoke: vi.fn(async () => undefined) },
  webUtils: { getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '') },
}));
vi.mock('electron', () => electron);

let bridge: PreloadBridge;
const rpcListener = () => electron.ipcRenderer.on.mock.calls.find(([channel]) => channel === RPC_CHANNEL) as unknown as [string, (event: unknown, frame: unknown) => void];

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
    expect(Object.keys(bridge).sort()).toEqual(['desktop', 'onClosed', 'onMessage', 'send']);
    expect(Object.keys(bridge.desktop).sort()).toEqual(['getStartAtLogin', 'onOpenSubject', 'openDataFolder', 'openExternal', 'openLogFolder', 'pathForFile', 'setStartAtLogin']);
    for (const value of [...Object.values(bridge), ...Object.values(bridge.desktop)]) {
      expect(value).not.toBe(electron.ipcRenderer);
      if (typeof value === 'object') expect(value).toBe(bridge.desktop);
    }
  });

  it('send tags every envelope with this page’s key on the one RPC channel', () => {
    const message = { kind: 'request', id: 1, method: 'app.status', params: {} } as const;
    bridge.send(message);
    bridge.send({ ...message, id: 2 });
    const [first, second] = electron.ipcRenderer.send.mock.calls as unknown as [string, { page: string; message: unknown }][];
    expect(first?.[0]).toBe(RPC_CHANNEL);
    expect(first?.[1]).toEqual({ page: expect.stringMatching(/^[0-9a-f]{32}$/), message });
    expect(second?.[1].page).toBe(first?.[1].page);
  });

  it('onMessage passes on only what is tagged for this page, and never the IPC event', () => {
    bridge.send({ kind: 'request', id: 1, method: 'app.status', params: {} });
    const page = (electron.ipcRenderer.send.mock.calls[0] as unknown as [string, { page: string }])[1].page;
    const listener = vi.fn();
    const off = bridge.onMessage(listener);
    const [channel, forward] = rpcListener();
    expect(channel).toBe(RPC_CHANNEL);
    const answer = { kind: 'response', id: 1, ok: true, value: 42 };
    forward({ sender: 'ipc event with sender' }, { page, message: answer });
    forward({}, { page: 'f'.repeat(32), message: { kind: 'response', id: 1, ok: true, value: 'meant for the page before the reload' } });
    forward({}, answer);
    forward({}, null);
    forward({}, { page });
    expect(listener.mock.calls).toEqual([[answer]]);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(RPC_CHANNEL, forward);
  });

  it('a reloaded page (the preload run again) has a new key', async () => {
    bridge.send({ kind: 'request', id: 1, method: 'app.status', params: {} });
    vi.resetModules();
    await import('./index');
    const reloaded = electron.contextBridge.exposeInMainWorld.mock.calls[1]?.[1] as unknown as PreloadBridge;
    reloaded.send({ kind: 'request', id: 1, method: 'app.status', params: {} });
    const [before, after] = (electron.ipcRenderer.send.mock.calls as unknown as [string, { page: string }][]).map(([, frame]) => frame.page);
    expect(after).not.toBe(before);
  });

  it('onClosed reports that the core has stopped for good, also to a listener that comes later', async () => {
    const early = vi.fn();
    const off = bridge.onClosed(early);
    const stopped = electron.ipcRenderer.on.mock.calls.filter(([channel]) => channel === DESKTOP_EVENTS.coreStopped).map(([, l]) => l as (event: unknown) => void);
    for (const listener of stopped) listener({ sender: 'ipc event with sender' });
    expect(early).toHaveBeenCalledExactlyOnceWith();
    const late = vi.fn();
    bridge.onClosed(late);
    await Promise.resolve();
    expect(late).toHaveBeenCalledExactlyOnceWith();
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(DESKTOP_EVENTS.coreStopped, expect.any(Function));
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
    const [channel, forward] = electron.ipcRenderer.on.mock.calls.find(([c]) => c === DESKTOP_EVENTS.openSubject) as unknown as [string, (event: unknown, subject: unknown) => void];
    expect(channel).toBe(DESKTOP_EVENTS.openSubject);
    for (const payload of ['supplier:12', { subject: 'supplier:12' }, 12, 'x'.repeat(201)]) forward({ sender: 'ipc event with sender' }, payload);
    expect(listener.mock.calls).toEqual([['supplier:12']]);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(DESKTOP_EVENTS.openSubject, forward);
  });
});
