import type { BlockStatus } from '../../shared/rpc/domains/routine';

/** A stretch of work on one block; `endedAt` null while it runs. */
export type Segment = { id: number; blockId: number; startedAt: Date; endedAt: Date | null };

export type Range = { from: Date; to: Date };

/**
 * The end of a segment as of `now`. The timer never counts ticks: a running segment simply ends
 * "now", so the figure is right after a restart, sleep or minimising. A clock moved back before
 * the start gives an empty segment rather than negative time.
 */
export function segmentEnd(segment: Segment, now: Date): Date {
  const end = segment.endedAt ?? now;
  return end.getTime() < segment.startedAt.getTime() ? segment.startedAt : end;
}

/** Milliseconds of `segment` inside `range`. */
export function overlapMs(segment: Segment, range: Range, now: Date): number {
  const start = Math.max(segment.startedAt.getTime(), range.from.getTime());
  const end = Math.min(segmentEnd(segment, now).getTime(), range.to.getTime());
  return Math.max(0, end - start);
}

/** Whole seconds booked per block inside `range` (a China day): segments across midnight are split. */
export function secondsByBlock(segments: readonly Segment[], range: Range, now: Date): Map<number, number> {
  const ms = new Map<number, number>();
  for (const segment of segments) {
    const part = overlapMs(segment, range, now);
    if (part > 0) ms.set(segment.blockId, (ms.get(segment.blockId) ?? 0) + part);
  }
  return new Map([...ms].map(([blockId, total]) => [blockId, Math.floor(total / 1000)]));
}

/** The running segment, if any (the database allows at most one). */
export const openSegment = (segments: readonly Segment[]): Segment | undefined => segments.find((s) => s.endedAt === null);

/** Where a block stands on a day: finished beats running beats started. */
export function blockStatus(input: { isFinished: boolean; isRunning: boolean; spentSeconds: number; hasWork: boolean }): BlockStatus {
  if (input.isFinished) return 'done';
  if (input.isRunning) return 'running';
  return input.spentSeconds > 0 || input.hasWork ? 'paused' : 'todo';
}

export const isOverTarget = (spentSeconds: number, targetMinutes: number): boolean => spentSeconds >= targetMinutes * 60;

/**
 * When a running block reaches its target: the instant its booked time hits `targetMinutes`,
 * given `bookedBefore` seconds today before the running stretch began at `since`.
 */
export const targetReachedAt = (since: Date, bookedBeforeSeconds: number, targetMinutes: number): Date =>
  new Date(since.getTime() + Math.max(0, targetMinutes * 60 - bookedBeforeSeconds) * 1000);

/** `HH:MM` style figures for texts: whole minutes, rounded down. */
export const wholeMinutes = (seconds: number): number => Math.floor(seconds / 60);
