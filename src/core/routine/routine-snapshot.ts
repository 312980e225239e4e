import { chinaDayRange } from '../../shared/domain/china-time';
import { loadClosedDays } from './closed-days';
import type { RoutineSnapshot } from './day-facts';
import type { RoutineExecutor } from './routine-db';
import { loadBlocks, loadChecklistItems, loadChecks, loadFinishes, loadSegments } from './routine-repository';
import { applyIntents, pendingIntents } from './timer-intents';

/**
 * Loads what the routine stored for the China days `from`..`to` (inclusive), with the timer
 * changes answered during an import and not written yet (timer-intents.ts) applied on top.
 */
export async function loadSnapshot(db: RoutineExecutor, from: string, to: string): Promise<RoutineSnapshot> {
  const range = { from: chinaDayRange(from).from, to: chinaDayRange(to).to };
  const [blocks, items, segments, finishes, checks, closed] = await Promise.all([
    loadBlocks(db, { includeRemoved: true }),
    loadChecklistItems(db),
    loadSegments(db, range),
    loadFinishes(db, from, to),
    loadChecks(db, from, to),
    loadClosedDays(db, from, to),
  ]);
  const checksByDay = new Map<string, Set<number>>();
  for (const c of checks) {
    const set = checksByDay.get(c.day) ?? new Set<number>();
    set.add(c.itemId);
    checksByDay.set(c.day, set);
  }
  const stored: RoutineSnapshot = {
    blocks,
    items,
    segments,
    finishes: new Set(finishes.map((f) => `${f.day}|${f.blockId}`)),
    checks: checksByDay,
    closed,
  };
  return applyIntents(stored, pendingIntents(db));
}
