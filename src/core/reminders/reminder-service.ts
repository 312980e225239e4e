import type { Kysely } from 'kysely';
import type { Locale } from '../../shared/i18n/error-messages';
import { reminderText } from '../../shared/i18n/reminder-messages';
import { AppError } from '../../shared/errors';
import { CENTRE_LIMIT_DEFAULT, type DueReminders, type Reminder, type ReminderCentre, type ReminderEntry, type ReminderKind, type ReminderSettings, type SnoozeChoice } from '../../shared/rpc/domains/reminders';
import type { RoutineDatabase } from '../db/routine-schema';
import { collate } from '../orders/shipping';
import { isQuiet, reminderState, snoozeUntil, type LogEntry } from './policy';
import { loadReminderData } from './reminder-data';
import { loadLog, loadRecentLog, markReminder, type StoredReminder } from './reminder-log';
import { readReminderSettings } from './reminder-settings';
import type { PlannedReminder } from './planned-reminder';
import { isDue, planReminders, shippingPlanOf } from './rules';
import { loadFirstShipOrders, loadOverdueAt, loadShipOrder } from '../orders/ship-queue-reads';

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

/**
 * Due now, neither dismissed nor snoozed, fired or not, in plan order (the CLI's `shopdesk
 * reminders` pages through them); only those of `kinds` when given. Filtered and cut before
 * rendering: only the page is turned into texts.
 */
export async function listDue(
  db: Kysely<RoutineDatabase>,
  now: Date,
  locale: Locale,
  page: { kinds?: readonly ReminderKind[] | undefined; offset?: number | undefined; limit?: number | undefined } = {},
): Promise<DueReminders> {
  const { planned, log } = await plan(db, now);
  const wanted = page.kinds ? new Set<ReminderKind>(page.kinds) : null;
  const due = planned.filter((p) => {
    if ((wanted !== null && !wanted.has(p.kind)) || !isDue(p, now)) return false;
    const entry = log.get(p.key);
    return !entry?.dismissedAt && !(entry?.snoozedUntil && entry.snoozedUntil > now);
  });
  const offset = page.offset ?? 0;
  return { total: due.length, reminders: due.slice(offset, offset + (page.limit ?? CENTRE_LIMIT_DEFAULT)).map((p) => renderReminder(p, locale)) };
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
  // The grouped overdue reminder counts the orders overdue now: shown with today's figures, not those it fired with.
  const overdueGroup = planned.find((p) => p.kind === 'orders.shipOverdue');
  for (const stored of recent) {
    if (stored.dismissedAt) continue;
    const r = overdueGroup?.key === stored.key ? overdueGroup : stored;
    if (stored.snoozedUntil && stored.snoozedUntil > now) snoozed.set(stored.key, { r, entry: stored, state: 'snoozed' });
    else if (stored.firedAt) fired.set(stored.key, { r, entry: stored, state: 'fired' });
  }
  return { settings, upcoming, fired, snoozed };
}

/** Canonical `toISOString()` text: among these, collation order is plain character order. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Newest first by fired (else due) time, as `localeCompare` orders those texts. */
export function newestFirst(entries: ReminderEntry[]): ReminderEntry[] {
  return newestFirstBy(entries, (e) => e.firedAt ?? e.dueAt);
}

/** `newestFirst` for anything that has that time (`at` gives it as the rendered entry would carry it). */
function newestFirstBy<T>(items: readonly T[], at: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, at: at(item) }));
  const plain = keyed.every((k) => ISO_INSTANT.test(k.at));
  keyed.sort(plain ? (a, b) => (b.at < a.at ? -1 : b.at > a.at ? 1 : 0) : (a, b) => collate(b.at, a.at));
  return keyed.map((k) => k.item);
}

