import { chinaDate } from '../../shared/domain/china-time';
import type { RoutineSnapshot } from './day-facts';
import type { Segment } from './timer';

/**
 * A timer action answered while an import holds the write lock and written once it is released
 * (db/write-scheduler.ts). Only timestamps are involved (timer.ts), so writing it later with the
 * instant it was asked at gives exactly the state the answer showed.
 */
export type TimerIntent = { kind: 'pause'; at: Date } | { kind: 'start'; blockId: number; key: string; at: Date };

/** Intents answered but not yet written, per open database (a restored database starts empty). */
const pendingByDb = new WeakMap<object, TimerIntent[]>();

export const pendingIntents = (db: object): readonly TimerIntent[] => pendingByDb.get(db) ?? [];

export function addPendingIntent(db: object, intent: TimerIntent): void {
  const list = pendingByDb.get(db) ?? [];
  list.push(intent);
  pendingByDb.set(db, list);
}

export function removePendingIntent(db: object, intent: TimerIntent): void {
  const list = pendingByDb.get(db);
  const i = list?.indexOf(intent) ?? -1;
  if (list && i >= 0) list.splice(i, 1);
}

const closeAt = (segment: Segment, at: Date): Segment => ({ ...segment, endedAt: at.getTime() < segment.startedAt.getTime() ? segment.startedAt : at });

/** One intent applied to stored facts, as timer-actions.ts applies it to the database. */
function applyIntent(snapshot: RoutineSnapshot, intent: TimerIntent, syntheticId: number): RoutineSnapshot {
  const open = snapshot.segments.find((s) => s.endedAt === null);
  if (intent.kind === 'pause') {
    return open ? { ...snapshot, segments: snapshot.segments.map((s) => (s === open ? closeAt(s, intent.at) : s)) } : snapshot;
  }
  // start: reopens a closed today, un-finishes the block, switches the running segment to it.
  const today = chinaDate(intent.at);
  const closed = new Map(snapshot.closed);
  closed.delete(today);
  const finishes = new Set(snapshot.finishes);
  finishes.delete(`${today}|${intent.blockId}`);
  if (open?.blockId === intent.blockId) return { ...snapshot, closed, finishes };
  const segments = snapshot.segments.map((s) => (s === open ? closeAt(s, intent.at) : s));
  segments.push({ id: syntheticId, blockId: intent.blockId, startedAt: intent.at, endedAt: null });
  return { ...snapshot, closed, finishes, segments };
}

/** The snapshot as it will be once `intents` are written (pure; new segments get negative ids). */
export function applyIntents(snapshot: RoutineSnapshot, intents: readonly TimerIntent[]): RoutineSnapshot {
  return intents.reduce((s, intent, i) => applyIntent(s, intent, -(i + 1)), snapshot);
}

/**
 * What "resume the last block" means with intents still pending: the block of the latest stretch
 * and whether it still runs. `stored` is the database's most recent segment.
 */
export function lastWorked(stored: Segment | undefined, intents: readonly TimerIntent[]): { blockId: number; isRunning: boolean } | null {
  let last = stored ? { blockId: stored.blockId, isRunning: stored.endedAt === null } : null;
  for (const intent of intents) {
    if (intent.kind === 'start') last = { blockId: intent.blockId, isRunning: true };
    else if (last) last = { ...last, isRunning: false };
  }
  return last;
}
