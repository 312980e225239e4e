import type { Generated } from 'kysely';
import type { Database } from './schema';

/*
 * The routine's and the reminders' tables (migration 0003). Instants are ISO UTC text
 * (`toISOString()`, so they sort as text); days are China dates `YYYY-MM-DD`.
 */

/** A block of the daily routine; removed blocks stay (soft delete) so history keeps their names. */
export interface RoutineBlocksTable {
  id: Generated<number>;
  /** Stable identifier used by the CLI and the history (`orders`, `custom-1` …). */
  key: string;
  title: string;
  /** Key of the default block this still is unchanged (for its translation), or null. */
  default_key: string | null;
  position: number;
  target_minutes: number;
  /** Bit (weekday − 1) set for each ISO weekday the block is planned on; 127 = every day. */
  weekdays: number;
  queue: string | null;
  removed_at: string | null;
  created_at: string;
}

export interface RoutineChecklistItemsTable {
  id: Generated<number>;
  block_id: number;
  position: number;
  text: string;
  default_key: string | null;
  removed_at: string | null;
  created_at: string;
}

/** A stretch of work on a block; `ended_at` null = running now (at most one such row). */
export interface RoutineSegmentsTable {
  id: Generated<number>;
  block_id: number;
  started_at: string;
  ended_at: string | null;
}

/** A block marked finished on a China day. */
export interface RoutineFinishesTable {
  day: string;
  block_id: number;
  finished_at: string;
}

export interface RoutineChecksTable {
  day: string;
  item_id: number;
  checked_at: string;
}

/** A closed day: its figures are frozen here and in routine_day_blocks. */
export interface RoutineDaysTable {
  day: string;
  closed_at: string;
  state: string;
  spent_minutes: number;
  target_minutes: number;
  checklist_done: number;
  checklist_total: number;
}

export interface RoutineDayBlocksTable {
  day: string;
  block_key: string;
  title: string;
  default_key: string | null;
  position: number;
  target_minutes: number;
  spent_seconds: number;
  status: string;
}

/** An idle stretch reported while a block ran, waiting for (or answered by) the user. */
export interface RoutineIdleTable {
  id: Generated<number>;
  block_id: number;
  from_at: string;
  to_at: string;
  reported_at: string;
  resolved_at: string | null;
  action: string | null;
}

/** Key → JSON value. */
export interface KeyValueTable {
  key: string;
  value: string;
  updated_at: string;
}

/** What happened to each reminder key: fired (how often), snoozed, dismissed. */
export interface ReminderLogTable {
  key: string;
  kind: string;
  subject: string;
  /** JSON of the reminder's text params, so a fired reminder can be shown after its rule stopped. */
  params: string;
  due_at: string;
  fired_at: string | null;
  fire_count: number;
  snoozed_until: string | null;
  dismissed_at: string | null;
  updated_at: string;
}

export interface RoutineTables {
  routine_blocks: RoutineBlocksTable;
  routine_checklist_items: RoutineChecklistItemsTable;
  routine_segments: RoutineSegmentsTable;
  routine_finishes: RoutineFinishesTable;
  routine_checks: RoutineChecksTable;
  routine_days: RoutineDaysTable;
  routine_day_blocks: RoutineDayBlocksTable;
  routine_idle: RoutineIdleTable;
  routine_settings: KeyValueTable;
  reminder_log: ReminderLogTable;
  reminder_settings: KeyValueTable;
}

/**
 * The full database as the routine sees it. Kept beside schema.ts's `Database` so the routine's
 * tables can be added without touching every import of it; see src/core/routine/README.md.
 */
export type RoutineDatabase = Database & RoutineTables;
