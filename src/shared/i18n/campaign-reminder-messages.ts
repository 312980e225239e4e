import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';

type MessageSet = { title: Record<Locale, string>; body: Record<Locale, string> };

/** What a `campaign` reminder is about (its `event` param). */
export type CampaignReminderEvent = 'signupDeadline' | 'start' | 'end';

/** DOMAIN.md block 6: register for the platform's campaigns; on main products set coupons, 拼团, 秒杀. Params: campaign, deadline, runStart, runEnd. */
const CASES: Record<CampaignReminderEvent, MessageSet> = {
  signupDeadline: {
    title: { 'zh-CN': '「{campaign}」{deadline} 报名截止', 'en-US': '“{campaign}”: sign-up closes on {deadline}' },
    body: {
      'zh-CN': '活动 {runStart} 至 {runEnd}。报名前先核对每个商品的活动价是否低于保本价或目标毛利，再到抖店营销中心报名。',
      'en-US': 'The campaign runs {runStart} to {runEnd}. Check each product’s campaign price against its break-even and target margin, then sign up in the Douyin back office.',
    },
  },
  start: {
    title: { 'zh-CN': '「{campaign}」今天开始', 'en-US': '“{campaign}” starts today' },
    body: {
      'zh-CN': '活动 {runStart} 至 {runEnd}。确认活动价已生效，主推商品的优惠券、拼团或秒杀已设置好。',
      'en-US': 'It runs {runStart} to {runEnd}. Check the campaign prices are live and the coupons, group buying or flash sales on main products are set.',
    },
  },
  end: {
    title: { 'zh-CN': '「{campaign}」已结束', 'en-US': '“{campaign}” has ended' },
    body: {
      'zh-CN': '活动 {runStart} 至 {runEnd} 已结束。确认商品已恢复原价，看看活动期间的订单量。',
      'en-US': 'The campaign ({runStart} to {runEnd}) is over. Check the products are back at their usual price and look at the orders it brought.',
    },
  },
};

export const CAMPAIGN_REMINDER_MESSAGES = { campaign: CASES.signupDeadline } satisfies Partial<Record<ReminderKind, MessageSet>>;

export const campaignReminderCase = (kind: ReminderKind, params: ReminderParams): MessageSet | undefined =>
  kind === 'campaign' ? (CASES[String(params.event) as CampaignReminderEvent] ?? CASES.signupDeadline) : undefined;
