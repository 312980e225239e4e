import { LunarDay, type SolarDay } from 'tyme4ts';
import { seedName } from './campaign-names';
import type { CampaignTool } from './campaign-tools';
import { addDays } from './china-time';

// The tools and the names need no lunar calendar: they live apart, so the contract and the
// screens that show a campaign's name do not carry tyme4ts (≈270 KB) into the window.
export { CAMPAIGN_TOOLS, type CampaignTool } from './campaign-tools';
export { campaignName } from './campaign-names';

/*
 * The platform's campaign calendar for a year, as estimates. DOMAIN.md block 6 (seed 000): "除了常规的
 * 618、双11、双12，运营还需要及时关注一些日常的活动。比如三八妇女节、818好物节、七夕节等等。能报名的活动你都可以
 * 尽力去报名". The platform publishes each campaign's sign-up and run dates shortly before it (on the
 * 抖店 营销中心 / 活动广场 page); until then the seller plans with these estimates, every one marked
 * estimated, and edits them when the platform publishes (a new year's calendar is seeded estimated
 * too). The shapes follow the recent years' pattern: sign-up closes about ten days before the run
 * starts; 年货节 ends a few days before 春节 (couriers stop), 七夕 ends on lunar 7/7 (tyme4ts).
 */

export type CampaignSeed = {
  seedKey: string;
  name: string;
  signupStart: string;
  signupDeadline: string;
  runStart: string;
  runEnd: string;
  tools: CampaignTool[];
};

const iso = (d: SolarDay): string => `${String(d.getYear()).padStart(4, '0')}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;
const day = (year: number, month: number, date: number): string => `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** Sign-up a month before the run, closing ten days before it starts. */
const around = (seedKey: string, year: number, runStart: string, runEnd: string, tools: CampaignTool[]): CampaignSeed => ({
  seedKey,
  name: seedName(seedKey, year, 'zh-CN') ?? seedKey,
  signupStart: addDays(runStart, -30),
  signupDeadline: addDays(runStart, -10),
  runStart,
  runEnd,
  tools,
});

/** The platform campaigns of `year` (年货节 is the one before that year's 春节), by run start. */
export function platformCampaignSeeds(year: number): CampaignSeed[] {
  const springFestival = iso(LunarDay.fromYmd(year, 1, 1).getSolarDay());
  const qixi = iso(LunarDay.fromYmd(year, 7, 7).getSolarDay());
  const seeds = [
    around('nianhuo', year, addDays(springFestival, -26), addDays(springFestival, -5), ['coupon', 'fullReduction', 'bundle']),
    around('women', year, day(year, 3, 1), day(year, 3, 8), ['coupon', 'limitedDiscount']),
    around('618', year, day(year, 5, 25), day(year, 6, 18), ['coupon', 'fullReduction', 'flashSale', 'groupBuy']),
    around('qixi', year, addDays(qixi, -7), qixi, ['coupon', 'bundle']),
    around('818', year, day(year, 8, 8), day(year, 8, 18), ['coupon', 'flashSale', 'limitedDiscount']),
    around('double11', year, day(year, 10, 20), day(year, 11, 11), ['coupon', 'fullReduction', 'flashSale', 'groupBuy']),
    around('double12', year, day(year, 12, 1), day(year, 12, 12), ['coupon', 'fullReduction', 'flashSale']),
  ];
  return seeds.sort((a, b) => (a.runStart < b.runStart ? -1 : a.runStart > b.runStart ? 1 : 0));
}

/**
 * The years whose platform calendar should exist on `today`: this year, and from October on the
 * next one too (its 年货节 opens for sign-up in December, 三八 in January).
 */
export const yearsToSeed = (today: string): number[] => {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 10 ? [year, year + 1] : [year];
};
