import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecentCache } from './money-snapshot';

afterEach(() => vi.useRealTimers());

describe('createRecentCache (the held reconciliation)', () => {
  const db = {} as never;

  it('answers again only for the same version and key, and lets go after the hold', async () => {
    vi.useFakeTimers();
    const cache = createRecentCache<{ n: number }>(60_000);
    let builds = 0;
    const build = async () => ({ n: ++builds });
    const first = await cache.get(db, 'v1', 'k', build);
    expect(await cache.get(db, 'v1', 'k', build)).toBe(first);
    // Used within the hold: the hold starts again.
    vi.advanceTimersByTime(50_000);
    expect(await cache.get(db, 'v1', 'k', build)).toBe(first);
    vi.advanceTimersByTime(50_000);
    expect(await cache.get(db, 'v1', 'k', build)).toBe(first);
    expect(builds).toBe(1);
    // Another data version, another key (day or settings): built again.
    expect(await cache.get(db, 'v2', 'k', build)).toEqual({ n: 2 });
    expect(await cache.get(db, 'v2', 'k2', build)).toEqual({ n: 3 });
    // Unused for the whole hold: released, so the next call builds.
    vi.advanceTimersByTime(60_001);
    expect(await cache.get(db, 'v2', 'k2', build)).toEqual({ n: 4 });
  });

  it('keeps no failed build', async () => {
    const cache = createRecentCache<number>(60_000);
    await expect(cache.get(db, 'v1', 'k', () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    expect(await cache.get(db, 'v1', 'k', async () => 7)).toBe(7);
  });
});
