import { chinaDayRange, isoWeekday } from '../../shared/domain/china-time';
import type { BlockStatus, HistoryDay } from '../../shared/rpc/domains/routine';
import { dayState, isPlannedOn } from './day-state';
import type { BlockRow, ItemRow } from './routine-repository';
import { blockStatus, openSegment, overlapMs, secondsByBlock, segmentEnd, type Range, type Segment } from './timer';

/** Everything stored about the routine for a span of days, loaded once. */
export type RoutineSnapshot = {
  /** Removed blocks included: they keep their history. */
  blocks: readonly BlockRow[];
  items: readonly ItemRow[];
  segments: readonly Segment[];
  /** `${day}|${blockId}` of finished blocks. */
  finishes: ReadonlySet<string>;
  /** Ticked checklist item ids per day. */
  checks: ReadonlyMap<string, ReadonlySet<number>>;
  /** Days already closed, as frozen then. */
  closed: ReadonlyMap<string, HistoryDay>;
};

export type DayBlock = {
  block: BlockRow;
  isScheduled: boolean;
  status: BlockStatus;
  spentSeconds: number;
  runningSince: Date | null;
  /** End (as of now) of the block's latest stretch of work that day, in ms; 0 if none. */
  lastWorkedAt: number;
  items: readonly ItemRow[];
  checked: ReadonlySet<number>;
};

export type ComputedDay = { day: HistoryDay; blocks: DayBlock[] };

const NONE: ReadonlySet<number> = new Set();

/**
 * Is the block part of the plan on `date`: existed then, not removed yet, planned that weekday.
 * A block added or removed "after today" (the clock was moved back since) counts as added long
 * ago, or removed today: the computer's clock is not trusted to only move forward.
 */
export function isScheduledOn(block: BlockRow, date: string, today: string): boolean {
  const created = block.createdDay > today ? '' : block.createdDay;
  const removed = block.removedDay !== null && block.removedDay > today ? today : block.removedDay;
  return created <= date && (removed === null || removed > date) && isPlannedOn(block.weekdays, isoWeekday(date));
}

/**
 * One day of the routine computed from stored facts (a closed day returns what was frozen).
 * A block appears when it was planned that day or has any work on it (time, finish, ticks).
 */
export function computeDay(snapshot: RoutineSnapshot, date: string, today: string, now: Date): ComputedDay {
  const range = chinaDayRange(date);
  const seconds = secondsByBlock(snapshot.segments, range, now);
  const open = date === today ? openSegment(snapshot.segments) : undefined;
  const checked = snapshot.checks.get(date) ?? NONE;

  const blocks: DayBlock[] = [];
  for (const block of snapshot.blocks) {
    const items = snapshot.items.filter((i) => i.blockId === block.id);
    const blockChecked = new Set(items.filter((i) => checked.has(i.id)).map((i) => i.id));
    const isScheduled = isScheduledOn(block, date, today);
    const isFinished = snapshot.finishes.has(`${date}|${block.id}`);
    const isRunning = open?.blockId === block.id;
    const spentSeconds = seconds.get(block.id) ?? 0;
    const hasWork = isFinished || isRunning || spentSeconds > 0 || blockChecked.size > 0;
    if (!isScheduled && !hasWork) continue;
    if (block.isRemoved && !hasWork && !isScheduled) continue;
    blocks.push({
      block,
      isScheduled,
      status: blockStatus({ isFinished, isRunning, spentSeconds, hasWork: blockChecked.size > 0 }),
      spentSeconds,
      runningSince: isRunning && open ? open.startedAt : null,
      lastWorkedAt: lastWorkedAt(snapshot.segments, block.id, range, now),
      items,
      checked: blockChecked,
    });
  }

  const frozen = snapshot.closed.get(date);
  if (frozen) return { day: frozen, blocks };

  const planned = blocks.filter((b) => b.isScheduled);
  const totalSeconds = blocks.reduce((sum, b) => sum + b.spentSeconds, 0);
  const state = dayState({
    blocks: blocks.map((b) => ({ isScheduled: b.isScheduled, status: b.status, spentSeconds: b.spentSeconds })),
    checkedItems: checked.size,
    isToday: date === today,
    isClosed: false,
  });
  return {
    day: {
      date,
      state,
      isClosed: false,
      spentMinutes: Math.floor(totalSeconds / 60),
      targetMinutes: planned.reduce((sum, b) => sum + b.block.targetMinutes, 0),
      checklist: {
        done: planned.reduce((sum, b) => sum + b.checked.size, 0),
        total: planned.reduce((sum, b) => sum + b.items.length, 0),
      },
      blocks: blocks.map((b) => ({
        key: b.block.key,
        title: b.block.title,
        defaultKey: b.block.defaultKey,
        targetMinutes: b.block.targetMinutes,
        spentMinutes: Math.floor(b.spentSeconds / 60),
        status: b.status,
      })),
    },
    blocks,
  };
}

function lastWorkedAt(segments: readonly Segment[], blockId: number, range: Range, now: Date): number {
  let last = 0;
  for (const s of segments) {
    if (s.blockId === blockId && overlapMs(s, range, now) > 0) last = Math.max(last, Math.min(segmentEnd(s, now).getTime(), range.to.getTime()));
  }
  return last;
}

/** The started-but-unfinished block worked on most recently (what "resume" and "next" act on). */
export const mostRecentPaused = (blocks: readonly DayBlock[]): DayBlock | undefined =>
  blocks.filter((b) => b.status === 'paused' && b.lastWorkedAt > 0).sort((a, b) => b.lastWorkedAt - a.lastWorkedAt)[0];
