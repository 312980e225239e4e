import { campaignName } from '../domain/campaign-names';
import { blockTitle } from '../domain/routine-defaults';
import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';
import { HEALTH_REMINDER_MESSAGES, healthReminderCase } from './health-reminder-messages';
import { DECLINE_REMINDER_MESSAGES, declineReminderCase } from './decline-reminder-messages';
import { LISTING_SLOT_MESSAGES, listingSlotCase } from './listing-slot-messages';
import { MONEY_REMINDER_MESSAGES, moneyReminderCase } from './money-reminder-messages';
import { SOURCING_REMINDER_MESSAGES, sourcingReminderCase } from './sourcing-reminder-messages';
import { CAMPAIGN_REMINDER_MESSAGES, campaignReminderCase } from './campaign-reminder-messages';
import { INFLUENCER_REMINDER_MESSAGES, influencerReminderCase } from './influencer-reminder-messages';

type Texts = Record<Locale, string>;
type MessageSet = { title: Texts; body: Texts };

/**
 * Every reminder text, in both languages. The core renders them in the user's language (for
 * notifications and the CLI); the renderer renders them again from `kind` + `params` when the
 * user switches language. `{name}` placeholders come from the reminder's params.
 */
export const REMINDER_MESSAGES: Record<ReminderKind, MessageSet> = {
  'routine.targetReached': {
    title: { 'zh-CN': '「{block}」已到目标时间', 'en-US': '“{block}” has reached its target' },
    body: {
      'zh-CN': '已做满 {target} 分钟。建议开始下一项：{next}。',
      'en-US': '{target} minutes done. Next up: {next}.',
    },
  },
  ...LISTING_SLOT_MESSAGES,
  'orders.shipDue': {
    title: { 'zh-CN': '订单 {orderId} 需在 {hours} 小时内发货', 'en-US': 'Order {orderId} must ship within {hours} hours' },
    body: {
      'zh-CN': '{product}：最晚 {shipBy}（北京时间）发货。请联系厂家采购并确认发货时间。',
      'en-US': '{product}: ship by {shipBy} (China time). Contact the supplier, purchase and confirm the ship time.',
    },
  },
  'orders.shipOverdue': {
    title: { 'zh-CN': '已超时未发货 {orders} 单', 'en-US': '{orders} orders past their ship-by time' },
    body: {
      'zh-CN': '共 {lines} 行，最早的承诺 {shipBy}（北京时间）前发货。请尽快发货，以免延迟发货罚款和扣分。打开可查看全部订单。',
      'en-US': '{lines} lines; the earliest was promised by {shipBy} (China time). Ship them now to avoid late-shipment fines and score deductions. Open to see every order.',
    },
  },
  ...MONEY_REMINDER_MESSAGES,
  ...SOURCING_REMINDER_MESSAGES,
  'aftersales.deadline': {
    title: { 'zh-CN': '售后 {orderId} 将在 {hours} 小时内被平台自动处理', 'en-US': 'After-sales case {orderId}: the platform decides it within {hours} hours' },
    body: {
      'zh-CN': '{product}：自动处理截止时间 {deadline}（北京时间）。请在此之前同意、拒绝或上传凭证。',
      'en-US': '{product}: the platform decides by itself at {deadline} (China time). Agree, refuse or upload evidence before then.',
    },
  },
  ...CAMPAIGN_REMINDER_MESSAGES,
  ...INFLUENCER_REMINDER_MESSAGES,
  ...DECLINE_REMINDER_MESSAGES,
  ...HEALTH_REMINDER_MESSAGES,
};

/** Texts of one notification standing for several reminders of a kind that fired together. */
export const REMINDER_GROUP_MESSAGES: Partial<Record<ReminderKind, MessageSet>> = {
  'orders.shipDue': {
    title: { 'zh-CN': '{count} 个订单需在 {hours} 小时内发货', 'en-US': '{count} orders must ship within {hours} hours' },
    body: {
      'zh-CN': '最早的要在 {shipBy}（北京时间）前发货。请联系厂家采购并确认发货时间。',
      'en-US': 'The first must ship by {shipBy} (China time). Contact the suppliers, purchase and confirm the ship times.',
    },
  },
};

/** Used for `{next}` when the block that reached its target was the last one. */
export const LAST_BLOCK_NEXT: Texts = { 'zh-CN': '今天的安排都做完了，可以收工', 'en-US': 'nothing, that was the last block; close the day' };

export const fillTemplate = (template: string, params: ReminderParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));

/**
 * Block names travel as `block` / `next` (the stored title) with `blockDefault` / `nextDefault`
 * (the default's key, or ''), so a default block is named in the reader's language. An empty
 * `next` means there is no next block.
 */
export function localiseParams(params: ReminderParams, locale: Locale): ReminderParams {
  const out: ReminderParams = { ...params };
  for (const name of ['block', 'next'] as const) {
    const title = params[name];
    if (title === undefined) continue;
    const defaultKey = String(params[`${name}Default`] ?? '');
    out[name] = name === 'next' && title === '' ? LAST_BLOCK_NEXT[locale] : blockTitle({ title: String(title), defaultKey: defaultKey || null }, locale);
  }
  // A seeded campaign travels with its seed key and year, so it is named in the reader's language.
  if (params.campaign !== undefined && params.campaignSeed) {
    out.campaign = campaignName({ name: String(params.campaign), seedKey: String(params.campaignSeed), year: Number(params.campaignYear) }, locale);
  }
  return out;
}

export function reminderText(kind: ReminderKind, params: ReminderParams, locale: Locale): { title: string; body: string } {
  const set = moneyReminderCase(kind, params) ?? sourcingReminderCase(kind, params) ?? campaignReminderCase(kind, params) ?? influencerReminderCase(kind, params) ?? declineReminderCase(kind, params) ?? healthReminderCase(kind, params) ?? listingSlotCase(kind, params) ?? REMINDER_MESSAGES[kind];
  const filled = localiseParams(params, locale);
  return { title: fillTemplate(set.title[locale], filled), body: fillTemplate(set.body[locale], filled) };
}

export function reminderGroupText(kind: ReminderKind, params: ReminderParams, locale: Locale): { title: string; body: string } | null {
  const set = REMINDER_GROUP_MESSAGES[kind];
  return set ? { title: fillTemplate(set.title[locale], params), body: fillTemplate(set.body[locale], params) } : null;
}
