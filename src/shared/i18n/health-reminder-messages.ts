import type { HealthWarningKind } from '../rpc/domains/health';
import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';

type MessageSet = { title: Record<Locale, string>; body: Record<Locale, string> };

/*
 * The shop-health warnings, one text per figure. Params: metric, level, value, threshold, date.
 * Seed 004: "系统每天校验商家的dsr和店铺好评率,若dsr<4.5 或者 店铺好评率<80%,则给商家发送预警通知" (精选联盟)
 * and "近60天现货订单交易比例降低至50%-55%之间 … 提醒商家" (阶梯发货).
 */
const CASES: Record<HealthWarningKind, MessageSet> = {
  dsr: {
    title: { 'zh-CN': '店铺评分 {value} 低于 {threshold}', 'en-US': 'Shop rating {value} is below {threshold}' },
    body: {
      'zh-CN': '{date} 记录的 DSR 低于精选联盟要求的 {threshold} 分：达人将不能带货。请先处理中差评和售后，保证发货和商品质量。',
      'en-US': 'The DSR recorded on {date} is below the {threshold} the affiliate marketplace (Jingxuan Lianmeng) requires: influencers can no longer sell your products. Handle bad reviews and after-sales first; keep shipping and quality up.',
    },
  },
  goodReview: {
    title: { 'zh-CN': '好评率 {value}% 低于 {threshold}%', 'en-US': 'Good-review rate {value}% is below {threshold}%' },
    body: {
      'zh-CN': '{date} 记录的近 60 天好评率低于精选联盟要求的 {threshold}%。请及时回复和安抚中差评，检查影响评价的商品和物流问题。',
      'en-US': 'The 60-day good-review rate recorded on {date} is below the {threshold}% the affiliate marketplace requires. Reply to and settle bad reviews, and fix the product and delivery problems behind them.',
    },
  },
  spotShare: {
    title: { 'zh-CN': '近 60 天现货订单占比 {value}%', 'en-US': 'Spot orders are {value}% of the last 60 days' },
    body: {
      'zh-CN': '截至 {date}，现货（48 小时内发货）订单占比已到 {threshold}% 提醒线：再低将不能继续使用阶梯发货。请把发货慢的商品改成现货发货或预售。',
      'en-US': 'Through {date}, spot orders (shipped within 48 hours) reached the {threshold}% line: any lower and stepped shipping is no longer allowed. Move slow-shipping products to spot shipping or pre-sale.',
    },
  },
};

export const HEALTH_REMINDER_MESSAGES = { 'health.warning': CASES.dsr } satisfies Partial<Record<ReminderKind, MessageSet>>;

export const healthReminderCase = (kind: ReminderKind, params: ReminderParams): MessageSet | undefined =>
  kind === 'health.warning' ? (CASES[String(params.metric) as HealthWarningKind] ?? CASES.dsr) : undefined;
