import type { ReminderKind, ReminderParams } from '../../shared/rpc/domains/reminders';
import { REMINDER_KINDS } from '../../shared/rpc/domains/reminders';
import type { RoutineExecutor } from '../routine/routine-db';
import type { LogEntry } from './policy';
import type { PlannedReminder } from './rules';

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

const toStored = (r: Row): StoredReminder | null =>
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

/** Above this many keys the whole log is read once instead of looked up in chunks. */
const WHOLE_LOG_ABOVE = 5000;

/**
 * The log entries of these keys, for looking keys up. With thousands of keys (every open order of
 * a big shop) the whole log is read in one pass instead of hundreds of IN (…) lookups, and the map
 * may then hold other keys as well: `get` of any key asked for answers the same either way.
 */
export async function loadLog(db: RoutineExecutor, keys: readonly string[]): Promise<ReadonlyMap<string, StoredReminder>> {
  const result = new Map<string, StoredReminder>();
  if (keys.length > WHOLE_LOG_ABOVE) {
    for (const row of await db.selectFrom('reminder_log').selectAll().execute()) {
      const stored = toStored(row);
      if (stored) result.set(stored.key, stored);
    }
    return result;
  }
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

/** Records that these reminders fired now (a snooze that ran out is cleared). */
export async function recordFired(db: RoutineExecutor, fired: readonly PlannedReminder[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const r of fired) {
    await db
      .insertInto('reminder_log')
      .values({ key: r.key, kind: r.kind, subject: r.subject, params: JSON.stringify(r.params), due_at: r.dueAt.toISOString(), fired_at: at, fire_count: 1, snoozed_until: null, dismissed_at: null, updated_at: at })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({ fired_at: at, fire_count: eb('reminder_log.fire_count', '+', 1), snoozed_until: null, params: JSON.stringify(r.params), updated_at: at })),
      )
      .execute();
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
  await db
    .insertInto('reminder_log')
    .values({ key: r.key, kind: r.kind, subject: r.subject, params: JSON.stringify(r.params), due_at: r.dueAt.toISOString(), fired_at: null, fire_count: 0, dismissed_at: null, updated_at: at, ...set })
    .onConflict((oc) => oc.column('key').doUpdateSet({ ...set, updated_at: at }))
    .execute();
}
