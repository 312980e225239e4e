import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/log';
import type { RpcClient } from '../shared/rpc/client';
import { observeIdle, startIdleWatch, type IdleSample, type IdleState } from './idle-watch';

const MIN = 60_000;
const run = (samples: IdleSample[]) => {
  let state: IdleState = { awaySince: null };
  const reports: { from: number; to: number }[] = [];
  for (const s of samples) {
    const step = observeIdle(state, s);
    state = step.state;
    if (step.report) reports.push(step.report);
  }
  return { reports, state };
};

describe('observeIdle', () => {
  it.each([
    ['busy all along', [{ kind: 'poll', now: 10 * MIN, idleSeconds: 5 }, { kind: 'poll', now: 11 * MIN, idleSeconds: 20 }], []],
    [
      'away 20 minutes: from the last input to the input that ended it',
      [
        { kind: 'poll', now: 10 * MIN, idleSeconds: 90 },
        { kind: 'poll', now: 25 * MIN, idleSeconds: 990 },
        { kind: 'poll', now: 30 * MIN, idleSeconds: 2 },
      ],
      [{ from: 10 * MIN - 90_000, to: 30 * MIN - 2000 }],
    ],
    [
      'asleep: from suspend to resume',
      [
        { kind: 'suspend', now: 10 * MIN },
        { kind: 'resume', now: 50 * MIN },
      ],
      [{ from: 10 * MIN, to: 50 * MIN }],
    ],
    [
      'idle, then asleep: one absence from the last input',
      [
        { kind: 'poll', now: 10 * MIN, idleSeconds: 120 },
        { kind: 'suspend', now: 11 * MIN },
        { kind: 'resume', now: 40 * MIN },
      ],
      [{ from: 8 * MIN, to: 40 * MIN }],
    ],
    ['a moment asleep is nothing', [{ kind: 'suspend', now: 10 * MIN }, { kind: 'resume', now: 10 * MIN + 5000 }], []],
  ] as const)('%s', (_name, samples, expected) => {
    expect(run([...samples]).reports).toEqual(expected);
  });
});

describe('startIdleWatch', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls the system idle time, listens to sleep, reports to the core and stops cleanly', async () => {
    vi.useFakeTimers();
    let clock = 10 * MIN;
    let idle = 0;
    const monitor = Object.assign(new EventEmitter(), { getSystemIdleTime: () => idle });
    const call = vi.fn(async () => ({}));
    const stop = startIdleWatch({ powerMonitor: monitor, client: { call } as unknown as RpcClient, log: silentLogger, now: () => clock, pollMs: 15_000 });
    idle = 600;
    clock = 20 * MIN;
    await vi.advanceTimersByTimeAsync(15_000);
    idle = 1;
    clock = 21 * MIN;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(call).toHaveBeenCalledWith('routine.reportIdle', { from: new Date(10 * MIN).toISOString(), to: new Date(21 * MIN - 1000).toISOString() });
    monitor.emit('suspend');
    clock = 60 * MIN;
    monitor.emit('resume');
    expect(call).toHaveBeenLastCalledWith('routine.reportIdle', { from: new Date(21 * MIN).toISOString(), to: new Date(60 * MIN).toISOString() });
    stop();
    expect(monitor.listenerCount('suspend')).toBe(0);
    const calls = call.mock.calls.length;
    idle = 900;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(call.mock.calls.length).toBe(calls);
  });
});
