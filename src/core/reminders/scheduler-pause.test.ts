import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log';
import { createReminderScheduler } from './scheduler';

afterEach(() => {
  vi.useRealTimers();
});

describe('the periodic reminder check', () => {
  it('waits while an import is writing, and runs again once it is done', async () => {
    vi.useFakeTimers();
    let paused = true;
    const db = vi.fn(() => null);
    const scheduler = createReminderScheduler({
      db,
      clock: { now: () => new Date() },
      log: silentLogger,
      language: async () => 'zh-CN',
      emit: () => undefined,
      isPaused: () => paused,
    });
    scheduler.start(30);
    await vi.advanceTimersByTimeAsync(95_000);
    expect(db).not.toHaveBeenCalled();
    paused = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(db).toHaveBeenCalledTimes(1);
    // An explicit check (the one an import's end triggers) is never held back.
    paused = true;
    await scheduler.check();
    expect(db).toHaveBeenCalledTimes(2);
    await scheduler.stop();
  });
});
