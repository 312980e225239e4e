import type { ReminderKind, ReminderParams } from '../rpc/domains/reminders';
import type { Locale } from './error-messages';

type Texts = Record<Locale, string>;
type MessageSet = { title: Texts; body: Texts };

/*
 * Texts of the money reminders (issue 6). Kind `settlement` is a settlement day; kind `deposit`
 * has three cases, told apart by the `case` param: below the requirement, refund overdue,
 * reopening possible. Amounts arrive as yuan text, dates as China dates.
 */
const SETTLEMENT_DAY: MessageSet = {
  title: { 'zh-CN': '今天预计到账货款 ¥{amount}', 'en-US': '¥{amount} of goods money expected today' },
  body: {
    'zh-CN': '{date} 预计有 {lines} 单结算（已扣除预计佣金和服务费）。请在资金流水里核对是否到账。',
    'en-US': '{lines} line(s) are expected to settle on {date} (expected commission and fees taken off). Check the funds flow to see that they arrived.',
  },
};

const DEPOSIT_CASES: Record<string, MessageSet> = {
  below: {
    title: { 'zh-CN': '保证金低于要求，差 ¥{shortfall}', 'en-US': 'Deposit is ¥{shortfall} below the requirement' },
    body: {
      'zh-CN': '要求 ¥{required}，当前余额 ¥{balance}。请尽快补缴，以免影响经营。',
      'en-US': 'Required ¥{required}, balance ¥{balance}. Top it up soon so trading is not affected.',
    },
  },
  refundOverdue: {
    title: { 'zh-CN': '保证金退款已超时', 'en-US': 'The deposit refund is overdue' },
    body: {
      'zh-CN': '{appliedOn} 申请的退款应在 {expectedBy} 前（7 个工作日内）到账。请查看银行账户，并联系平台客服。',
      'en-US': 'The refund applied for on {appliedOn} was due by {expectedBy} (within 7 working days). Check the bank account and contact platform support.',
    },
  },
  refundOverdueEstimated: {
    title: { 'zh-CN': '保证金退款可能已超时（按预估节假日）', 'en-US': 'The deposit refund may be overdue (estimated holidays)' },
    body: {
      'zh-CN':
        '{appliedOn} 申请的退款应在 {expectedBy} 前（7 个工作日内）到账。这个日期按预估的节假日计算（国务院放假通知尚未录入），在「资金 → 节假日与调休」粘贴通知后会更准确。请查看银行账户，并联系平台客服。',
      'en-US':
        'The refund applied for on {appliedOn} was due by {expectedBy} (within 7 working days). That date is counted over estimated holidays (the State Council notice is not entered yet; paste it under Money → Holidays and make-up days). Check the bank account and contact platform support.',
    },
  },
  reopen: {
    title: { 'zh-CN': '店铺可以申请重新开店了', 'en-US': 'The shop can apply to reopen' },
    body: {
      'zh-CN': '店铺于 {closedOn} 关闭并已退回保证金，满 6 个月后（{reopenFrom} 起）可重新申请入驻，需再次满足入驻条件。',
      'en-US': 'The shop closed on {closedOn} and its deposit was refunded; from {reopenFrom} (6 months later) it may apply again and must meet the entry conditions again.',
    },
  },
};

/** The default texts of each money kind, joined into REMINDER_MESSAGES. */
export const MONEY_REMINDER_MESSAGES = { settlement: SETTLEMENT_DAY, deposit: DEPOSIT_CASES.below as MessageSet } satisfies Partial<Record<ReminderKind, MessageSet>>;

/** The texts of a money reminder's case, or undefined for any other reminder. */
export const moneyReminderCase = (kind: ReminderKind, params: ReminderParams): MessageSet | undefined =>
  kind === 'deposit' ? DEPOSIT_CASES[String(params.case)] : undefined;
