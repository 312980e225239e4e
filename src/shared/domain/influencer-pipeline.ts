/*
 * The influencer (达人) CRM's pipeline and the sample (寄样) ledger's state machine, pure.
 * Issue 13: "pipeline 待联系 → 已添加 → 沟通中 → 合作中 → 暂停 / 不合适" and "states 待寄 → 已寄出 →
 * 已签收 → 已出内容 / 未出内容". An influencer's stage is the seller's own judgement and may be set to any
 * stage; a sample's state follows the parcel, so only the moves in SAMPLE_TRANSITIONS are allowed.
 */

export const INFLUENCER_STAGES = ['to_contact', 'added', 'talking', 'cooperating', 'paused', 'unfit'] as const;
export type InfluencerStage = (typeof INFLUENCER_STAGES)[number];

export const STAGE_LABELS: Readonly<Record<InfluencerStage, { zh: string; en: string }>> = {
  to_contact: { zh: '待联系', en: 'To contact' },
  added: { zh: '已添加', en: 'Added' },
  talking: { zh: '沟通中', en: 'Talking' },
  cooperating: { zh: '合作中', en: 'Cooperating' },
  paused: { zh: '暂停', en: 'Paused' },
  unfit: { zh: '不合适', en: 'Not a fit' },
};

export const INFLUENCER_SOURCES = ['manual', 'orders'] as const;
export type InfluencerSource = (typeof INFLUENCER_SOURCES)[number];

export const CONTACT_CHANNELS = ['wechat', 'phone', 'douyin', 'baiying', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<ContactChannel, { zh: string; en: string }>> = {
  wechat: { zh: '微信', en: 'WeChat' },
  phone: { zh: '电话', en: 'Phone' },
  douyin: { zh: '抖音私信', en: 'Douyin message' },
  baiying: { zh: '巨量百应', en: 'Baiying' },
  other: { zh: '其他', en: 'Other' },
};

export const SAMPLE_STATES = ['to_send', 'sent', 'signed', 'content', 'no_content'] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];

export const SAMPLE_STATE_LABELS: Readonly<Record<SampleState, { zh: string; en: string }>> = {
  to_send: { zh: '待寄', en: 'To send' },
  sent: { zh: '已寄出', en: 'Sent' },
  signed: { zh: '已签收', en: 'Signed for' },
  content: { zh: '已出内容', en: 'Content out' },
  no_content: { zh: '未出内容', en: 'No content' },
};

/** Allowed moves: from → the states it may go to. Anything not listed is refused. */
export const SAMPLE_TRANSITIONS: Readonly<Record<SampleState, readonly SampleState[]>> = {
  to_send: ['sent'],
  // Back to 待寄 when the parcel was booked by mistake or came back unsent.
  sent: ['signed', 'to_send'],
  signed: ['content', 'no_content'],
  content: [],
  // Content that comes after the sample was written off still counts.
  no_content: ['content'],
};

export type SampleMoveRefusal = 'same_state' | 'illegal_transition' | 'link_required';

/** Why moving a sample `from` → `to` is refused, or null when allowed; 已出内容 needs the content's link. */
export function checkSampleMove(from: SampleState, to: SampleState, contentLink: string): SampleMoveRefusal | null {
  if (from === to) return 'same_state';
  if (!SAMPLE_TRANSITIONS[from].includes(to)) return 'illegal_transition';
  if (to === 'content' && contentLink.trim() === '') return 'link_required';
  return null;
}

/** The refusal as a sentence naming both states and what is allowed, in the chosen language. */
export function describeSampleRefusal(refusal: SampleMoveRefusal, from: SampleState, to: SampleState, lang: 'zh' | 'en'): string {
  const f = SAMPLE_STATE_LABELS[from][lang];
  const t = SAMPLE_STATE_LABELS[to][lang];
  const allowed = SAMPLE_TRANSITIONS[from].map((s) => SAMPLE_STATE_LABELS[s][lang]);
  if (lang === 'zh') {
    if (refusal === 'same_state') return `样品已经是「${f}」`;
    if (refusal === 'link_required') return '改为「已出内容」时请填写内容链接';
    return `样品不能从「${f}」改为「${t}」（可改为：${allowed.join('、') || '无'}）`;
  }
  if (refusal === 'same_state') return `The sample is already “${f}”`;
  if (refusal === 'link_required') return 'Moving to “Content out” needs the content’s link';
  return `A sample cannot move from “${f}” to “${t}” (allowed: ${allowed.join(', ') || 'none'})`;
}

export const isSampleState = (v: string): v is SampleState => (SAMPLE_STATES as readonly string[]).includes(v);
export const isInfluencerStage = (v: string): v is InfluencerStage => (INFLUENCER_STAGES as readonly string[]).includes(v);
