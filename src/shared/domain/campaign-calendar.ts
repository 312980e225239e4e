import { LunarDay, type SolarDay } from 'tyme4ts';
import type { Locale } from '../i18n/error-messages';
import { addDays } from './china-time';

/*
 * The platform's campaign calendar for a year, as estimates. DOMAIN.md block 6 (seed 000): "除了常规的
 * 618、双11、双12，运营还需要及时关注一些日常的活动。比如三八妇女节、818好物节、七夕节等等。能报名的活动你都可以
 * 尽力去报名". The platform publishes each campaign's sign-up and run dates shortly before it (on the
 * 抖店 营销中心 / 活动广场 page); until then the seller plans with these estimates, every one marked
 * estimated, and edits them when the platform publishes (a new year's calendar is seeded estimated
 * too). The shapes follow the recent years' pattern: sign-up closes about ten days before the run
 * starts; 年货节 ends a few days before 春节 (couriers stop), 七夕 ends on lunar 7/7 (tyme4ts).
 */

export const CAMPAIGN_TOOLS = ['coupon', 'groupBuy', 'flashSale', 'fullReduction', 'limitedDiscount', 'bundle'] as const;
/** 优惠券 · 拼团 · 秒杀 · 满减 · 限时折扣 · 组合套餐 (seed 000: "优惠券、拼团、秒杀等促销活动"; seed 002: "满减券、限时折扣、组合套餐"). */
export type CampaignTool = (typeof CAMPAIGN_TOOLS)[number];

export type CampaignSeed = {
  seedKey: string;
  name: string;
  signupStart: string;
  signupDeadline: string;
  runStart: string;
  runEnd: string;
  tools: CampaignTool[];
};

/** The seeded campaigns' names in both languages; stored in Chinese, shown in the reader's language while unchanged. */
const SEED_NAMES: Record<string, Record<Locale, string>> = {
  nianhuo: { 'zh-CN': '抖音年货节', 'en-US': 'Douyin New Year Shopping Festival' },
  women: { 'zh-CN': '三八女神节', 'en-US': 'Women’s Day (March 8)' },
  '618': { 'zh-CN': '618 好物节', 'en-US': '618 Shopping Festival' },
  qixi: { 'zh-CN': '七夕节', 'en-US': 'Qixi Festival' },
  '818': { 'zh-CN': '818 新潮好物节', 'en-US': '818 Trendy Goods Festival' },
  double11: { 'zh-CN': '双11 好物节', 'en-US': 'Double 11 Shopping Festival' },
  double12: { 'zh-CN': '双12 好物年终盛典', 'en-US': 'Double 12 Year-End Festival' },
};

const seedName = (seedKey: string, year: number, locale: Locale): string | null => {
  const names = SEED_NAMES[seedKey];
  return names ? `${year} ${names[locale]}` : null;
};

/** A campaign's name in `locale`: a seeded one keeps its translation while the seller has not renamed it. */
export function campaignName(c: { name: string; seedKey: string | null; year: number }, locale: Locale): string {
  if (c.seedKey === null || c.name !== seedName(c.seedKey, c.year, 'zh-CN')) return c.name;
  return seedName(c.seedKey, c.year, locale) ?? c.name;
}

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
