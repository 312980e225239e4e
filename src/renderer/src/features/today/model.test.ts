import { describe, expect, it } from 'vitest';
import { formatChange, formatClock, formatHoursMinutes, formatYuan, liveSeconds, targetPercent, weekdaysText } from './model';

describe('live time from timestamps', () => {
  const asOf = Date.parse('2026-09-10T01:00:00Z');
  it.each([
    ['a running block grows with the core clock', { spentSeconds: 600, runningSince: '2026-09-10T00:50:00Z' }, asOf + 65_000, 665],
    ['a paused block stands still', { spentSeconds: 600, runningSince: null }, asOf + 65_000, 600],
    ['a clock behind the answer adds nothing', { spentSeconds: 600, runningSince: '2026-09-10T00:50:00Z' }, asOf - 5_000, 600],
  ])('%s', (_name, block, now, expected) => {
    expect(liveSeconds(block, asOf, now)).toBe(expected);
  });
});

describe('formatting', () => {
  it.each([
    [0, '00:00'],
    [65, '01:05'],
    [3909, '1:05:09'],
    [-3, '00:00'],
  ])('clock %i → %s', (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected);
  });

  it.each([
    [210, '3 h 30 min'],
    [45, '45 min'],
    [120, '2 h'],
  ])('hours and minutes %i → %s', (minutes, expected) => {
    expect(formatHoursMinutes(minutes, { h: 'h', min: 'min' })).toBe(expected);
  });

  it.each([
    [0.12, '+12%'],
    [-0.2, '−20%'],
    [0.001, '0%'],
  ])('change %f → %s', (fraction, expected) => {
    expect(formatChange(fraction)).toBe(expected);
  });

  it('money, percent and weekdays', () => {
    expect(formatYuan(123450)).toBe('¥1,234.50');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(targetPercent(900, 30)).toBe(50);
    expect(targetPercent(4000, 30)).toBe(100);
    const names = { 1: 'Mon', 3: 'Wed', 5: 'Fri' };
    expect(weekdaysText([5, 1, 3], names, 'Every day', 'None', ', ')).toBe('Mon, Wed, Fri');
    expect(weekdaysText([1, 2, 3, 4, 5, 6, 7], names, 'Every day', 'None', ', ')).toBe('Every day');
  });
});
