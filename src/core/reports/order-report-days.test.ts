import { describe, expect, it } from 'vitest';
import { dayRanges, NO_DAY, rebuildStatements } from './order-report-days';

describe('dayRanges', () => {
  it.each([
    [[], []],
    [['2026-08-01'], [{ from: '2026-08-01', to: '2026-08-01' }]],
    [['2026-08-03', '2026-08-01', '2026-08-01', '2026-08-08'], [{ from: '2026-08-01', to: '2026-08-08' }]],
    [['2026-01-01', '2026-08-31', '2026-08-29'], [{ from: '2026-01-01', to: '2026-01-01' }, { from: '2026-08-29', to: '2026-08-31' }]],
    [['2026-08-01', '2026-08-09'], [{ from: '2026-08-01', to: '2026-08-01' }, { from: '2026-08-09', to: '2026-08-09' }]],
    [[NO_DAY, '2026-08-01'], [{ from: '2026-08-01', to: '2026-08-01' }]],
  ])('%j → %j', (days, ranges) => expect(dayRanges(days)).toEqual(ranges));

  it('rebuilds the lines without a day on their own', () => {
    expect(rebuildStatements([NO_DAY]).map((s) => s.params)).toEqual([[], [], [], [], [], []]);
    expect(rebuildStatements(['2026-08-31'])[1]!.params).toEqual(['2026-08-31 00:00:00', '2026-09-01 00:00:00']);
  });
});
