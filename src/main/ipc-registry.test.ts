import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isTrustedSender, originOf, registerIpc } from './ipc-registry';

const TRUSTED = ['app://shop'];
const top = (url: string) => ({ url, parent: null });
const SENDERS = {
  'app main frame': { frame: top('app://shop/index.html'), trusted: true },
  'app main frame, route': { frame: top('app://shop/orders?x=1#y'), trusted: true },
  'evil origin': { frame: top('https://evil.com/'), trusted: false },
  'look-alike host': { frame: top('app://shop.evil/'), trusted: false },
  'other scheme, same host': { frame: top('https://shop/'), trusted: false },
  'file page': { frame: top('file:///etc/passwd'), trusted: false },
  'about:blank': { frame: top('about:blank'), trusted: false },
  'iframe of the app': { frame: { url: 'app://shop/index.html', parent: top('app://shop/') }, trusted: false },
  'null frame': { frame: null, trusted: false },
  'disposed frame': {
    frame: {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
    },
    trusted: false,
  },
} as const;

describe('isTrustedSender', () => {
  it.each(Object.entries(SENDERS))('%s', (_name, { frame, trusted }) => {
    expect(isTrustedSender(frame, TRUSTED)).toBe(trusted);
  });

  it('trusts the dev server origin only when it is listed', () => {
    expect(isTrustedSender(top('http://localhost:5173/'), TRUSTED)).toBe(false);
    expect(isTrustedSender(top('http://localhost:5173/'), [...TRUSTED, 'http://localhost:5173'])).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), [...TRUSTED, 'http://localhost:5173'])).toBe(false);
  });

  it('builds origins for custom schemes (WHATWG says "null")', () => {
    expect(originOf('app://shop/x')).toBe('app://shop');
    expect(originOf('not a url')).toBeNull();
  });
});

function setup() {
  const ipcMain = { on: vi.fn(), handle: vi.fn() };
  const onRejected = vi.fn();
  const registry = registerIpc(ipcMain, { trustedOrigins: TRUSTED, onRejected });
  return { ipcMain, onRejected, registry };
}

describe('registerIpc', () => {
  it.each(Object.entries(SENDERS))('on(): %s', (_name, { frame, trusted }) => {
    const { ipcMain, registry, onRejected } = setup();
    const parse = vi.fn((raw: unknown) => (typeof raw === 'string' ? raw : null));
    const listener = vi.fn();
    registry.on('chan', parse, listener);
    expect(ipcMain.on).toHaveBeenCalledWith('chan', expect.any(Function));
    const raw = ipcMain.on.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => void;
    raw({ senderFrame: frame }, 'payload');
    expect(listener).toHaveBeenCalledTimes(trusted ? 1 : 0);
    // The sender is checked before the payload is even looked at.
    expect(parse).toHaveBeenCalledTimes(trusted ? 1 : 0);
    if (!trusted) expect(onRejected).toHaveBeenCalledWith('chan', 'sender');
  });

  it('on(): drops payloads the parser refuses, and extra arguments', () => {
    const { ipcMain, registry, onRejected } = setup();
    const listener = vi.fn();
    registry.on('chan', (raw) => (typeof raw === 'string' ? raw : null), listener);
    const raw = ipcMain.on.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => void;
    raw({ senderFrame: SENDERS['app main frame'].frame }, 42);
    raw({ senderFrame: SENDERS['app main frame'].frame }, 'a', 'b');
    expect(listener).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith('chan', 'payload');
  });

  it.each(Object.entries(SENDERS))('handle(): %s', async (_name, { frame, trusted }) => {
    const { ipcMain, registry } = setup();
    const handler = vi.fn(async (_e: unknown, [n]: [number]) => n * 2);
    registry.handle('double', z.tuple([z.number()]), handler);
    const raw = ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    const result = raw({ senderFrame: frame }, 21);
    if (trusted) await expect(result).resolves.toBe(42);
    else await expect(result).rejects.toThrow('forbidden sender');
    expect(handler).toHaveBeenCalledTimes(trusted ? 1 : 0);
  });

  it('handle(): validates the argument tuple with zod', async () => {
    const { ipcMain, registry } = setup();
    const handler = vi.fn();
    registry.handle('double', z.tuple([z.number()]), handler);
    const raw = ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    const event = { senderFrame: SENDERS['app main frame'].frame };
    await expect(raw(event, '21')).rejects.toThrow('invalid arguments');
    await expect(raw(event)).rejects.toThrow('invalid arguments');
    await expect(raw(event, 1, 2)).rejects.toThrow('invalid arguments');
    expect(handler).not.toHaveBeenCalled();
  });
});
