import type { Kysely } from 'kysely';
import { chinaDate } from '../../shared/domain/china-time';
import { AppError } from '../../shared/errors';
import type { RoutineDatabase } from '../db/routine-schema';
import { computeDay, mostRecentPaused } from './day-facts';
import type { RoutineExecutor } from './routine-db';
import {
  closeSegment,
  ensureDefaultRoutine,
  loadBlocks,
  loadLastSegment,
  loadOpenSegment,
  openSegmentFor,
  setFinished,
  type BlockRow,
} from './routine-repository';
import { loadSnapshot } from './routine-snapshot';

/**
 * The timer's actions. Each runs in one transaction and only writes timestamps: a segment opens
 * at "now" and closes at "now"; elapsed time is always computed from them (timer.ts).
 */

/** A block by key, or by title as typed on the command line. Errors: NOT_FOUND. */
export async function resolveBlock(db: RoutineExecutor, ref: string): Promise<BlockRow> {
  const blocks = await loadBlocks(db);
  const wanted = ref.trim();
  const block = blocks.find((b) => b.key === wanted) ?? blocks.find((b) => b.title === wanted);
  if (!block) throw new AppError('NOT_FOUND', `no routine block "${ref}"`, { id: ref });
  return block;
}

/** Working again on a day that was closed reopens it: its frozen figures would be wrong. */
async function reopenToday(db: RoutineExecutor, today: string): Promise<void> {
  await db.deleteFrom('routine_day_blocks').where('day', '=', today).execute();
  await db.deleteFrom('routine_days').where('day', '=', today).execute();
}

export async function startBlock(db: Kysely<RoutineDatabase>, ref: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await ensureDefaultRoutine(trx, now);
    const block = await resolveBlock(trx, ref);
    const today = chinaDate(now);
    const open = await loadOpenSegment(trx);
    await reopenToday(trx, today);
    await setFinished(trx, today, block.id, null);
    if (open?.blockId === block.id) return;
    if (open) await closeSegment(trx, open, now);
    await openSegmentFor(trx, block.id, now);
  });
}

export async function pauseRunning(db: Kysely<RoutineDatabase>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const open = await loadOpenSegment(trx);
    if (open) await closeSegment(trx, open, now);
  });
}

/** Resumes `ref`, or the block worked on last. Errors: VALIDATION when there is nothing to resume. */
export async function resumeBlock(db: Kysely<RoutineDatabase>, ref: string | undefined, now: Date): Promise<void> {
  if (ref !== undefined) return startBlock(db, ref, now);
  const last = await loadLastSegment(db);
  if (!last) throw new AppError('VALIDATION', 'there is no block to resume', { reason: 'nothing-to-resume' });
  if (last.endedAt === null) return;
  const blocks = await loadBlocks(db);
  const block = blocks.find((b) => b.id === last.blockId);
  if (!block) throw new AppError('VALIDATION', 'the last block was removed', { reason: 'nothing-to-resume' });
  return startBlock(db, block.key, now);
}

/** Finishes `ref` or the running block today. Errors: VALIDATION when none is given and none runs. */
export async function finishBlock(db: Kysely<RoutineDatabase>, ref: string | undefined, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await ensureDefaultRoutine(trx, now);
    const open = await loadOpenSegment(trx);
    const blockId = ref !== undefined ? (await resolveBlock(trx, ref)).id : open?.blockId;
    if (blockId === undefined) throw new AppError('VALIDATION', 'no block is running; name the block to finish', { reason: 'nothing-running' });
    if (open?.blockId === blockId) await closeSegment(trx, open, now);
    await setFinished(trx, chinaDate(now), blockId, now);
  });
}

/**
 * Finishes the block in hand (running, else the last one paused today) and starts the first
 * planned block of today that is not finished yet.
 */
export async function nextBlock(db: Kysely<RoutineDatabase>, now: Date): Promise<void> {
  const today = chinaDate(now);
  const target = await db.transaction().execute(async (trx) => {
    await ensureDefaultRoutine(trx, now);
    const { blocks } = computeDay(await loadSnapshot(trx, today, today), today, today, now);
    const current = blocks.find((b) => b.status === 'running') ?? mostRecentPaused(blocks);
    if (current) {
      const open = await loadOpenSegment(trx);
      if (open) await closeSegment(trx, open, now);
      await setFinished(trx, today, current.block.id, now);
    }
    return blocks.find((b) => b.isScheduled && !b.block.isRemoved && b.status !== 'done' && b !== current)?.block ?? null;
  });
  if (target) await startBlock(db, target.key, now);
}
