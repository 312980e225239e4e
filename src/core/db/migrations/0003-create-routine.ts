import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time: the daily routine (blocks, checklists, timer segments, finished blocks, ticks,
 * closed days, idle questions) and the reminders' log, with their settings. Instants are ISO UTC
 * text; days are China dates. The default routine is not seeded here but by the routine domain on
 * first use, so a restored pre-0003 backup gets it too.
 */
const STATEMENTS = [
  `CREATE TABLE routine_blocks (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    default_key TEXT,
    position INTEGER NOT NULL,
    target_minutes INTEGER NOT NULL CHECK (target_minutes > 0),
    weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 0 AND 127),
    queue TEXT,
    removed_at TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE routine_checklist_items (
    id INTEGER PRIMARY KEY,
    block_id INTEGER NOT NULL REFERENCES routine_blocks (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    default_key TEXT,
    removed_at TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX routine_checklist_items_by_block ON routine_checklist_items (block_id, position)`,
  `CREATE TABLE routine_segments (
    id INTEGER PRIMARY KEY,
    block_id INTEGER NOT NULL REFERENCES routine_blocks (id),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
  ) STRICT`,
  `CREATE INDEX routine_segments_by_start ON routine_segments (started_at)`,
  // One block runs at a time: at most one open segment, enforced by the database itself.
  `CREATE UNIQUE INDEX routine_segments_one_open ON routine_segments ((ended_at IS NULL)) WHERE ended_at IS NULL`,
  `CREATE TABLE routine_finishes (
    day TEXT NOT NULL,
    block_id INTEGER NOT NULL REFERENCES routine_blocks (id),
    finished_at TEXT NOT NULL,
    PRIMARY KEY (day, block_id)
  ) STRICT`,
  `CREATE TABLE routine_checks (
    day TEXT NOT NULL,
    item_id INTEGER NOT NULL REFERENCES routine_checklist_items (id),
    checked_at TEXT NOT NULL,
    PRIMARY KEY (day, item_id)
  ) STRICT`,
  `CREATE TABLE routine_days (
    day TEXT NOT NULL PRIMARY KEY,
    closed_at TEXT NOT NULL,
    state TEXT NOT NULL,
    spent_minutes INTEGER NOT NULL,
    target_minutes INTEGER NOT NULL,
    checklist_done INTEGER NOT NULL,
    checklist_total INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE routine_day_blocks (
    day TEXT NOT NULL REFERENCES routine_days (day),
    block_key TEXT NOT NULL,
    title TEXT NOT NULL,
    default_key TEXT,
    position INTEGER NOT NULL,
    target_minutes INTEGER NOT NULL,
    spent_seconds INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (day, block_key)
  ) STRICT`,
  `CREATE TABLE routine_idle (
    id INTEGER PRIMARY KEY,
    block_id INTEGER NOT NULL REFERENCES routine_blocks (id),
    from_at TEXT NOT NULL,
    to_at TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    resolved_at TEXT,
    action TEXT
  ) STRICT`,
  `CREATE TABLE routine_settings (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT`,
  `CREATE TABLE reminder_log (
    key TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    params TEXT NOT NULL,
    due_at TEXT NOT NULL,
    fired_at TEXT,
    fire_count INTEGER NOT NULL DEFAULT 0,
    snoozed_until TEXT,
    dismissed_at TEXT,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE reminder_settings (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT`,
  // The work queues read unshipped lines and order days many times a day.
  `CREATE INDEX order_lines_by_status ON order_lines (status)`,
  `CREATE INDEX aftersales_by_status ON aftersales (status)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
