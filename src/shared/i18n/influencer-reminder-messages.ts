import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';

type MessageSet = { title: Record<Locale, string>; body: Record<Locale, string> };

/** Params: nickname, on (the follow-up day). DOMAIN.md block 5: keep up the old influencers. */
const FOLLOW_UP: MessageSet = {
  title: { 'zh-CN': '今天跟进达人「{nickname}」', 'en-US': 'Follow up “{nickname}” today' },
  body: {
    'zh-CN': '约定 {on} 再联系。发新品（链接、图片、价格和佣金），问问要不要寄样、需要什么协助。',
    'en-US': 'You planned to get back in touch on {on}. Send new products (link, image, price, commission), offer samples and ask what they need.',
  },
};

/** Params: nickname, product, on (sent / due day), days. Issue 13's two sample rules. */
const SAMPLE_CASES: Record<'unsigned' | 'contentDue', MessageSet> = {
  unsigned: {
    title: { 'zh-CN': '寄给「{nickname}」的样品 {days} 天未签收', 'en-US': 'Sample to “{nickname}” not signed for after {days} days' },
    body: {
      'zh-CN': '「{product}」{on} 寄出，运单号 {tracking}。请查物流，必要时联系达人或快递。',
      'en-US': '“{product}” went out on {on}, tracking {tracking}. Check the parcel; contact the influencer or the courier if needed.',
    },
  },
  contentDue: {
    title: { 'zh-CN': '「{nickname}」的样品内容已过截止日', 'en-US': '“{nickname}” has not delivered the sample’s content' },
    body: {
      'zh-CN': '「{product}」约定 {on} 前出内容（视频或直播），还没有记录。请催一下，或记为未出内容。',
      'en-US': 'Content for “{product}” (a video or a live) was due by {on} and is not recorded. Chase it, or mark the sample as no content.',
    },
  },
};

export const INFLUENCER_REMINDER_MESSAGES = { influencer: FOLLOW_UP, sample: SAMPLE_CASES.unsigned } satisfies Partial<Record<ReminderKind, MessageSet>>;

export const influencerReminderCase = (kind: ReminderKind, params: ReminderParams): MessageSet | undefined =>
  kind === 'sample' ? SAMPLE_CASES[params.rule === 'contentDue' ? 'contentDue' : 'unsigned'] : undefined;
