import type { Kysely } from 'kysely';
import { addDays, chinaDate, chinaDayRange, chinaInstant } from '../../shared/domain/china-time';
import type { CampaignReminderEvent } from '../../shared/i18n/campaign-reminder-messages';
import type { PlannedReminder } from '../reminders/planned-reminder';
import type { CampaignDatabase } from './campaign-schema';
import { ensureSeeded } from './campaign-seed';
import { readCampaignSettings } from './campaign-settings';

/** A campaign the reminders look at: still to sign up for, or taken part in and not over. */
export type CampaignReminderFact = {
  id: number;
  name: string;
  /** With the year, names a seeded campaign's translation (shown while it keeps the seeded name). */
  seedKey: string | null;
  year: number;
  origin: 'platform' | 'own';
  status: 'planned' | 'signedUp' | 'skipped';
  signupStart: string | null;
  signupDeadline: string | null;
  runStart: string;
  runEnd: string;
};

export type CampaignReminderFacts = { signupLeadDays: number; campaigns: CampaignReminderFact[] };

/** The deadline reminder comes in the working morning, China time, not at midnight. */
export const DEADLINE_REMINDER_CLOCK = '09:00';

/**
 * Campaigns whose reminders can still be due: sign-up deadlines from yesterday on (a deadline's
 * reminder lasts its whole day), runs ending from two days ago on (the end reminder lasts a day).
 */
export async function loadCampaignReminderFacts<D>(db: Kysely<D>, now: Date): Promise<CampaignReminderFacts> {
  const cdb = db as unknown as Kysely<CampaignDatabase>;
  const today = chinaDate(now);
  // The platform calendar's deadlines remind even before the campaigns screen was first opened.
  await ensureSeeded(cdb, now);
  const [settings, rows] = await Promise.all([
    readCampaignSettings(cdb),
    cdb
      .selectFrom('campaigns')
      .select(['id', 'name', 'seed_key', 'year', 'origin', 'status', 'signup_start', 'signup_deadline', 'run_start', 'run_end'])
      .where('status', '!=', 'skipped')
      .where((eb) => eb.or([eb('signup_deadline', '>=', addDays(today, -1)), eb('run_end', '>=', addDays(today, -2))]))
      .orderBy('id')
      .execute(),
  ]);
  return {
    signupLeadDays: settings.signupLeadDays,
    campaigns: rows.map((r) => ({ id: r.id, name: r.name, seedKey: r.seed_key, year: r.year, origin: r.origin, status: r.status, signupStart: r.signup_start, signupDeadline: r.signup_deadline, runStart: r.run_start, runEnd: r.run_end })),
  };
}

const plan = (c: CampaignReminderFact, event: CampaignReminderEvent, day: string, dueAt: Date, expiresAt: Date, params: Record<string, string | number>): PlannedReminder => ({
  // The day is in the key: a campaign moved to other dates reminds again for the new ones.
  key: `campaign:${c.id}:${event}:${day}`,
  kind: 'campaign',
  dueAt,
  expiresAt,
  subject: `campaign:${c.id}`,
  params: { event, campaign: c.name, campaignSeed: c.seedKey ?? '', campaignYear: c.year, ...params },
});

/**
 * - Sign-up deadline: a platform campaign not signed up (nor skipped), `signupLeadDays` days before
 *   its deadline at 09:00 China time (never before sign-up opens), until the deadline day ends.
 * - Start and end: a campaign taken part in (signed up, or the seller's own), when its first China
 *   day begins and when its last one ends; each lasts a day.
 */
export function planCampaignReminders(facts: CampaignReminderFacts): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  for (const c of facts.campaigns) {
    if (c.origin === 'platform' && c.status === 'planned' && c.signupDeadline !== null) {
      const lead = chinaInstant(addDays(c.signupDeadline, -facts.signupLeadDays), DEADLINE_REMINDER_CLOCK);
      const opens = c.signupStart === null ? lead : chinaInstant(c.signupStart, DEADLINE_REMINDER_CLOCK);
      const expiresAt = chinaDayRange(c.signupDeadline).to;
      const dueAt = new Date(Math.min(Math.max(lead.getTime(), opens.getTime()), expiresAt.getTime() - 1));
      out.push(plan(c, 'signupDeadline', c.signupDeadline, dueAt, expiresAt, { deadline: c.signupDeadline, runStart: c.runStart, runEnd: c.runEnd }));
    }
    if (c.status === 'signedUp' || c.origin === 'own') {
      const first = chinaDayRange(c.runStart);
      out.push(plan(c, 'start', c.runStart, first.from, first.to, { runStart: c.runStart, runEnd: c.runEnd }));
      const over = chinaDayRange(c.runEnd).to;
      out.push(plan(c, 'end', c.runEnd, over, new Date(over.getTime() + 24 * 3600_000), { runStart: c.runStart, runEnd: c.runEnd }));
    }
  }
  return out;
}
