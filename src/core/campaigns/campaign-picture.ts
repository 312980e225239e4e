import type { Kysely } from 'kysely';
import { campaignName } from '../../shared/domain/campaign-calendar';
import type { Locale } from '../../shared/i18n/error-messages';
import { chinaDayRange } from '../../shared/domain/china-time';
import type { CampaignSummary } from '../../shared/rpc/domains/campaigns';
import type { CampaignDb } from './campaign-schema';
import { listCampaigns } from './campaign-service';
import { readCampaignSettings } from './campaign-settings';

/** What Today's 活动报名 block shows: the campaigns open for sign-up now (named in the user's language), and the reminder's lead. */
export type CampaignPicture = {
  open: Pick<CampaignSummary, 'id' | 'name' | 'signupDeadline' | 'daysToDeadline' | 'flagged' | 'datesEstimated' | 'products'>[];
  /** Open products entered below break-even or the target margin, over the open campaigns. */
  flagged: number;
  signupLeadDays: number;
  /** The end of each open campaign's deadline day (ISO), by id. */
  deadlineEnds: Map<number, string>;
};

/** Takes any Kysely handle (the routine's is typed with its own tables) over the same database. */
export async function loadCampaignPicture<D>(db: Kysely<D>, now: Date, locale: Locale): Promise<CampaignPicture> {
  const cdb = db as unknown as CampaignDb;
  const [open, settings] = await Promise.all([listCampaigns(cdb, now, { open: true }), readCampaignSettings(cdb)]);
  const sorted = [...open].sort((a, b) => (a.signupDeadline ?? '').localeCompare(b.signupDeadline ?? '') || a.id - b.id);
  return {
    open: sorted.map(({ id, name, seedKey, year, signupDeadline, daysToDeadline, flagged, datesEstimated, products }) => ({ id, name: campaignName({ name, seedKey, year }, locale), signupDeadline, daysToDeadline, flagged, datesEstimated, products })),
    flagged: sorted.reduce((sum, c) => sum + c.flagged, 0),
    signupLeadDays: settings.signupLeadDays,
    deadlineEnds: new Map(sorted.flatMap((c) => (c.signupDeadline ? [[c.id, chinaDayRange(c.signupDeadline).to.toISOString()] as const] : []))),
  };
}
