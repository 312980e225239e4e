import type { Kysely } from 'kysely';
import type { Locale } from '../../shared/i18n/error-messages';
import { reminderText } from '../../shared/i18n/reminder-messages';
import { AppError } from '../../shared/errors';
import type { Reminder, ReminderCentre, ReminderEntry, SnoozeChoice } from '../../shared/rpc/domains/reminders';
import type { RoutineDatabase } from '../db/routine-schema';
import { collate } from '../orders/shipping';
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

/**
 * Rendered texts of planned reminders the rules keep between calls (the shipping plans, shared
 * while the order data stays the same): the centre lists every due order, so rendering 100k of
 * them on each call would dominate it. Callers get copies, so what is kept never changes.
 */
const rendered = new WeakMap<Known, Partial<Record<Locale, Reminder>>>();

function renderKept(r: Known, locale: Locale): Reminder {
  let byLocale = rendered.get(r);
  if (!byLocale) {
    byLocale = {};
    rendered.set(r, byLocale);
  }
  return (byLocale[locale] ??= renderReminder(r, locale));
}

const entryOf = (r: Known, log: LogEntry | undefined, locale: Locale, state: ReminderEntry['state']): ReminderEntry => ({
  ...renderKept(r, locale),
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

type Placed = { r: Known; entry: LogEntry | undefined; state: ReminderEntry['state'] };

/**
 * Where each reminder goes in the centre. Upcoming: due within a day. Fired: fired in the last two
 * days and not dismissed (also when their rule no longer applies, e.g. the order shipped since),
 * plus due ones held back by quiet hours. Snoozed: until a later time.
 */
async function placeReminders(db: Kysely<RoutineDatabase>, now: Date) {
  const { planned, settings, log } = await plan(db, now);
  const recent = await loadRecentLog(db, new Date(now.getTime() - 2 * DAY));
  const upcoming: Placed[] = [];
  const fired = new Map<string, Placed>();
  const snoozed = new Map<string, Placed>();
  const nowMs = now.getTime();
  for (const p of planned) {
    const entry = log.get(p.key);
    // Without a log entry (most of them), reminderState is just due-or-not and isDue the expiry:
    // the same tests on numbers, once per plan (a big shop plans 200k+).
    const dueMs = p.dueAt.getTime();
    const state = entry ? reminderState(p, entry, now) : dueMs <= nowMs ? 'due' : 'upcoming';
    if (state === 'upcoming' && dueMs - nowMs <= DAY) upcoming.push({ r: p, entry, state });
    else if (state === 'due' && dueMs <= nowMs && (p.expiresAt === null || nowMs < p.expiresAt.getTime())) fired.set(p.key, { r: p, entry, state });
  }
  for (const stored of recent) {
    if (stored.dismissedAt) continue;
    if (stored.snoozedUntil && stored.snoozedUntil > now) snoozed.set(stored.key, { r: stored, entry: stored, state: 'snoozed' });
    else if (stored.firedAt) fired.set(stored.key, { r: stored, entry: stored, state: 'fired' });
  }
  return { settings, upcoming, fired, snoozed };
}

/** Canonical `toISOString()` text: among these, collation order is plain character order. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Newest first by fired (else due) time, as `localeCompare` orders those texts. */
export function newestFirst(entries: ReminderEntry[]): ReminderEntry[] {
  const keyed = entries.map((e) => ({ e, at: e.firedAt ?? e.dueAt }));
  const plain = keyed.every((k) => ISO_INSTANT.test(k.at));
  keyed.sort(plain ? (a, b) => (b.at < a.at ? -1 : b.at > a.at ? 1 : 0) : (a, b) => collate(b.at, a.at));
  return keyed.map((k) => k.e);
}

/** The reminders centre (see `placeReminders`). */
export async function loadCentre(db: Kysely<RoutineDatabase>, now: Date, locale: Locale): Promise<ReminderCentre> {
  const { settings, upcoming, fired, snoozed } = await placeReminders(db, now);
  const render = ({ r, entry, state }: Placed) => entryOf(r, entry, locale, state);
  return {
    now: now.toISOString(),
    upcoming: upcoming.map(render),
    fired: newestFirst([...fired.values()].map(render)),
    snoozed: [...snoozed.values()].map(render).sort((a, b) => collate(a.snoozedUntil ?? '', b.snoozedUntil ?? '')),
    isQuietNow: isQuiet(now, settings.quietHours),
  };
}

/**
 * What the Today screen shows of the centre, without rendering it: how many upcoming reminders are
 * due before `until` (an ISO instant, compared as text like the rendered `dueAt`) and how many
 * are in the fired list — the same figures as counting `loadCentre`'s lists.
 */
export async function loadCentreCounts(db: Kysely<RoutineDatabase>, now: Date, until: string): Promise<{ upcomingBefore: number; fired: number }> {
  // `placeReminders` without building the lists: the Today screen asks on every refresh.
  const { planned, log } = await plan(db, now);
  const recent = await loadRecentLog(db, new Date(now.getTime() - 2 * DAY));
  const firedFromLog = new Set(recent.filter((s) => !s.dismissedAt && !(s.snoozedUntil && s.snoozedUntil > now) && s.firedAt).map((s) => s.key));
  let upcomingBefore = 0;
  let fired = firedFromLog.size;
  const nowMs = now.getTime();
  for (const p of planned) {
    const entry = log.get(p.key);
    const dueMs = p.dueAt.getTime();
    const state = entry ? reminderState(p, entry, now) : dueMs <= nowMs ? 'due' : 'upcoming';
    if (state === 'upcoming' && dueMs - nowMs <= DAY) {
      if (p.dueAt.toISOString() < until) upcomingBefore += 1;
    } else if (state === 'due' && dueMs <= nowMs && (p.expiresAt === null || nowMs < p.expiresAt.getTime()) && !firedFromLog.has(p.key)) fired += 1;
  }
  return { upcomingBefore, fired };
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
