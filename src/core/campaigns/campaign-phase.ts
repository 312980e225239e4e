import { daysBetween } from '../../shared/domain/china-time';
import type { CampaignOrigin, CampaignPhase, CampaignStatus } from '../../shared/rpc/domains/campaigns';
import type { ValidationIssue } from '../../shared/validation/issues';
import { validationMessage } from '../../shared/i18n/validation-messages';

/** The dates and state a campaign's phase depends on (China days). */
export type CampaignDays = {
  origin: CampaignOrigin;
  status: CampaignStatus;
  signupStart: string | null;
  signupDeadline: string | null;
  runStart: string;
  runEnd: string;
};

/**
 * Sign-up is open on `today` for a platform campaign not yet signed up or skipped, from its
 * sign-up start (or any day before, without one) to its deadline's day inclusive. Own campaigns
 * have nothing to sign up for.
 */
export const isSignupOpen = (c: CampaignDays, today: string): boolean =>
  c.origin === 'platform' && c.status === 'planned' && c.signupDeadline !== null && today <= c.signupDeadline && (c.signupStart === null || c.signupStart <= today);

export function campaignPhase(c: CampaignDays, today: string): CampaignPhase {
  if (today > c.runEnd) return 'ended';
  if (today >= c.runStart) return 'running';
  if (c.signupDeadline !== null && today > c.signupDeadline) return 'signupClosed';
  if (c.signupStart !== null && today < c.signupStart) return 'upcoming';
  return c.signupDeadline === null ? 'upcoming' : 'signupOpen';
}

export const daysToDeadline = (c: Pick<CampaignDays, 'signupDeadline'>, today: string): number | null =>
  c.signupDeadline === null ? null : daysBetween(today, c.signupDeadline);

/**
 * The day ranges' order, checked on the whole campaign (after a patch is merged): an end before
 * its start is refused on the end, naming both fields. `prefix` is the params path (`patch.`).
 */
export function campaignDateIssues(c: Pick<CampaignDays, 'signupStart' | 'signupDeadline' | 'runStart' | 'runEnd'>, prefix: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const refuse = (key: 'signupDeadline' | 'runEnd', field: 'campaignSignupDeadline' | 'campaignRunEnd') =>
    issues.push({ path: `${prefix}${key}`, field, problem: 'beforeStart', message: validationMessage({ field, problem: 'beforeStart' }, 'en-US') });
  if (c.signupStart !== null && c.signupDeadline !== null && c.signupDeadline < c.signupStart) refuse('signupDeadline', 'campaignSignupDeadline');
  if (c.runEnd < c.runStart) refuse('runEnd', 'campaignRunEnd');
  return issues;
}
