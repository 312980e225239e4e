import type { Kysely } from 'kysely';
import type { Locale } from '../../shared/i18n/error-messages';
import { reminderText } from '../../shared/i18n/reminder-messages';
import { AppError } from '../../shared/errors';
import type { Reminder, ReminderCentre, ReminderEntry, SnoozeChoice } from '../../shared/rpc/domains/reminders';
import type { RoutineDatabase } from '../db/routine-schema';
import { isQuiet, reminderState, snoozeUntil, type LogEntry } from './policy';
import { loadReminderData } from './reminder-data';
import { loadLog, loadRecentLog, markReminder, type StoredReminder } from './reminder-log';
import { readReminderSettings } from './reminder-settings';
import { isDue, planReminders, type PlannedReminder } from './rules';

type Known = Pick<PlannedReminder, 'key' | 'kind' | 'subject' | 'params' | 'dueAt'>;

export const renderReminder = (r: Known, locale: Locale): Reminder => ({
  key: r.key,
  kind: r.kind,
  dueAt: r.dueAt.toISOString(),
  subject: r.subject,
  params: r.params,
  ...reminderText(r.kind, r.params, locale),
});

const entryOf = (r: Known, log: LogEntry | undefined, locale: Locale, state: ReminderEntry['state']): ReminderEntry => ({
  ...renderReminder(r, locale),
  state,
  firedAt: log?.firedAt?.toISOString() ?? null,
  snoozedUntil: log?.snoozedUntil?.toISOString() ?? null,
});

async function plan(db: Kysely<RoutineDatabase>, now: Date) {
  const [data, settings] = await Promise.all([loadReminderData(db, now), readReminderSettings(db)]);
  const planned = planReminders(now, data, settings);
  return { planned, settings, log: await loadLog(db, planned.map((p) => p.key)) };
}

/** Due now, neither dismissed nor snoozed, fired or not (the CLI's `shopdesk reminders`). */
export async function listDue(db: Kysely<RoutineDatabase>, now: Date, locale: Locale): Promise<Reminder[]> {
  const { planned, log } = await plan(db, now);
  return planned
    .filter((p) => isDue(p, now))
    .filter((p) => {
      const entry = log.get(p.key);
      return !entry?.dismissedAt && !(entry?.snoozedUntil && entry.snoozedUntil > now);
    })
    .map((p) => renderReminder(p, locale));
}

const DAY = 86400_000;

/**
 * The reminders centre. Upcoming: due within a day. Fired: fired in the last two days and not
 * dismissed (also when their rule no longer applies, e.g. the order shipped since), plus due ones
 * held back by quiet hours. Snoozed: until a later time.
 */
export async function loadCentre(db: Kysely<RoutineDatabase>, now: Date, locale: Locale): Promise<ReminderCentre> {
  const { planned, settings, log } = await plan(db, now);
  const recent = await loadRecentLog(db, new Date(now.getTime() - 2 * DAY));
  const upcoming: ReminderEntry[] = [];
  const fired = new Map<string, ReminderEntry>();
  const snoozed = new Map<string, ReminderEntry>();
  for (const p of planned) {
    const entry = log.get(p.key);
    const state = reminderState(p, entry, now);
    if (state === 'upcoming' && p.dueAt.getTime() - now.getTime() <= DAY) upcoming.push(entryOf(p, entry, locale, state));
    else if (state === 'due' && isDue(p, now)) fired.set(p.key, entryOf(p, entry, locale, state));
  }
  for (const stored of recent) {
    if (stored.dismissedAt) continue;
    if (stored.snoozedUntil && stored.snoozedUntil > now) snoozed.set(stored.key, entryOf(stored, stored, locale, 'snoozed'));
    else if (stored.firedAt) fired.set(stored.key, entryOf(stored, stored, locale, 'fired'));
  }
  const newestFirst = (a: ReminderEntry, b: ReminderEntry) => (b.firedAt ?? b.dueAt).localeCompare(a.firedAt ?? a.dueAt);
  return {
    now: now.toISOString(),
    upcoming,
    fired: [...fired.values()].sort(newestFirst),
    snoozed: [...snoozed.values()].sort((a, b) => (a.snoozedUntil ?? '').localeCompare(b.snoozedUntil ?? '')),
    isQuietNow: isQuiet(now, settings.quietHours),
  };
}

async function find(db: Kysely<RoutineDatabase>, key: string, now: Date): Promise<{ known: Known; entry: StoredReminder | undefined }> {
  const { planned } = await plan(db, now);
  const entry = (await loadLog(db, [key])).get(key);
  const known = planned.find((p) => p.key === key) ?? entry;
  if (!known) throw new AppError('NOT_FOUND', `no reminder "${key}"`, { key });
  return { known, entry };
}

export async function snoozeReminder(db: Kysely<RoutineDatabase>, key: string, choice: SnoozeChoice, now: Date, locale: Locale): Promise<ReminderEntry> {
  const { known } = await find(db, key, now);
  const until = snoozeUntil(choice, now);
  await markReminder(db, known, { snoozedUntil: until }, now);
  const entry = (await loadLog(db, [key])).get(key);
  return entryOf(known, entry, locale, 'snoozed');
}

export async function dismissReminder(db: Kysely<RoutineDatabase>, key: string, now: Date, locale: Locale): Promise<ReminderEntry> {
  const { known } = await find(db, key, now);
  await markReminder(db, known, { dismissedAt: now }, now);
  const entry = (await loadLog(db, [key])).get(key);
  return entryOf(known, entry, locale, 'dismissed');
}
