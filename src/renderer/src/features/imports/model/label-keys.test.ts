import { describe, expect, it } from 'vitest';
import { dateRangeParts, encodingKey, layoutKey } from './label-keys';

describe('label keys', () => {
  it.each([
    ['orders-layout-a', 'orders-layout-a'],
    ['funds-39', 'funds-39'],
    ['orders-layout-z', null],
    ['toString', null],
  ])('layout %s → %s', (layout, expected) => {
    expect(layoutKey(layout)).toBe(expected);
  });

  it.each([
    ['gb18030', 'gb18030'],
    ['xlsx', 'xlsx'],
    ['latin1', null],
    ['__proto__', null],
  ])('encoding %s → %s', (encoding, expected) => {
    expect(encodingKey(encoding)).toBe(expected);
  });
});

describe('dateRangeParts', () => {
  it.each([
    [null, null, null],
    ['2026-08-01', '2026-08-01', { single: '2026-08-01' }],
    ['2026-08-01', null, { single: '2026-08-01' }],
    [null, '2026-08-03', { single: '2026-08-03' }],
    ['2026-08-01', '2026-08-03', { from: '2026-08-01', to: '2026-08-03' }],
  ])('%s … %s', (from, to, expected) => {
    expect(dateRangeParts(from, to)).toEqual(expected);
  });
});
