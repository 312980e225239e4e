import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';

type MessageSet = { title: Record<Locale, string>; body: Record<Locale, string> };

export type MissingReturnInfo = 'address' | 'rules' | 'both';

const BODY: Record<Locale, string> = {
  'zh-CN': '记下省市区、详细地址、收件人和电话，以及七天无理由、退货运费谁出、破损怎么处理，再一键复制到抖店售后地址库。',
  'en-US': 'Record province, city, district, street, recipient and phone, and whether 7-day returns are accepted, who pays return postage and how damage is handled; then copy the address into the Douyin after-sales address book.',
};

/** DOMAIN.md: as soon as a product sells, get the supplier's return address and return rules. Params: product, supplier, missing. */
const CASES: Record<MissingReturnInfo, MessageSet> = {
  address: { title: { 'zh-CN': '「{product}」出单了：请向「{supplier}」要退货地址', 'en-US': '“{product}” sold: ask “{supplier}” for the return address' }, body: BODY },
  rules: { title: { 'zh-CN': '「{product}」出单了：请和「{supplier}」确认退货规则', 'en-US': '“{product}” sold: confirm the return rules with “{supplier}”' }, body: BODY },
  both: { title: { 'zh-CN': '「{product}」出单了：请向「{supplier}」要退货地址和退货规则', 'en-US': '“{product}” sold: ask “{supplier}” for the return address and return rules' }, body: BODY },
};

export const SOURCING_REMINDER_MESSAGES = { 'supplier.returnInfo': CASES.both } satisfies Partial<Record<ReminderKind, MessageSet>>;

export const sourcingReminderCase = (kind: ReminderKind, params: ReminderParams): MessageSet | undefined =>
  kind === 'supplier.returnInfo' ? CASES[String(params.missing) as MissingReturnInfo] : undefined;
