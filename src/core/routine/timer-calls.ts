import { AppError } from '../../shared/errors';
import type { RoutineEvents, RoutineStatus } from '../../shared/rpc/domains/routine';
import type { CoreContext } from '../core-context';
import { routineDb } from './routine-db';
import { isPrepared, loadStatus, prepareRoutine } from './routine-now';
import { loadBlocks, loadLastSegment } from './routine-repository';
import { addPendingIntent, lastWorked, pendingIntents, removePendingIntent, type TimerIntent } from './timer-intents';
import { pauseRunning, resolveBlock, resumeBlock, startBlock } from './timer-actions';
import type { Kysely } from 'kysely';
import type { RoutineDatabase } from '../db/routine-schema';

type Db = Kysely<RoutineDatabase>;
type Reason = RoutineEvents['routine.changed']['reason'];

/** A timer call: how it writes now, and what it amounts to when it has to wait for an import. */
type TimerCall = {
  write(db: Db, at: Date): Promise<void>;
  /** Validates against the stored state plus pending intents; null when nothing changes. */
  intent(db: Db, at: Date): Promise<TimerIntent | null>;
};

const replay = (db: Db, intent: TimerIntent): Promise<void> =>
  intent.kind === 'pause' ? pauseRunning(db, intent.at) : startBlock(db, intent.key, intent.at);

const startIntent = async (db: Db, ref: string, at: Date): Promise<TimerIntent> => {
  const block = await resolveBlock(db, ref);
  return { kind: 'start', blockId: block.id, key: block.key, at };
};

export const pauseCall: TimerCall = {
  write: (db, at) => pauseRunning(db, at),
  intent: async (_, at) => ({ kind: 'pause', at }),
};

export const startCall = (ref: string): TimerCall => ({
  write: (db, at) => startBlock(db, ref, at),
  intent: (db, at) => startIntent(db, ref, at),
});

export const resumeCall = (ref: string | undefined): TimerCall => ({
  write: (db, at) => resumeBlock(db, ref, at),
  async intent(db, at) {
    if (ref !== undefined) return startIntent(db, ref, at);
    // The same refusals as resumeBlock, judged on the state the user was last shown.
    const last = lastWorked(await loadLastSegment(db), pendingIntents(db));
    if (!last) throw new AppError('VALIDATION', 'there is no block to resume', { reason: 'nothing-to-resume' });
    if (last.isRunning) return null;
    const block = (await loadBlocks(db)).find((b) => b.id === last.blockId);
    if (!block) throw new AppError('VALIDATION', 'the last block was removed', { reason: 'nothing-to-resume' });
    return { kind: 'start', blockId: block.id, key: block.key, at };
  },
});

/**
 * Runs a timer call (the tray's pause/resume, start). Normally it writes at once. While an import
 * holds the write lock it is answered at once all the same — from the stored state with this
 * change applied (timer-intents.ts) — and written, with the instant it was asked at, as soon as
 * the import releases the lock (db/write-scheduler.ts): the core's thread never waits for SQLite.
 */
export async function runTimerCall(ctx: CoreContext, call: TimerCall, changed: (reason: Reason) => void): Promise<RoutineStatus> {
  const writes = ctx.session.writes;
  const db = routineDb(ctx);
  const at = ctx.clock.now();
  if (!writes.isImportWriting || !isPrepared(db)) {
    return writes.write(async () => {
      await prepareRoutine(db, at);
      await call.write(db, at);
      changed('timer');
      return loadStatus(db, at);
    });
  }
  const intent = await call.intent(db, at);
  if (intent) {
    addPendingIntent(db, intent);
    void writes.write(async () => {
      try {
        await replay(db, intent);
      } catch (error) {
        ctx.log.error('a timer change answered during an import could not be saved', { kind: intent.kind, detail: (error as Error).message });
      } finally {
        removePendingIntent(db, intent);
        // The UI re-reads: now from the database alone.
        changed('timer');
      }
    });
  }
  changed('timer');
  return loadStatus(db, at);
}
