import { describe, expect, it } from 'vitest';
import { hashForScreen, screenIdFromHash } from './hash-route';

const ids = ['today', 'settings'];

describe('screenIdFromHash', () => {
  it.each([
    ['', 'today'],
    ['#', 'today'],
    ['#/', 'today'],
    ['#/settings', 'settings'],
    ['#settings', 'settings'],
    ['#/settings/backups', 'settings'],
    ['#/settings?x=1', 'settings'],
    ['#/nope', 'today'],
    ['#/constructor', 'today'],
  ])('%j → %s', (hash, expected) => {
    expect(screenIdFromHash(hash, ids, 'today')).toBe(expected);
  });

  it('round-trips with hashForScreen', () => {
    for (const id of ids) expect(screenIdFromHash(hashForScreen(id), ids, 'x')).toBe(id);
  });
});
