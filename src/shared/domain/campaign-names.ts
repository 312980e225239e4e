import type { Locale } from '../i18n/error-messages';

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

export const seedName = (seedKey: string, year: number, locale: Locale): string | null => {
  const names = SEED_NAMES[seedKey];
  return names ? `${year} ${names[locale]}` : null;
};

/** A campaign's name in `locale`: a seeded one keeps its translation while the seller has not renamed it. */
export function campaignName(c: { name: string; seedKey: string | null; year: number }, locale: Locale): string {
  if (c.seedKey === null || c.name !== seedName(c.seedKey, c.year, 'zh-CN')) return c.name;
  return seedName(c.seedKey, c.year, locale) ?? c.name;
}
