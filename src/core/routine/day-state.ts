import type { BlockStatus, DayState } from '../../shared/rpc/domains/routine';

export type DayBlockFacts = { isScheduled: boolean; status: BlockStatus; spentSeconds: number };

/**
 * How a day went. `done`: at least one block was planned and every planned block is finished.
 * Today, until it is closed, is `open` unless already done. Otherwise any work (time booked, a
 * block finished, a ticked item) makes it `partial`; none on a planned day is `missed`; a day with
 * nothing planned and nothing done is `off`.
 */
export function dayState(input: { blocks: readonly DayBlockFacts[]; checkedItems: number; isToday: boolean; isClosed: boolean }): DayState {
  const planned = input.blocks.filter((b) => b.isScheduled);
  if (planned.length > 0 && planned.every((b) => b.status === 'done')) return 'done';
  if (input.isToday && !input.isClosed) return 'open';
  const hasWork = input.checkedItems > 0 || input.blocks.some((b) => b.spentSeconds > 0 || b.status === 'done');
  if (hasWork) return 'partial';
  return planned.length > 0 ? 'missed' : 'off';
}

/** Weekday bit mask ↔ ISO weekday list (Monday = 1). */
export const weekdaysFromMask = (mask: number): number[] => [1, 2, 3, 4, 5, 6, 7].filter((d) => (mask & (1 << (d - 1))) !== 0);
export const maskFromWeekdays = (days: readonly number[]): number => days.reduce((mask, d) => mask | (1 << (d - 1)), 0);
export const isPlannedOn = (mask: number, isoWeekday: number): boolean => (mask & (1 << (isoWeekday - 1))) !== 0;
