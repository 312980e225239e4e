import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { Locale } from '../../shared/i18n/error-messages';
import { reminderGroupText } from '../../shared/i18n/reminder-messages';
import type { Notification, Notifier } from '../../shared/notifier';
import type { Reminder, ReminderKind } from '../../shared/rpc/domains/reminders';
import type { Events } from '../../shared/rpc/contract';
import type { RoutineDatabase } from '../db/routine-schema';
import type { Logger } from '../log';
import { isQuiet, selectToFire } from './policy';
import { loadReminderData } from './reminder-data';
import { loadLog, recordFired } from './reminder-log';
import { renderReminder } from './reminder-service';
import { readReminderSettings } from './reminder-settings';
import { dueReminders } from './rules';

export type SchedulerDeps = {
  /** The open database, or null (recovery mode, closed): then nothing is checked. */
  db(): Kysely<RoutineDatabase> | null;
  clock: Clock;
  log: Logger;
  language(): Promise<Locale>;
  emit(event: 'reminders.fired', payload: Events['reminders.fired']): void;
  /** The host's own channel (e.g. printed by a CLI); the desktop listens to the event instead. */
  notifier?: Notifier | undefined;
  /**
   * True while an import is writing: the periodic check then waits for the next tick. It would
   * read the data as it was before the import and compete for the CPU with the import's threads
   * (at 500k lines a check reads hundreds of thousands of rows); the import's end triggers a check.
   */
  isPaused?: () => boolean;
  /** Runs the check's write (the reminder log) when no import holds the write lock (db/write-scheduler.ts). */
  runWrite?: <T>(task: () => Promise<T>) => Promise<T>;
};

export type ReminderScheduler = {
  /** Fires what is due now; concurrent calls run one after another. Never throws. */
  check(): Promise<Reminder[]>;
  /** Checks every `seconds` (0: never) until stopped. */
  start(seconds: number): void;
  /** Stops the timer and waits for a check in progress (before the database closes). */
  stop(): Promise<void>;
};

/** A group of order reminders opens the orders screen filtered to that queue, not its first order. */
const GROUP_SUBJECT: Partial<Record<ReminderKind, string>> = { 'orders.shipOverdue': 'orders:overdue', 'orders.shipDue': 'orders:due24h' };

/**
 * One notification per reminder, except that several of one kind firing together (thirty orders
 * after an import) make one, with a count. A click opens the subject (for a group of order
 * reminders their queue on the orders screen, for other groups the first one's: the screen is the
 * same for all of a kind).
 */
export function notificationsFor(fired: readonly Reminder[], locale: Locale): Notification[] {
  const byKind = new Map<ReminderKind, Reminder[]>();
  // Appended in place: copying the list per reminder made 100k fired at once take minutes.
  for (const r of fired) {
    const list = byKind.get(r.kind);
    if (list) list.push(r);
    else byKind.set(r.kind, [r]);
  }
  return [...byKind.entries()].flatMap(([kind, list]) => {
    const first = list[0];
    if (!first) return [];
    const group = list.length > 1 ? reminderGroupText(kind, { ...first.params, count: list.length }, locale) : null;
    return group ? [{ key: `reminders:${kind}`, subject: GROUP_SUBJECT[kind] ?? first.subject, ...group }] : list.map((r) => ({ key: r.key, subject: r.subject, title: r.title, body: r.body }));
  });
}

export function createReminderScheduler(deps: SchedulerDeps): ReminderScheduler {
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | null = null;

  const runOnce = async (): Promise<Reminder[]> => {
    const db = deps.db();
    if (!db) return [];
    const now = deps.clock.now();
    const [data, settings] = await Promise.all([loadReminderData(db, now), readReminderSettings(db)]);
    const due = dueReminders(now, data, settings);
    const log = await loadLog(db, due.map((d) => d.key));
    const toFire = selectToFire(due, log, now, isQuiet(now, settings.quietHours));
    if (toFire.length === 0) return [];
    const record = () => db.transaction().execute((trx) => recordFired(trx, toFire, now));
    await (deps.runWrite ? deps.runWrite(record) : record());
    const locale = await deps.language();
    const reminders = toFire.map((r) => renderReminder(r, locale));
    const notifications = notificationsFor(reminders, locale);
    deps.emit('reminders.fired', { reminders, notifications });
    for (const n of notifications) deps.notifier?.notify(n);
    return reminders;
  };

  const check = (): Promise<Reminder[]> => {
    const next = chain.then(runOnce).catch((error: unknown) => {
      deps.log.warn('checking reminders failed', { detail: (error as Error).message });
      return [];
    });
    chain = next;
    return next;
  };

  return {
    check,
    start(seconds) {
      if (seconds <= 0 || timer) return;
      timer = setInterval(() => {
        if (!deps.isPaused?.()) void check();
      }, seconds * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await chain;
    },
  };
}
