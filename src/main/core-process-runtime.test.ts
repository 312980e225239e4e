import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { silentLogger } from '../core/log';
import { createClient } from '../shared/rpc/client';
import { SHUTDOWN_MESSAGE } from './core-control';
import { startCoreHost } from './core-host';
import { DAILY_BACKUP_CHECK_MINUTES, runCoreProcess, type ParentPortLike } from './core-process-runtime';
import type { UtilityProcessLike } from './utility-port';

/**
 * Both ends of Electron's utility-process channel in one Node process: `child` is what main holds
 * (UtilityProcess), `parentPort` is what the core process sees. Messages are structured-cloned
 * and delivered asynchronously, like the real channel.
 */
function channel() {
  const toChild = new EventEmitter();
  const toMain = new EventEmitter();
  const exits = new EventEmitter();
  let arrived = 0;
  toChild.on('message', () => {
    arrived += 1;
    toChild.emit('arrived');
  });
  /** Resolves once the core side has been handed `count` messages in all. */
  const atCore = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (arrived < count) return;
        toChild.off('arrived', check);
        resolve();
      };
      toChild.on('arrived', check);
      check();
    });
  const parentPort: ParentPortLike = {
    on: (_event, listener) => toChild.on('message', listener),
    postMessage: (message) => setTimeout(() => toMain.emit('message', structuredClone(message)), 0),
  };
  const child: UtilityProcessLike = {
    postMessage: (message) => setTimeout(() => toChild.emit('message', { data: structuredClone(message) }), 0),
    on: ((event: 'message' | 'exit', listener: (...args: unknown[]) => void) => (event === 'exit' ? exits : toMain).on(event, listener)) as UtilityProcessLike['on'],
    kill: () => exits.emit('exit', -1),
  };
  return { parentPort, child, atCore, exit: (code: number) => exits.emit('exit', code) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('runCoreProcess', () => {
  it('opens the core with the data folder, the daily backup timer and the desktop as the lock holder', async () => {
    const { parentPort } = channel();
    const createCoreSpy = vi.fn(async (_o: CoreOptions) => ({ onEvent: () => () => {}, close: async () => {} }) as unknown as Core);
    await runCoreProcess({ parentPort, dataDir: '/data', createCore: createCoreSpy, log: silentLogger, exit: vi.fn() });
    expect(createCoreSpy).toHaveBeenCalledWith({ dataDir: '/data', log: silentLogger, dailyBackupCheckMinutes: DAILY_BACKUP_CHECK_MINUTES, opener: 'desktop' });
    expect(DAILY_BACKUP_CHECK_MINUTES).toBe(30);
  });

  it('answers requests that arrived while the database was opening, in order', async () => {
    const { parentPort, child, atCore } = channel();
    let open!: (core: Core) => void;
    const handled: number[] = [];
    const fakeCore = {
      handle: async (r: { id: number }) => (handled.push(r.id), { kind: 'response', id: r.id, ok: true, value: r.id }),
      onEvent: () => () => {},
      close: async () => {},
    } as unknown as Core;
    const running = runCoreProcess({ parentPort, dataDir: '/d', createCore: () => new Promise((r) => (open = r)), log: silentLogger, exit: vi.fn() });
    const client = createClient(startCoreHost({ fork: () => child, log: silentLogger, onGiveUp: vi.fn() }).connect());
    const answers = Promise.all([client.call('app.status', {}), client.call('settings.get', {})]);
    await atCore(2);
    expect(handled).toEqual([]);
    open(fakeCore);
    await running;
    await expect(answers).resolves.toEqual([1, 2]);
  });

  it('closes the core once on shutdown, even when asked twice, then exits 0', async () => {
    const { parentPort, child, atCore } = channel();
    const close = vi.fn(async () => {});
    let exited!: () => void;
    const exitCalled = new Promise<void>((r) => (exited = r));
    const exit = vi.fn(() => exited());
    await runCoreProcess({ parentPort, dataDir: '/d', createCore: async () => ({ onEvent: () => () => {}, close }) as unknown as Core, log: silentLogger, exit });
    child.postMessage(SHUTDOWN_MESSAGE);
    child.postMessage(SHUTDOWN_MESSAGE);
    await Promise.all([atCore(2), exitCalled]);
    expect(close).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('exits 1 when the core cannot start', async () => {
    const { parentPort } = channel();
    const exit = vi.fn();
    await runCoreProcess({ parentPort, dataDir: '/d', createCore: () => Promise.reject(new Error('disk gone')), log: silentLogger, exit });
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('end to end with the real core: main’s client reads and writes settings, shutdown closes SQLite cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-core-process-'));
    dirs.push(dataDir);
    const { parentPort, child, exit } = channel();
    const exited = vi.fn((code: number) => exit(code));
    void runCoreProcess({ parentPort, dataDir, createCore, log: silentLogger, exit: exited });
    const host = startCoreHost({ fork: () => child, log: silentLogger, onGiveUp: vi.fn() });
    const client = createClient(host.connect());
    const changed = vi.fn();
    client.on('settings.changed', changed);

    expect(await client.call('settings.get', {})).toMatchObject({ closeToTrayExplained: false });
    await client.call('settings.update', { closeToTrayExplained: true });
    expect(await client.call('settings.get', {})).toMatchObject({ closeToTrayExplained: true });
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ closeToTrayExplained: true }));

    await host.stop();
    await host.stop();
    expect(exited).toHaveBeenCalledExactlyOnceWith(0);
    const wal = join(dataDir, 'shopdesk.sqlite-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  });
});
