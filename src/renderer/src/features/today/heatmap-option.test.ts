import { describe, expect, it } from 'vitest';
import type { HistoryDay } from '../../../../shared/rpc/domains/routine';
import { buildHeatmapOption, STATE_VALUE } from './heatmap-option';

const day = (date: string, state: HistoryDay['state'], spentMinutes: number, targetMinutes = 210): HistoryDay => ({
  date,
  state,
  isClosed: true,
  spentMinutes,
  targetMinutes,
  checklist: { done: 0, total: 0 },
  blocks: [],
});
const labels = { states: { done: 'All done', partial: 'Partly', missed: 'Missed', off: 'Off', open: 'Open' }, tooltip: '{date}: {state}, {minutes} min', language: 'en' as const };

describe('buildHeatmapOption', () => {
  const option = buildHeatmapOption(
    [day('2026-09-07', 'done', 200), day('2026-09-08', 'missed', 0), day('2026-09-09', 'partial', 40), day('2026-09-01', 'off', 0, 0), day('2026-09-10', 'open', 12)],
    { from: '2025-09-11', to: '2026-09-10' },
    labels,
  ) as Record<string, unknown> & { series: { data: unknown[] }[]; calendar: { range: string[]; firstDay: number }; visualMap: { pieces: { value: number; label: string }[] }; tooltip: { formatter: (p: unknown) => string } };

  it('one cell per day that had a plan or work, valued by state, with the minutes', () => {
    expect(option.series[0]?.data).toEqual([
      ['2026-09-07', STATE_VALUE.done, 200],
      ['2026-09-08', STATE_VALUE.missed, 0],
      ['2026-09-09', STATE_VALUE.partial, 40],
      ['2026-09-10', STATE_VALUE.open, 12],
    ]);
  });

  it('spans the range on a calendar starting on Monday, with a labelled legend per state', () => {
    expect(option.calendar).toMatchObject({ range: ['2025-09-11', '2026-09-10'], firstDay: 1 });
    expect(option.visualMap.pieces.map((p) => p.label)).toEqual(['All done', 'Partly', 'Missed', 'Off', 'Open']);
  });

  it('explains a cell in the tooltip', () => {
    expect(option.tooltip.formatter({ data: ['2026-09-07', STATE_VALUE.done, 200] })).toBe('2026-09-07: All done, 200 min');
  });
});
