import { describe, expect, it } from 'vitest';
import { hashForScreen, hashParam, screenIdFromHash } from './hash-route';

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

describe('hash parameters (deep links into a screen)', () => {
  it.each([
    ['suppliers', {}, '#/suppliers'],
    ['suppliers', { supplier: '12' }, '#/suppliers?supplier=12'],
    ['money', { day: '2026-09-10', x: 'a b' }, '#/money?day=2026-09-10&x=a+b'],
  ])('hashForScreen(%s, %j) → %s', (id, params, hash) => {
    expect(hashForScreen(id, params)).toBe(hash);
    expect(screenIdFromHash(hash, [id], 'x')).toBe(id);
  });

  it.each([
    ['#/suppliers?supplier=12', 'supplier', '12'],
    ['#/suppliers?a=1&supplier=7', 'supplier', '7'],
    ['#/suppliers', 'supplier', null],
    ['#/suppliers?other=1', 'supplier', null],
    ['', 'supplier', null],
  ])('hashParam(%j, %s) → %j', (hash, name, value) => {
    expect(hashParam(hash, name)).toBe(value);
  });
});
