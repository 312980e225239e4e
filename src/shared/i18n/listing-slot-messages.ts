import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';

type MessageSet = { title: Record<Locale, string>; body: Record<Locale, string> };

/*
 * Texts of the listing-slot reminder. Its params come from the 选品 quota's slot: `slot` (HH:MM),
 * `count` (2–5 to list now), `planned` (verified products planned for that slot), `min`/`max`
 * (the daily target). Reminders fired before the quota was the slots' one source carry only
 * `slot`; they keep their old text.
 */
const TITLE: Record<Locale, string> = {
  'zh-CN': '{slot} 上新时段：现在上架 {count} 个商品',
  'en-US': '{slot} listing slot: list {count} products now',
};

const CASES = {
  planned: {
    title: TITLE,
    body: {
      'zh-CN': '这个时段已计划 {planned} 个商品，在选品页把它们上架。上架后检查类目、价格和库存（每天目标 {min}–{max} 个）。',
      'en-US': 'Planned for this slot: {planned}. List them from the sourcing screen, then check category, price and stock (daily target {min}–{max}).',
    },
  },
  none: {
    title: TITLE,
    body: {
      'zh-CN': '这个时段还没有计划商品：在选品页从已核验的商品里挑 {count} 个。上架后检查类目、价格和库存（每天目标 {min}–{max} 个）。',
      'en-US': 'Nothing is planned for this slot yet: pick {count} verified products on the sourcing screen. Afterwards check category, price and stock (daily target {min}–{max}).',
    },
  },
  legacy: {
    title: { 'zh-CN': '上架时间到了（{slot}）', 'en-US': 'Time to list products ({slot})' },
    body: {
      'zh-CN': '现在上架 2–5 个新商品（每天目标 10–30 个）。上架后检查类目、价格和库存。',
      'en-US': 'List 2–5 new products now (daily target 10–30). Afterwards check category, price and stock.',
    },
  },
} satisfies Record<string, MessageSet>;

export const LISTING_SLOT_MESSAGES = { 'listing.slot': CASES.none } satisfies Partial<Record<ReminderKind, MessageSet>>;

export function listingSlotCase(kind: ReminderKind, params: ReminderParams): MessageSet | undefined {
  if (kind !== 'listing.slot') return undefined;
  if (params.count === undefined) return CASES.legacy;
  return Number(params.planned ?? 0) > 0 ? CASES.planned : CASES.none;
}
