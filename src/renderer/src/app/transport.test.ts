import { describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../../shared/preload-bridge';
import { createClient } from '../../../shared/rpc/client';
import type { RpcMessage } from '../../../shared/rpc/envelope';
import { harnessSocketUrl, openTransport } from './transport';

describe('harnessSocketUrl', () => {
  it.each([
    [{ host: '127.0.0.1:4321', search: '?token=abc' }, 'ws://127.0.0.1:4321/rpc?token=abc'],
    [{ host: 'localhost:9', search: '?x=1&token=a-b_c' }, 'ws://localhost:9/rpc?token=a-b_c'],
    [{ host: '127.0.0.1:1', search: '?token=a%2Bb%3D' }, 'ws://127.0.0.1:1/rpc?token=a%2Bb%3D'],
    [{ host: '127.0.0.1:1', search: '?token=a&b=c%26token%3Dx' }, 'ws://127.0.0.1:1/rpc?token=a'],
    [{ host: '127.0.0.1:1', search: '' }, null],
    [{ host: '127.0.0.1:1', search: '?token=' }, null],
  ])('%j → %s', (location, expected) => {
    expect(harnessSocketUrl(location)).toBe(expected);
  });
});

const fakeBridge = () => {
  const listeners = new Set<(m: RpcMessage) => void>();
  const closedListeners = new Set<() => void>();
  const sent: RpcMessage[] = [];
  const bridge: PreloadBridge = {
    send: (m) => sent.push(m),
    onMessage: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onClosed: (l) => {
      closedListeners.add(l);
      return () => closedListeners.delete(l);
    },
    desktop: {
      openDataFolder: vi.fn(async () => {}),
      openLogFolder: vi.fn(async () => {}),
      openExternal: vi.fn(async () => false),
      pathForFile: () => '',
      getStartAtLogin: vi.fn(async () => false),
      setStartAtLogin: vi.fn(async () => {}),
      onOpenSubject: () => () => {},
    },
  };
  return { bridge, sent, deliver: (m: unknown) => listeners.forEach((l) => l(m as RpcMessage)), listeners, closedListeners, coreStops: () => [...closedListeners].forEach((l) => l()) };
};

describe('openTransport', () => {
  it('uses the desktop bridge when the preload provides one', async () => {
    const { bridge, sent, deliver, listeners } = fakeBridge();
    const { port, host } = await openTransport({ appBridge: bridge, location: { host: 'x', search: '?token=t' } });
    expect(host).toEqual({ kind: 'desktop', desktop: bridge.desktop });

    const received: RpcMessage[] = [];
    port.onMessage((m) => received.push(m));
    port.send({ kind: 'request', id: 1, method: 'app.status', params: {} });
    expect(sent).toEqual([{ kind: 'request', id: 1, method: 'app.status', params: {} }]);

    deliver({ kind: 'response', id: 1, ok: true, value: 42 });
    deliver({ kind: 'nonsense' });
    deliver(null);
    expect(received).toEqual([{ kind: 'response', id: 1, ok: true, value: 42 }]);

    const onClose = vi.fn();
    port.onClose(onClose);
    port.close();
    port.close();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
    port.send({ kind: 'request', id: 2, method: 'app.status', params: {} });
    expect(sent).toHaveLength(1);
  });

  it('closes when the bridge reports that the core has stopped for good: calls are answered at once, not left waiting', async () => {
    const { bridge, sent, listeners, closedListeners, coreStops } = fakeBridge();
    const { port } = await openTransport({ appBridge: bridge, location: { host: 'x', search: '' } });
    const client = createClient(port);
    const pending = client.call('app.status', {});
    const onClose = vi.fn();
    port.onClose(onClose);
    coreStops();
    expect(onClose).toHaveBeenCalledOnce();
    await expect(pending).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    await expect(client.call('app.status', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    expect(sent).toHaveLength(1);
    expect(listeners.size).toBe(0);
    expect(closedListeners.size).toBe(0);
  });

  it('refuses to guess when there is neither a bridge nor a harness token', async () => {
    await expect(openTransport({ appBridge: undefined, location: { host: '127.0.0.1:1', search: '' } })).rejects.toThrow(/no desktop bridge/);
  });
});
