import { addDays, chinaClock, chinaDate, chinaInstant, clockMinutes } from '../../shared/domain/china-time';
import type { ReminderSettings, ReminderState, SnoozeChoice } from '../../shared/rpc/domains/reminders';
import type { PlannedReminder } from './planned-reminder';

/** What the log holds about a key (see reminder_log). */
export type LogEntry = {
  key: string;
  firedAt: Date | null;
  snoozedUntil: Date | null;
  dismissedAt: Date | null;
};

/** Quiet hours in China time; `start` > `end` crosses midnight; equal times mean no quiet hours. */
export function isQuiet(now: Date, quiet: ReminderSettings['quietHours']): boolean {
  if (!quiet.isEnabled || quiet.start === quiet.end) return false;
  const minute = clockMinutes(chinaClock(now));
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When a snooze ends: in 10 minutes, in an hour, or tomorrow at 09:00 China time. */
export function snoozeUntil(choice: SnoozeChoice, now: Date): Date {
  if (choice === '10m') return new Date(now.getTime() + 10 * 60_000);
  if (choice === '1h') return new Date(now.getTime() + 60 * 60_000);
  return chinaInstant(addDays(chinaDate(now), 1), '09:00');
}

/**
 * Which due reminders fire now: each key once, again only after a snooze ran out, never after a
 * dismissal, and nothing during quiet hours (they stay due and fire when the quiet hours end,
 * unless they went stale by then).
 */
export function selectToFire(due: readonly PlannedReminder[], log: ReadonlyMap<string, LogEntry>, now: Date, isQuietNow: boolean): PlannedReminder[] {
  if (isQuietNow) return [];
  return due.filter((r) => {
    const entry = log.get(r.key);
    if (!entry) return true;
    if (entry.dismissedAt) return false;
    if (entry.snoozedUntil) return entry.snoozedUntil <= now;
    return entry.firedAt === null;
  });
}

/** A reminder's place in the centre. */
export function reminderState(r: PlannedReminder, entry: LogEntry | undefined, now: Date): ReminderState {
  if (entry) {
    if (entry.dismissedAt) return 'dismissed';
    if (entry.snoozedUntil && entry.snoozedUntil > now) return 'snoozed';
    if (entry.firedAt && !(entry.snoozedUntil && entry.snoozedUntil <= now)) return 'fired';
  }
  // isDue(r, now) implies dueAt ≤ now, so this is `isDue(r, now) || r.dueAt <= now`, read once.
  return r.dueAt.getTime() <= now.getTime() ? 'due' : 'upcoming';
}
