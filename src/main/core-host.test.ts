import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/log';
import { createClient } from '../shared/rpc/client';
import { FakeUtilityProcess } from '../../tests/helpers/fake-electron';
import { startCoreHost, type CoreHostOptions } from './core-host';

afterEach(() => vi.useRealTimers());

function host(overrides: Partial<CoreHostOptions> = {}) {
  const children: FakeUtilityProcess[] = [];
  const onGiveUp = vi.fn();
  const core = startCoreHost({
    fork: () => {
      const child = new FakeUtilityProcess('core-process.js', []);
      children.push(child);
      return child;
    },
    log: silentLogger,
    onGiveUp,
    ...overrides,
  });
  return { core, children, onGiveUp };
}

describe('startCoreHost', () => {
  it('carries calls to the core process', async () => {
    const { core } = host();
    const client = createClient(core.connect());
    await expect(client.call('settings.get', {})).resolves.toMatchObject({ language: 'zh-CN' });
  });

  it('stop() asks the core to shut down once and waits for it to exit, however often it is called', async () => {
    const { core, children } = host();
    const first = core.stop();
    const second = core.stop();
    expect(second).toBe(first);
    await Promise.all([first, second, core.stop()]);
    expect(children).toHaveLength(1);
    expect(children[0]?.shutdownRequests()).toBe(1);
    expect(children[0]?.exited).toBe(true);
  });

  it('kills a core that does not stop within the timeout', async () => {
    vi.useFakeTimers();
    const { core, children } = host({ shutdownTimeoutMs: 1000 });
    const child = children[0]!;
    child.postMessage = vi.fn(); // ignores the shutdown message
    const kill = vi.spyOn(child, 'kill');
    const stopped = core.stop();
    await vi.advanceTimersByTimeAsync(999);
    expect(kill).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await stopped;
    expect(kill).toHaveBeenCalledOnce();
  });

  it('restarts a crashed core; clients keep their port', async () => {
    const { core, children } = host();
    const client = createClient(core.connect());
    children[0]?.exit(1);
    expect(children).toHaveLength(2);
    await expect(client.call('settings.get', {})).resolves.toMatchObject({ theme: 'system' });
  });

  it('a fatal V8 error (out of memory) is handled like an exit: nothing throws, calls in flight fail, the core restarts once', async () => {
    const { core, children, onGiveUp } = host({ maxRestarts: 1 });
    const client = createClient(core.connect());
    const first = children[0]!;
    first.postMessage = vi.fn(); // busy: never answers
    const kill = vi.spyOn(first, 'kill').mockImplementation(() => true);
    const inFlight = client.call('settings.get', {});
    expect(() => first.emit('error', 'FatalError', 'Reached heap limit', '{"report":"…"}')).not.toThrow();
    await expect(inFlight).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    expect(kill).toHaveBeenCalledOnce();
    expect(children).toHaveLength(1);
    first.exit(134); // Electron sends 'exit' after 'error'
    expect(children).toHaveLength(2);
    await expect(client.call('settings.get', {})).resolves.toMatchObject({ language: 'zh-CN' });
    // The error and its exit were one crash: one more is still within maxRestarts = 1.
    expect(onGiveUp).not.toHaveBeenCalled();
  });

  it('gives up after too many crashes in a short time, without restarting during a stop', async () => {
    let now = 0;
    const { core, children, onGiveUp } = host({ maxRestarts: 2, crashWindowMs: 60_000, now: () => now });
    children[0]?.exit(1);
    now = 70_000; // the first crash is outside the window by now
    children[1]?.exit(1);
    children[2]?.exit(1);
    expect(onGiveUp).not.toHaveBeenCalled();
    children[3]?.exit(1);
    expect(onGiveUp).toHaveBeenCalledWith(1);
    expect(children).toHaveLength(4);
    const client = createClient(core.connect());
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    await core.stop();
    expect(children).toHaveLength(4);
  });
});
