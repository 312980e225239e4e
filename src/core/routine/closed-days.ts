import type { BlockStatus, DayState, HistoryDay } from '../../shared/rpc/domains/routine';
import type { RoutineExecutor } from './routine-db';

const STATES: readonly string[] = ['done', 'partial', 'missed', 'off', 'open'];
const STATUSES: readonly string[] = ['todo', 'running', 'paused', 'done'];

/** Closed days between two dates, as they were frozen when closed. */
export async function loadClosedDays(db: RoutineExecutor, from: string, to: string): Promise<Map<string, HistoryDay>> {
  const days = await db.selectFrom('routine_days').selectAll().where('day', '>=', from).where('day', '<=', to).execute();
  const blocks = await db
    .selectFrom('routine_day_blocks')
    .selectAll()
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('position')
    .execute();
  const result = new Map<string, HistoryDay>();
  for (const d of days) {
    result.set(d.day, {
      date: d.day,
      state: (STATES.includes(d.state) ? d.state : 'partial') as DayState,
      isClosed: true,
      spentMinutes: d.spent_minutes,
      targetMinutes: d.target_minutes,
      checklist: { done: d.checklist_done, total: d.checklist_total },
      blocks: [],
    });
  }
  for (const b of blocks) {
    result.get(b.day)?.blocks.push({
      key: b.block_key,
      title: b.title,
      defaultKey: b.default_key,
      targetMinutes: b.target_minutes,
      spentMinutes: Math.floor(b.spent_seconds / 60),
      status: (STATUSES.includes(b.status) ? b.status : 'paused') as BlockStatus,
    });
  }
  return result;
}

export type DayBlockRecord = {
  key: string;
  title: string;
  defaultKey: string | null;
  targetMinutes: number;
  spentSeconds: number;
  status: BlockStatus;
};

/** Freezes a day; part of the caller's transaction. */
export async function saveClosedDay(db: RoutineExecutor, day: HistoryDay, blocks: readonly DayBlockRecord[], closedAt: Date): Promise<void> {
  await db
    .insertInto('routine_days')
    .values({
      day: day.date,
      closed_at: closedAt.toISOString(),
      state: day.state,
      spent_minutes: day.spentMinutes,
      target_minutes: day.targetMinutes,
      checklist_done: day.checklist.done,
      checklist_total: day.checklist.total,
    })
    .execute();
  for (const [position, b] of blocks.entries()) {
    await db
      .insertInto('routine_day_blocks')
      .values({
        day: day.date,
        block_key: b.key,
        title: b.title,
        default_key: b.defaultKey,
        position,
        target_minutes: b.targetMinutes,
        spent_seconds: b.spentSeconds,
        status: b.status,
      })
      .execute();
  }
}
