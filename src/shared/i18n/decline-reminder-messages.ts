import type { DeclineRule } from '../rpc/domains/decline';
import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';

type MessageSet = { title: Record<Locale, string>; body: Record<Locale, string> };

/*
 * The decline reminder, one text per rule that fired. Params: rule, days, from, to, first, last,
 * usual (the last day's weekday baseline), product and productChange (the product that lost most
 * orders and how many, e.g. 保温杯 / -12; product '' when none fell). What to check comes from seed 000: 商品访客、商品总点击人数、商品点击率、成交商品数,
 * then competitors' 佣金、价格、主图 and campaigns.
 */
const CASES: Record<DeclineRule, MessageSet> = {
  dayOverDay: {
    title: { 'zh-CN': '订单量连续 {days} 天下滑', 'en-US': 'Orders fell {days} days in a row' },
    body: {
      'zh-CN': '{from} 至 {to}：从 {first} 单降到 {last} 单。{named}请排查商品访客、点击率和成交件数，再看竞品的价格、佣金、主图和活动。',
      'en-US': '{from} to {to}: from {first} down to {last} orders. {named}Check product visitors, click-through rate and units sold, then competitors’ prices, commission, main images and campaigns.',
    },
  },
  sameWeekday: {
    title: { 'zh-CN': '订单量连续 {days} 天低于往周同日', 'en-US': 'Orders below the usual weekday {days} days in a row' },
    body: {
      'zh-CN': '{from} 至 {to} 每天都明显少于前几周的同一天；{to} 为 {last} 单，往周同日平均 {usual} 单。{named}请排查商品访客、点击率和成交件数，再看竞品的价格、佣金、主图和活动。',
      'en-US': 'Every day from {from} to {to} was clearly below the same weekday of the previous weeks; {to} had {last} orders against a usual {usual}. {named}Check product visitors, click-through rate and units sold, then competitors’ prices, commission, main images and campaigns.',
    },
  },
};

/** The sentence naming the product that fell most, or nothing. */
const NAMED: Record<Locale, string> = { 'zh-CN': '下降最多的商品：{product}（{productChange} 单）。', 'en-US': 'Fell most: {product} ({productChange} orders). ' };

const withNamed = (set: MessageSet, named: boolean): MessageSet => ({
  title: set.title,
  body: {
    'zh-CN': set.body['zh-CN'].replace('{named}', named ? NAMED['zh-CN'] : ''),
    'en-US': set.body['en-US'].replace('{named}', named ? NAMED['en-US'] : ''),
  },
});

export const DECLINE_REMINDER_MESSAGES = { 'data.decline': withNamed(CASES.dayOverDay, false) } satisfies Partial<Record<ReminderKind, MessageSet>>;

export const declineReminderCase = (kind: ReminderKind, params: ReminderParams): MessageSet | undefined =>
  kind === 'data.decline' ? withNamed(CASES[String(params.rule) as DeclineRule] ?? CASES.dayOverDay, typeof params.product === 'string' && params.product !== '') : undefined;
