import type { Kysely } from 'kysely';
import { chinaDate } from '../../shared/domain/china-time';
import type { BlockRef, PendingIdle, RoutineStatus } from '../../shared/rpc/domains/routine';
import type { RoutineDatabase } from '../db/routine-schema';
import { computeDay, mostRecentPaused, type ComputedDay, type DayBlock } from './day-facts';
import { pendingIdle } from './idle-actions';
import { loadListingPicture, type ListingPicture } from '../sourcing/listing-picture';
import { loadGoalProgress } from '../influencers/goal-facts';
import type { GoalProgress } from '../../shared/domain/influencer-goal';
import type { RoutineExecutor } from './routine-db';
import { ensureDefaultRoutine } from './routine-repository';
import { loadSnapshot } from './routine-snapshot';

const seeded = new WeakSet<object>();

/** True once the default routine was seeded for this open database (then reads write nothing). */
export const isPrepared = (db: Kysely<RoutineDatabase>): boolean => seeded.has(db);

/** Seeds the default routine on first use of a database (once per open database). */
export async function prepareRoutine(db: Kysely<RoutineDatabase>, now: Date): Promise<void> {
  if (seeded.has(db)) return;
  await db.transaction().execute((trx) => ensureDefaultRoutine(trx, now));
  seeded.add(db);
}

/** Today's routine as stored, computed at `now`. */
export async function loadToday(db: RoutineExecutor, now: Date): Promise<ComputedDay & { today: string }> {
  const today = chinaDate(now);
  return { today, ...computeDay(await loadSnapshot(db, today, today), today, today, now) };
}

export const refOf = (b: DayBlock): BlockRef => ({ key: b.block.key, title: b.block.title, defaultKey: b.block.defaultKey });

/** The first planned block of the day, in order, that is neither finished nor running. */
export const nextPlanned = (blocks: readonly DayBlock[]): DayBlock | undefined =>
  blocks.find((b) => b.isScheduled && !b.block.isRemoved && (b.status === 'todo' || b.status === 'paused'));

/** The small picture: running / paused / next block and today's progress. */
export function toStatus(day: ComputedDay & { today: string }, now: Date, idle: PendingIdle | null, listing: ListingPicture, goal: GoalProgress): RoutineStatus {
  const running = day.blocks.find((b) => b.status === 'running');
  const paused = running ? undefined : mostRecentPaused(day.blocks);
  const planned = day.blocks.filter((b) => b.isScheduled);
  const next = nextPlanned(day.blocks.filter((b) => b !== paused));
  return {
    date: day.today,
    now: now.toISOString(),
    running: running
      ? { ...refOf(running), since: (running.runningSince ?? now).toISOString(), spentSeconds: running.spentSeconds, targetMinutes: running.block.targetMinutes }
      : null,
    paused: paused ? { ...refOf(paused), spentSeconds: paused.spentSeconds, targetMinutes: paused.block.targetMinutes } : null,
    next: next ? refOf(next) : null,
    blocksDone: planned.filter((b) => b.status === 'done').length,
    blocksTotal: planned.length,
    // Products moved to 已上架 today in 选品 (src/core/sourcing), against the user's daily range.
    listed: { count: listing.listedToday, min: listing.min, max: listing.max, isAvailable: true },
    // New influencers added today in 联系达人 (src/core/influencers), against the daily goal.
    influencers: { added: goal.addedToday, goal: goal.goal, streak: goal.streak },
    isClosed: day.day.isClosed,
    pendingIdle: idle,
  };
}

export async function loadStatus(db: Kysely<RoutineDatabase>, now: Date): Promise<RoutineStatus> {
  await prepareRoutine(db, now);
  const day = await loadToday(db, now);
  const [idle, listing, goal] = await Promise.all([pendingIdle(db), loadListingPicture(db, day.today), loadGoalProgress(db, day.today)]);
  return toStatus(day, now, idle, listing, goal);
}
