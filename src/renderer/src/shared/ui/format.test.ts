import { describe, expect, it } from 'vitest';
import { formatChinaTime, formatSize } from './format';

describe('formatChinaTime', () => {
  it.each([
    ['2025-01-01T00:00:00.000Z', '2025-01-01 08:00'],
    ['2025-01-01T16:30:59.999Z', '2025-01-02 00:30'],
    ['2024-12-31T15:59:00Z', '2024-12-31 23:59'],
    ['2025-06-15T12:00:00+02:00', '2025-06-15 18:00'],
    ['not a date', '—'],
  ])('%s → %s', (iso, expected) => {
    expect(formatChinaTime(iso)).toBe(expected);
  });
});

describe('formatSize', () => {
  it.each([
    [0, '0 KB'],
    [512, '0.5 KB'],
    [1024, '1 KB'],
    [36_864, '36 KB'],
    [150_000, '146 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [1000 * 1024, '1000 KB'],
    [1024 * 1024, '1 MB'],
    [5.25 * 1024 * 1024, '5.3 MB'],
    [300 * 1024 * 1024, '300 MB'],
    [2.5 * 1024 ** 3, '2.5 GB'],
  ])('%d bytes → %s', (bytes, expected) => {
    expect(formatSize(bytes)).toBe(expected);
  });
});
