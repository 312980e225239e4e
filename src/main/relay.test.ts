import { describe, expect, it, vi } from 'vitest';
import { inMemoryPortPair } from '../core/rpc/in-memory-port';
import type { RpcMessage } from '../shared/rpc/envelope';
import { RPC_CHANNEL } from '../shared/ipc-channels';
import { registerIpc } from './ipc-registry';
import { relayRendererToCore } from './relay';

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const ipcMain = { on: vi.fn(), handle: vi.fn() };
  const [mainSide, coreSide] = inMemoryPortPair();
  const fromRenderer: RpcMessage[] = [];
  coreSide.onMessage((m) => fromRenderer.push(m));
  const contents = { send: vi.fn(), isDestroyed: () => false };
  relayRendererToCore(registerIpc(ipcMain, { trustedOrigins: ['app://shop'] }), mainSide, () => contents);
  const [channel, listener] = ipcMain.on.mock.calls[0] as [string, (event: unknown, ...args: unknown[]) => void];
  const frame = { url: 'app://shop/', parent: null };
  return { channel, listener, contents, coreSide, fromRenderer, frame };
}

describe('relayRendererToCore', () => {
  it('uses the one RPC channel and forwards requests from the window to the core', async () => {
    const { channel, listener, contents, fromRenderer, frame } = setup();
    expect(channel).toBe(RPC_CHANNEL);
    listener({ sender: contents, senderFrame: frame }, { kind: 'request', id: 1, method: 'settings.get', params: {} });
    await tick();
    expect(fromRenderer).toEqual([{ kind: 'request', id: 1, method: 'settings.get', params: {} }]);
  });

  it.each([
    ['a response', { kind: 'response', id: 1, ok: true, value: 1 }],
    ['an event', { kind: 'event', event: 'settings.changed', payload: {} }],
    ['garbage', 'hello'],
    ['a request without id', { kind: 'request', method: 'x' }],
  ])('drops %s sent by the page', async (_name, payload) => {
    const { listener, contents, fromRenderer, frame } = setup();
    listener({ sender: contents, senderFrame: frame }, payload);
    await tick();
    expect(fromRenderer).toEqual([]);
  });

  it('drops requests from other webContents and untrusted frames', async () => {
    const { listener, contents, fromRenderer, frame } = setup();
    listener({ sender: { other: true }, senderFrame: frame }, { kind: 'request', id: 1, method: 'x', params: {} });
    listener({ sender: contents, senderFrame: { url: 'https://evil.com/', parent: null } }, { kind: 'request', id: 2, method: 'x', params: {} });
    await tick();
    expect(fromRenderer).toEqual([]);
  });

  it('sends what the core says to the window on the same channel', async () => {
    const { contents, coreSide } = setup();
    coreSide.send({ kind: 'event', event: 'settings.changed', payload: { language: 'en-US' } });
    await tick();
    expect(contents.send).toHaveBeenCalledWith(RPC_CHANNEL, { kind: 'event', event: 'settings.changed', payload: { language: 'en-US' } });
  });
});