/** Instants whose `toISOString()` is canonical (years 0000–9999): for them, time order is text order. */
const PLAIN_FROM = Date.parse('0000-01-01T00:00:00.000Z');
const PLAIN_TO = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * `newestFirst` on placed reminders, before rendering them, so only the kept are rendered. The same
 * order: by the fired (else due) instant, which for canonical texts is their text order, and stable.
 * Compares numbers: a fired list after a big import holds 100k+ (their texts would be built per call).
 */
function newestFirstPlaced(placed: readonly Placed[]): Placed[] {
  const keyed = placed.map((p) => ({ p, at: (p.entry?.firedAt ?? p.r.dueAt).getTime() }));
  if (!keyed.every((k) => k.at >= PLAIN_FROM && k.at <= PLAIN_TO)) {
    return newestFirstBy(placed, ({ r, entry }) => (entry?.firedAt ?? r.dueAt).toISOString());
  }
  keyed.sort((a, b) => b.at - a.at);
  return keyed.map((k) => k.p);
}

/**
 * The reminders centre (see `placeReminders`): each list's first `limit` entries in its order, and
 * each list's full length. Every list is ordered whole before it is cut, so its first `limit` are
 * those of the whole list.
 */
export async function loadCentre(db: Kysely<RoutineDatabase>, now: Date, locale: Locale, limit = CENTRE_LIMIT_DEFAULT): Promise<ReminderCentre> {
  const { settings, upcoming, fired, snoozed } = await placeReminders(db, now);
  // The overdue list from the shipping queue's summary: its count and its first `limit` orders.
  const overdue = await loadOverdueAt(db, now.getTime());
  const overdueFirst = await loadFirstShipOrders(db, Math.min(limit, overdue.orders), now.getTime());
  const render = ({ r, entry, state }: Placed) => entryOf(r, entry, locale, state);
  const firedAll = [...fired.values()];
  const snoozedAll = [...snoozed.values()];
  return {
    now: now.toISOString(),
    // Planned in due order already: the first `limit` are the soonest.
    upcoming: upcoming.slice(0, limit).map(render),
    fired: newestFirstPlaced(firedAll)
      .slice(0, limit)
      .map(render),
    snoozed: snoozedAll
      .map(render)
      .sort((a, b) => collate(a.snoozedUntil ?? '', b.snoozedUntil ?? ''))
      .slice(0, limit),
    totals: { upcoming: upcoming.length, fired: firedAll.length, snoozed: snoozedAll.length },
    isQuietNow: isQuiet(now, settings.quietHours),
    overdueOrders: {
      total: overdue.orders,
      lines: overdue.lines,
      orders: overdueFirst.map((o) => ({ orderId: o.orderId, productTitle: o.productTitle, shipBy: (o.shipBy as Date).toISOString(), lines: o.lines })),
    },
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

const SHIP_DUE = 'orders.shipDue:';

/**
 * An order's ship-within reminder asked for by key while it is neither due nor upcoming (the plan
 * holds only those): planned as the rules plan every order with a ship-by, when the kind is on.
 */
async function shipDueOutsideWindow(db: Kysely<RoutineDatabase>, key: string, settings: ReminderSettings): Promise<PlannedReminder | undefined> {
  if (!key.startsWith(SHIP_DUE) || !settings.isEnabled || !settings.kinds['orders.shipDue']) return undefined;
  const order = await loadShipOrder(db, key.slice(SHIP_DUE.length));
  if (!order?.shipBy) return undefined;
  return shippingPlanOf({ orderId: order.orderId, shipBy: order.shipBy, productTitle: order.productTitle, lines: order.lines }, settings.shipDueHours);
}

async function find(db: Kysely<RoutineDatabase>, key: string, now: Date): Promise<{ known: Known; entry: StoredReminder | undefined }> {
  const { planned, settings } = await plan(db, now);
  const entry = (await loadLog(db, [key])).get(key);
  const known = planned.find((p) => p.key === key) ?? (await shipDueOutsideWindow(db, key, settings)) ?? entry;
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
