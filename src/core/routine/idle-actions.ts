import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { IdleAction, PendingIdle } from '../../shared/rpc/domains/routine';
import type { RoutineDatabase } from '../db/routine-schema';
import { idleOverlapSeconds, planIdleResolution, type SegmentEdit } from './idle';
import type { RoutineExecutor } from './routine-db';
import { loadBlocks, loadOpenSegment, loadSegments } from './routine-repository';
import { readRoutineSettings } from './routine-settings';

/**
 * Idle time is a question, never a silent booking: a reported idle stretch while a block ran
 * becomes a pending question that the UI asks (keep / discard / discard and stop) and that stays
 * until answered, across restarts.
 */
export async function reportIdle(db: Kysely<RoutineDatabase>, from: Date, to: Date, now: Date): Promise<void> {
  const end = new Date(Math.min(to.getTime(), now.getTime()));
  if (end.getTime() <= from.getTime()) return;
  await db.transaction().execute(async (trx) => {
    const settings = await readRoutineSettings(trx);
    const open = await loadOpenSegment(trx);
    if (!open || idleOverlapSeconds(open, { from, to: end }, now) < settings.idleMinutes * 60) return;
    const from_at = new Date(Math.max(from.getTime(), open.startedAt.getTime())).toISOString();
    const pending = await trx
      .selectFrom('routine_idle')
      .selectAll()
      .where('resolved_at', 'is', null)
      .where('block_id', '=', open.blockId)
      .executeTakeFirst();
    if (pending) {
      // A second report while the first is unanswered: one question covering both.
      await trx
        .updateTable('routine_idle')
        .set({ from_at: pending.from_at < from_at ? pending.from_at : from_at, to_at: pending.to_at > end.toISOString() ? pending.to_at : end.toISOString() })
        .where('id', '=', pending.id)
        .execute();
      return;
    }
    await trx
      .insertInto('routine_idle')
      .values({ block_id: open.blockId, from_at, to_at: end.toISOString(), reported_at: now.toISOString(), resolved_at: null, action: null })
      .execute();
  });
}

/** The oldest unanswered idle question. */
export async function pendingIdle(db: RoutineExecutor): Promise<PendingIdle | null> {
  const row = await db.selectFrom('routine_idle').selectAll().where('resolved_at', 'is', null).orderBy('id').limit(1).executeTakeFirst();
  if (!row) return null;
  const blocks = await loadBlocks(db, { includeRemoved: true });
  const minutes = Math.round((new Date(row.to_at).getTime() - new Date(row.from_at).getTime()) / 60_000);
  return { id: row.id, from: row.from_at, to: row.to_at, minutes, blockKey: blocks.find((b) => b.id === row.block_id)?.key ?? '' };
}

async function applyEdits(db: RoutineExecutor, edits: readonly SegmentEdit[]): Promise<void> {
  for (const edit of edits) {
    if (edit.kind === 'delete') await db.deleteFrom('routine_segments').where('id', '=', edit.id).execute();
    else if (edit.kind === 'update') {
      await db
        .updateTable('routine_segments')
        .set({ started_at: edit.startedAt.toISOString(), ended_at: edit.endedAt?.toISOString() ?? null })
        .where('id', '=', edit.id)
        .execute();
    }
  }
  // Inserts last: an inserted open tail must not meet the old open row (one open segment at a time).
  for (const edit of edits) {
    if (edit.kind === 'insert') {
      await db
        .insertInto('routine_segments')
        .values({ block_id: edit.blockId, started_at: edit.startedAt.toISOString(), ended_at: edit.endedAt?.toISOString() ?? null })
        .execute();
    }
  }
}

/** Answers an idle question. Already answered: nothing changes. Errors: NOT_FOUND. */
export async function resolveIdle(db: Kysely<RoutineDatabase>, id: number, action: IdleAction, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('routine_idle').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `no idle question ${id}`, { id });
    if (row.resolved_at !== null) return;
    const idle = { from: new Date(row.from_at), to: new Date(row.to_at) };
    const segments = await loadSegments(trx, { from: idle.from, to: new Date(Math.max(idle.to.getTime(), now.getTime()) + 1) });
    await applyEdits(trx, planIdleResolution(segments, row.block_id, idle, action, now));
    await trx.updateTable('routine_idle').set({ resolved_at: now.toISOString(), action }).where('id', '=', id).execute();
  });
}
