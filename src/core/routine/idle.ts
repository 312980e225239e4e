import type { IdleAction } from '../../shared/rpc/domains/routine';
import type { Range, Segment } from './timer';

/** What a segment becomes: kept as it is, changed, split in two, or removed. */
export type SegmentEdit =
  | { kind: 'update'; id: number; startedAt: Date; endedAt: Date | null }
  | { kind: 'insert'; blockId: number; startedAt: Date; endedAt: Date | null }
  | { kind: 'delete'; id: number };

/**
 * Removes `range` from one segment. An open segment keeps running after the range (its tail
 * stays open), unless `stop` is set: then nothing after the range's start is kept.
 */
export function cutSegment(segment: Segment, range: Range, now: Date, stop: boolean): SegmentEdit[] {
  const start = segment.startedAt.getTime();
  const end = (segment.endedAt ?? now).getTime();
  const from = range.from.getTime();
  const to = range.to.getTime();
  const isOpen = segment.endedAt === null;
  const touches = stop ? isOpen || from < end : from < end && to > start;
  if (!touches) return [];

  const head = from > start ? { startedAt: segment.startedAt, endedAt: new Date(Math.min(from, end)) } : null;
  const keepsTail = !stop && (isOpen ? true : to < end);
  const tail = keepsTail ? { startedAt: new Date(Math.max(to, start)), endedAt: segment.endedAt } : null;

  if (head && tail) {
    return [
      { kind: 'update', id: segment.id, ...head },
      { kind: 'insert', blockId: segment.blockId, ...tail },
    ];
  }
  const only = head ?? tail;
  return only ? [{ kind: 'update', id: segment.id, ...only }] : [{ kind: 'delete', id: segment.id }];
}

/**
 * The edits that answer an idle question. keep: none. discard: the idle stretch is removed and a
 * running block keeps running. discardAndStop: everything from the start of the idle stretch
 * until the answer is removed and the block ends up stopped.
 */
export function planIdleResolution(segments: readonly Segment[], blockId: number, idle: Range, action: IdleAction, now: Date): SegmentEdit[] {
  if (action === 'keep') return [];
  const stop = action === 'discardAndStop';
  const range = stop ? { from: idle.from, to: new Date(Math.max(idle.to.getTime(), now.getTime())) } : idle;
  return segments.filter((s) => s.blockId === blockId).flatMap((s) => cutSegment(s, range, now, stop));
}

/** Seconds of `idle` during which the open segment ran: what would be booked if kept. */
export function idleOverlapSeconds(open: Segment | undefined, idle: Range, now: Date): number {
  if (!open) return 0;
  const start = Math.max(open.startedAt.getTime(), idle.from.getTime());
  const end = Math.min(now.getTime(), idle.to.getTime());
  return Math.max(0, Math.floor((end - start) / 1000));
}
