import type { ReminderKind, ReminderParams } from '../../shared/rpc/domains/reminders';
import { REMINDER_KINDS } from '../../shared/rpc/domains/reminders';
import type { RoutineExecutor } from '../routine/routine-db';
import type { LogEntry } from './policy';
import type { PlannedReminder } from './planned-reminder';

export type StoredReminder = LogEntry & { kind: ReminderKind; subject: string; params: ReminderParams; dueAt: Date };

const date = (text: string | null): Date | null => (text === null ? null : new Date(text));

const parseParams = (text: string): ReminderParams => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as ReminderParams) : {};
  } catch {
    return {};
  }
};

type Row = {
  key: string;
  kind: string;
  subject: string;
  params: string;
  due_at: string;
  fired_at: string | null;
  snoozed_until: string | null;
  dismissed_at: string | null;
};

const parseRow = (r: Row): StoredReminder | null =>
  (REMINDER_KINDS as readonly string[]).includes(r.kind)
    ? {
        key: r.key,
        kind: r.kind as ReminderKind,
        subject: r.subject,
        params: parseParams(r.params),
        dueAt: new Date(r.due_at),
        firedAt: date(r.fired_at),
        snoozedUntil: date(r.snoozed_until),
        dismissedAt: date(r.dismissed_at),
      }
    : null;

/**
 * Rows read before, by key, with what they were read as: a row read again unchanged (every column
 * equal) gives the same object, so a big log (100k fired order reminders) is neither parsed again
 * nor rendered again on each check (the centre keeps texts per object). Content-addressed, so it
 * holds across databases and restores: an equal row means an equal entry.
 */
const known = new Map<string, { row: Row; stored: StoredReminder | null }>();

const sameRow = (a: Row, b: Row): boolean =>
  a.fired_at === b.fired_at &&
  a.snoozed_until === b.snoozed_until &&
  a.dismissed_at === b.dismissed_at &&
  a.params === b.params &&
  a.due_at === b.due_at &&
  a.kind === b.kind &&
  a.subject === b.subject;

function toStored(r: Row): StoredReminder | null {
  const kept = known.get(r.key);
  if (kept && sameRow(kept.row, r)) return kept.stored;
  const stored = parseRow(r);
  known.set(r.key, { row: { key: r.key, kind: r.kind, subject: r.subject, params: r.params, due_at: r.due_at, fired_at: r.fired_at, snoozed_until: r.snoozed_until, dismissed_at: r.dismissed_at }, stored });
  return stored;
}

/** Above this many keys the whole log is read (and kept) instead of looked up in chunks. */
const WHOLE_LOG_ABOVE = 5000;

/**
 * Writes to reminder_log from this process; every write goes through this file and bumps it
 * before and after, so a log read while a write was under way is never kept. Other processes do
 * not write the log (the CLI lists due reminders without firing them); a restore opens a new
 * database object, which has nothing kept.
 */
let logWrites = 0;
const wholeLogs = new WeakMap<object, { writes: number; byKey: Promise<ReadonlyMap<string, StoredReminder>> }>();

async function readWholeLog(db: RoutineExecutor): Promise<ReadonlyMap<string, StoredReminder>> {
  const read = async () => {
    const result = new Map<string, StoredReminder>();
    for (const row of await db.selectFrom('reminder_log').selectAll().execute()) {
      const stored = toStored(row);
      if (stored) result.set(stored.key, stored);
    }
    return result;
  };
  if (db.isTransaction) return read();
  const hit = wholeLogs.get(db);
  if (hit && hit.writes === logWrites) return hit.byKey;
  const entry = { writes: logWrites, byKey: read() };
  wholeLogs.set(db, entry);
  const drop = () => {
    if (wholeLogs.get(db) === entry) wholeLogs.delete(db);
  };
  try {
    const byKey = await entry.byKey;
    if (logWrites !== entry.writes) drop();
    return byKey;
  } catch (error) {
    drop();
    throw error;
  }
}

/** Runs a write to reminder_log, marking the kept log stale around it. */
async function writing<T>(write: () => Promise<T>): Promise<T> {
  logWrites += 1;
  try {
    return await write();
  } finally {
    logWrites += 1;
  }
}

/**
 * The log entries of these keys, for looking keys up. With thousands of keys (every open order of
 * a big shop) the whole log is read once and kept until the next write, instead of hundreds of
 * IN (…) lookups every 30 seconds; the map then holds other keys as well: `get` of any key asked
 * for answers the same either way. Read it, never change it.
 */
export async function loadLog(db: RoutineExecutor, keys: readonly string[]): Promise<ReadonlyMap<string, StoredReminder>> {
  if (keys.length > WHOLE_LOG_ABOVE) return readWholeLog(db);
  const result = new Map<string, StoredReminder>();
  // SQLite limits bound parameters; chunks keep a long list of order reminders within it.
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('reminder_log').selectAll().where('key', 'in', keys.slice(i, i + 500)).execute();
    for (const row of rows) {
      const stored = toStored(row);
      if (stored) result.set(stored.key, stored);
    }
  }
  return result;
}

/** Entries fired, snoozed or dismissed since `since` (for the centre, also after their rule stopped). */
export async function loadRecentLog(db: RoutineExecutor, since: Date): Promise<StoredReminder[]> {
  const rows = await db.selectFrom('reminder_log').selectAll().where('updated_at', '>=', since.toISOString()).orderBy('updated_at', 'desc').execute();
  return rows.map(toStored).filter((r): r is StoredReminder => r !== null);
}

/** Rows per INSERT when recording: 10 values each, well within SQLite's bound-parameter limit. */
const RECORD_CHUNK = 500;

/**
 * Records that these reminders fired now (a snooze that ran out is cleared). Many rows per
 * statement: the first check after importing a big backlog fires 100k order reminders at once.
 * Keys are unique among `fired` (one plan per key), so no row meets itself within a statement.
 */
export async function recordFired(db: RoutineExecutor, fired: readonly PlannedReminder[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < fired.length; i += RECORD_CHUNK) {
    const chunk = fired.slice(i, i + RECORD_CHUNK);
    await writing(() =>
      db
      .insertInto('reminder_log')
      .values(chunk.map((r) => ({ key: r.key, kind: r.kind, subject: r.subject, params: JSON.stringify(r.params), due_at: r.dueAt.toISOString(), fired_at: at, fire_count: 1, snoozed_until: null, dismissed_at: null, updated_at: at })))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          fired_at: at,
          fire_count: eb('reminder_log.fire_count', '+', 1),
          snoozed_until: null,
          params: eb.ref('excluded.params'),
          updated_at: at,
        })),
      )
      .execute(),
    );
  }
}

/** Snoozes or dismisses a reminder, creating its entry if it never fired. */
export async function markReminder(
  db: RoutineExecutor,
  r: Pick<PlannedReminder, 'key' | 'kind' | 'subject' | 'params' | 'dueAt'>,
  change: { snoozedUntil: Date } | { dismissedAt: Date },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const set = 'snoozedUntil' in change ? { snoozed_until: change.snoozedUntil.toISOString() } : { dismissed_at: change.dismissedAt.toISOString(), snoozed_until: null };
  await writing(() =>
    db
      .insertInto('reminder_log')
      .values({ key: r.key, kind: r.kind, subject: r.subject, params: JSON.stringify(r.params), due_at: r.dueAt.toISOString(), fired_at: null, fire_count: 0, dismissed_at: null, updated_at: at, ...set })
      .onConflict((oc) => oc.column('key').doUpdateSet({ ...set, updated_at: at }))
      .execute(),
  );
}
