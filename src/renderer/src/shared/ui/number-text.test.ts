import { describe, expect, it } from 'vitest';
import { numberOf, scaledOf, textOf } from './number-text';

describe('numbers as typed', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    [null, undefined],
    ['39.9', 39.9],
    ['-500', -500],
    ['.5', 0.5],
    ['abc', Number.NaN],
    ['1,000', Number.NaN],
    ['12abc', Number.NaN],
  ] as const)('%j → %s', (text, expected) => expect(numberOf(text)).toBe(expected));

  it.each([
    ['39.9', 3990],
    ['0.07', 7],
    ['150', 15_000],
    ['-500', -50_000],
    ['39.999', 3999.9],
    ['abc', Number.NaN],
    ['', undefined],
  ] as const)('%j × 100 → %s (never rounded into range)', (text, expected) => {
    const got = scaledOf(text, 100);
    if (typeof expected === 'number' && !Number.isNaN(expected) && !Number.isInteger(expected)) expect(got).toBeCloseTo(expected, 6);
    else expect(got).toBe(expected);
  });

  it('shows stored values back', () => {
    expect(textOf(3990, 100)).toBe('39.9');
    expect(textOf(null)).toBe('');
  });
});
