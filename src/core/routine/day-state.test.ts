import { describe, expect, it } from 'vitest';
import { dayState, isPlannedOn, maskFromWeekdays, weekdaysFromMask } from './day-state';

const planned = (status: 'todo' | 'running' | 'paused' | 'done', spentSeconds = 0) => ({ isScheduled: true, status, spentSeconds });
const extra = (status: 'todo' | 'running' | 'paused' | 'done', spentSeconds = 0) => ({ isScheduled: false, status, spentSeconds });

describe('dayState', () => {
  it.each([
    ['all planned blocks done', [planned('done'), planned('done')], 0, false, false, 'done'],
    ['done also today before closing', [planned('done')], 0, true, false, 'done'],
    ['today, still going', [planned('done'), planned('todo')], 0, true, false, 'open'],
    ['today closed with work left', [planned('done'), planned('todo')], 0, true, true, 'partial'],
    ['a past day with some time booked', [planned('paused', 60), planned('todo')], 0, false, false, 'partial'],
    ['a past day with only a ticked item', [planned('todo')], 1, false, false, 'partial'],
    ['a planned day with nothing done', [planned('todo'), planned('todo')], 0, false, false, 'missed'],
    ['nothing planned, nothing done', [], 0, false, false, 'off'],
    ['nothing planned but an extra block worked', [extra('paused', 600)], 0, false, false, 'partial'],
  ] as const)('%s', (_name, blocks, checkedItems, isToday, isClosed, expected) => {
    expect(dayState({ blocks, checkedItems, isToday, isClosed })).toBe(expected);
  });

  it('round-trips weekday masks', () => {
    expect(maskFromWeekdays([1, 2, 3, 4, 5, 6, 7])).toBe(127);
    expect(weekdaysFromMask(maskFromWeekdays([1, 3, 7]))).toEqual([1, 3, 7]);
    expect(isPlannedOn(maskFromWeekdays([6, 7]), 6)).toBe(true);
    expect(isPlannedOn(maskFromWeekdays([6, 7]), 1)).toBe(false);
  });
});
