import { chinaDate } from '../../shared/domain/china-time';
import { QUEUE_SOURCES, type QueueSource } from '../../shared/rpc/domains/routine';
import { DEFAULT_ROUTINE } from '../../shared/domain/routine-defaults';
import type { RoutineExecutor } from './routine-db';
import type { Range, Segment } from './timer';

export type BlockRow = {
  id: number;
  key: string;
  title: string;
  defaultKey: string | null;
  position: number;
  targetMinutes: number;
  weekdays: number;
  queue: QueueSource | null;
  isRemoved: boolean;
  /** China days the block was added and removed: it is planned only in between. */
  createdDay: string;
  removedDay: string | null;
};

export type ItemRow = { id: number; blockId: number; position: number; text: string; defaultKey: string | null };

const SEEDED_KEY = 'defaultRoutineSeeded';
const EVERY_DAY = 127;
const QUEUES: readonly string[] = QUEUE_SOURCES;

/**
 * Writes the default routine once per database (a marker in routine_settings), so a user who
 * removes every block is not given them back. Runs inside the caller's transaction.
 */
export async function ensureDefaultRoutine(db: RoutineExecutor, now: Date): Promise<void> {
  const seeded = await db.selectFrom('routine_settings').select('key').where('key', '=', SEEDED_KEY).executeTakeFirst();
  if (seeded) return;
  const at = now.toISOString();
  for (const [position, block] of DEFAULT_ROUTINE.entries()) {
    const { id } = await db
      .insertInto('routine_blocks')
      .values({
        key: block.key,
        title: block.title['zh-CN'],
        default_key: block.key,
        position,
        target_minutes: block.targetMinutes,
        weekdays: EVERY_DAY,
        queue: block.queue,
        removed_at: null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [index, item] of block.checklist.entries()) {
      await db
        .insertInto('routine_checklist_items')
        .values({ block_id: id, position: index, text: item.text['zh-CN'], default_key: item.key, removed_at: null, created_at: at })
        .execute();
    }
  }
  await db.insertInto('routine_settings').values({ key: SEEDED_KEY, value: 'true', updated_at: at }).execute();
}

export async function loadBlocks(db: RoutineExecutor, options: { includeRemoved?: boolean } = {}): Promise<BlockRow[]> {
  let query = db.selectFrom('routine_blocks').selectAll().orderBy('position').orderBy('id');
  if (!options.includeRemoved) query = query.where('removed_at', 'is', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: r.title,
    defaultKey: r.default_key,
    position: r.position,
    targetMinutes: r.target_minutes,
    weekdays: r.weekdays,
    queue: r.queue !== null && QUEUES.includes(r.queue) ? (r.queue as QueueSource) : null,
    isRemoved: r.removed_at !== null,
    createdDay: chinaDate(new Date(r.created_at)),
    removedDay: r.removed_at === null ? null : chinaDate(new Date(r.removed_at)),
  }));
}

export async function loadChecklistItems(db: RoutineExecutor): Promise<ItemRow[]> {
  const rows = await db
    .selectFrom('routine_checklist_items')
    .select(['id', 'block_id', 'position', 'text', 'default_key'])
    .where('removed_at', 'is', null)
    .orderBy('block_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, blockId: r.block_id, position: r.position, text: r.text, defaultKey: r.default_key }));
}

const toSegment = (r: { id: number; block_id: number; started_at: string; ended_at: string | null }): Segment => ({
  id: r.id,
  blockId: r.block_id,
  startedAt: new Date(r.started_at),
  endedAt: r.ended_at === null ? null : new Date(r.ended_at),
});

/** Segments that overlap `range`, plus the running one wherever it started. */
export async function loadSegments(db: RoutineExecutor, range: Range): Promise<Segment[]> {
  const rows = await db
    .selectFrom('routine_segments')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('ended_at', 'is', null),
        eb.and([eb('started_at', '<', range.to.toISOString()), eb('ended_at', '>', range.from.toISOString())]),
      ]),
    )
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map(toSegment);
}

export async function loadOpenSegment(db: RoutineExecutor): Promise<Segment | undefined> {
  const row = await db.selectFrom('routine_segments').selectAll().where('ended_at', 'is', null).executeTakeFirst();
  return row ? toSegment(row) : undefined;
}

/** The most recent segment (for "resume the last block"). */
export async function loadLastSegment(db: RoutineExecutor): Promise<Segment | undefined> {
  const row = await db.selectFrom('routine_segments').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? toSegment(row) : undefined;
}

export async function openSegmentFor(db: RoutineExecutor, blockId: number, at: Date): Promise<void> {
  await db.insertInto('routine_segments').values({ block_id: blockId, started_at: at.toISOString(), ended_at: null }).execute();
}

/** Ends the running segment at `at` (never before its start, also when the clock went back). */
export async function closeSegment(db: RoutineExecutor, segment: Segment, at: Date): Promise<void> {
  const end = at.getTime() < segment.startedAt.getTime() ? segment.startedAt : at;
  await db.updateTable('routine_segments').set({ ended_at: end.toISOString() }).where('id', '=', segment.id).execute();
}

export async function loadFinishes(db: RoutineExecutor, from: string, to: string): Promise<{ day: string; blockId: number }[]> {
  const rows = await db.selectFrom('routine_finishes').select(['day', 'block_id']).where('day', '>=', from).where('day', '<=', to).execute();
  return rows.map((r) => ({ day: r.day, blockId: r.block_id }));
}

export async function setFinished(db: RoutineExecutor, day: string, blockId: number, at: Date | null): Promise<void> {
  if (at === null) {
    await db.deleteFrom('routine_finishes').where('day', '=', day).where('block_id', '=', blockId).execute();
    return;
  }
  await db
    .insertInto('routine_finishes')
    .values({ day, block_id: blockId, finished_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['day', 'block_id']).doNothing())
    .execute();
}

export async function loadChecks(db: RoutineExecutor, from: string, to: string): Promise<{ day: string; itemId: number }[]> {
  const rows = await db.selectFrom('routine_checks').select(['day', 'item_id']).where('day', '>=', from).where('day', '<=', to).execute();
  return rows.map((r) => ({ day: r.day, itemId: r.item_id }));
}

export async function setChecked(db: RoutineExecutor, day: string, itemId: number, at: Date | null): Promise<void> {
  if (at === null) {
    await db.deleteFrom('routine_checks').where('day', '=', day).where('item_id', '=', itemId).execute();
    return;
  }
  await db
    .insertInto('routine_checks')
    .values({ day, item_id: itemId, checked_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['day', 'item_id']).doNothing())
    .execute();
}

/** The first day anything happened: the start of the streak and of "missed" days. */
export async function firstActiveDay(db: RoutineExecutor): Promise<string | null> {
  const [finish, check, closed, segment] = await Promise.all([
    db.selectFrom('routine_finishes').select((eb) => eb.fn.min('day').as('d')).executeTakeFirst(),
    db.selectFrom('routine_checks').select((eb) => eb.fn.min('day').as('d')).executeTakeFirst(),
    db.selectFrom('routine_days').select((eb) => eb.fn.min('day').as('d')).executeTakeFirst(),
    db.selectFrom('routine_segments').select((eb) => eb.fn.min('started_at').as('d')).executeTakeFirst(),
  ]);
  const days = [finish?.d, check?.d, closed?.d].filter((d): d is string => typeof d === 'string');
  if (typeof segment?.d === 'string') days.push(chinaDate(new Date(segment.d)));
  return days.length === 0 ? null : days.reduce((a, b) => (a < b ? a : b));
}
