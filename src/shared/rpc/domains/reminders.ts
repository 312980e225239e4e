import { z } from 'zod';
import type { Notification } from '../../notifier';
import { formatField, numberField } from '../../validation/field-schemas';
import { LANGUAGES } from './settings';

/** The rules of this issue; later issues add theirs (settlement, deposit, campaigns …). */
export const REMINDER_KINDS = ['routine.targetReached', 'listing.slot', 'orders.shipDue', 'orders.shipOverdue', 'data.decline', 'settlement', 'deposit', 'supplier.returnInfo', 'campaign', 'aftersales.deadline', 'influencer', 'sample', 'health.warning'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const SNOOZE_CHOICES = ['10m', '1h', 'tomorrow'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** Values a reminder's text is filled with (see src/shared/i18n/reminder-messages.ts). */
export type ReminderParams = Record<string, string | number>;

/**
 * One reminder. `key` is stable (the same thing due again gives the same key), so it fires once.
 * `subject` names what it is about as `type:id` (`block:orders`, `order:6919…`, `slot:09:00`,
 * `day:2026-09-10`), which is where a click goes.
 */
export type Reminder = {
  key: string;
  kind: ReminderKind;
  dueAt: string;
  title: string;
  body: string;
  subject: string;
  params: ReminderParams;
};

export type ReminderState = 'upcoming' | 'due' | 'fired' | 'snoozed' | 'dismissed';

export type ReminderEntry = Reminder & {
  state: ReminderState;
  firedAt: string | null;
  snoozedUntil: string | null;
};

/** How many entries each list of the centre holds in full (the lists carry at most `limit`). */
export type ReminderCentreTotals = { upcoming: number; fired: number; snoozed: number };

export type ReminderCentre = {
  now: string;
  /** Due later today (or within the next 24 hours), soonest first. */
  upcoming: ReminderEntry[];
  /** Fired (or due and held back by quiet hours) and not dismissed, newest first. */
  fired: ReminderEntry[];
  /** Snoozed, the one that comes back first first. */
  snoozed: ReminderEntry[];
  /** The full length of each list: more than the list's length when it was cut at `limit`. */
  totals: ReminderCentreTotals;
  isQuietNow: boolean;
  /**
   * The orders past their ship-by time now (what the grouped `orders.shipOverdue` reminder and Today's
   * "已超时未发货 → 查看全部" open; the reminders screen lists them until an orders screen exists):
   * the first `limit`, earliest ship-by first, and the totals.
   */
  overdueOrders: { total: number; lines: number; orders: OverdueOrder[] };
};

/** One order past its ship-by time: its earliest line's ship-by (ISO) and its unshipped lines. */
export type OverdueOrder = { orderId: string; productTitle: string | null; shipBy: string; lines: number };

/** Entries per list of the centre when `reminders.list` is not given a `limit`, and the most it takes. */
export const CENTRE_LIMIT_DEFAULT = 100;
export const CENTRE_LIMIT_MAX = 1000;

export type ReminderSettings = {
  isEnabled: boolean;
  /** Each rule on or off. */
  kinds: Record<ReminderKind, boolean>;
  /** Minutes before a listing slot its reminder comes. The slots themselves are the 选品 quota's (`sourcing.quota`). */
  listingLeadMinutes: number;
  /** Remind of orders that must ship within this many hours. */
  shipDueHours: number;
  /** No notification between start and end (China time; may cross midnight); held ones come at the end. */
  quietHours: { isEnabled: boolean; start: string; end: string };
};

const reminderKey = z.string().min(1).max(200);
const locale = z.enum(LANGUAGES).optional();

export const reminderMethods = {
  /**
   * Reminders due now (not dismissed, not snoozed), fired or not, by due time; texts in `locale` or
   * the user's language. Only those of `kinds` when given — a screen showing a few kinds asks for
   * those. A page: `limit` (1–1000, default 100) from `offset` (default 0), with `total`, the
   * length of the whole list (a big shop can have 100k+ due at once; the CLI pages through all).
   */
  'reminders.due': z
    .object({
      locale,
      kinds: z.array(z.enum(REMINDER_KINDS)).min(1).max(REMINDER_KINDS.length).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(CENTRE_LIMIT_MAX).optional(),
    })
    .strict(),
  /**
   * The reminders centre: upcoming, fired and snoozed reminders. Each list holds only its first
   * `limit` entries (default 100, at most 1000) in its own order — the most urgent / newest first,
   * the same entries as the first ones of the whole list — and `totals` gives each list's full
   * length, so a screen shows the first ones and "N more" (a big shop has 100k+ overdue orders).
   */
  'reminders.list': z.object({ locale, limit: z.number().int().min(1).max(CENTRE_LIMIT_MAX).optional() }).strict(),
  /** Holds a reminder back for 10 minutes, an hour, or until 09:00 tomorrow (China time). */
  'reminders.snooze': z.object({ key: reminderKey, choice: z.enum(SNOOZE_CHOICES) }).strict(),
  /** Dismisses a reminder for good (it is not fired again). */
  'reminders.dismiss': z.object({ key: reminderKey }).strict(),
  'reminders.settings': z.object({}).strict(),
  'reminders.updateSettings': z
    .object({
      isEnabled: z.boolean().optional(),
      kinds: z.partialRecord(z.enum(REMINDER_KINDS), z.boolean()).optional(),
      listingLeadMinutes: numberField('listingLeadMinutes').optional(),
      shipDueHours: numberField('shipDueHours').optional(),
      quietHours: z.object({ isEnabled: z.boolean(), start: formatField('quietStart'), end: formatField('quietEnd') }).strict().optional(),
    })
    .strict(),
} as const;

/** One page of the due reminders and how many there are in all. */
export type DueReminders = { total: number; reminders: Reminder[] };

export type ReminderResults = {
  'reminders.due': DueReminders;
  'reminders.list': ReminderCentre;
  'reminders.snooze': ReminderEntry;
  'reminders.dismiss': ReminderEntry;
  'reminders.settings': ReminderSettings;
  'reminders.updateSettings': ReminderSettings;
};

export type ReminderEvents = {
  /**
   * Reminders that just fired (texts in the user's language) and the notifications to show for them:
   * one per reminder, except that several of one kind firing together make one (no flood of 30
   * "ship soon" notifications after an import). The desktop shows each as a system notification.
   */
  'reminders.fired': { reminders: Reminder[]; notifications: Notification[] };
  /** Snoozed, dismissed or settings changed. */
  'reminders.changed': { key: string | null };
};
