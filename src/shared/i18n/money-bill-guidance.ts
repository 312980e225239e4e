import type { Locale } from './error-messages';

/*
 * What to import before ShopDesk can say a line is 超期未结算 (issue 10), shared by the money screen
 * and `shopdesk money forecast`. The exports and their names are DOUYIN_EXPORTS.md §4: 资金流水明细 /
 * 动账明细 (one row per money movement, "the superset", §4.1) and 结算账单 (one row per settled
 * sub-order, §4.3); rows appear T+1 ("query after 10:00 the next day"). That document names no menu
 * path for them, so none is printed here.
 */
type Texts = Record<Locale, string>;

export const BILL_GUIDANCE: { title: Texts; body: Texts; partial: Texts } = {
  title: { 'zh-CN': '还没有导入结算账单', 'en-US': 'No settlement bill imported yet' },
  body: {
    'zh-CN':
      '没有资金流水或结算账单，就无法判断哪些订单超期未结算。请在抖店后台导出「资金流水明细」（动账明细，订单维度，每笔动账一行）或「结算账单」（每个已结算子订单一行），时间范围覆盖这些订单的结算日期（数据次日 10:00 后可查），原样导入「导入数据」。',
    'en-US':
      'Without a funds flow or settlement bill there is no telling which lines are overdue. In the Douyin shop back office (Doudian), export the funds-flow detail (one row per money movement, order dimension) or the settlement bill (one row per settled sub-order) for the dates these lines settle (rows appear the next day after 10:00), and import the file as it is under “Import data”.',
  },
  partial: {
    'zh-CN': '另有 {lines} 单（预计 ¥{amount}）的结算日期不在已导入的资金流水或结算账单范围内（已覆盖：{coverage}），无法判断是否到账，未计入超期。',
    'en-US': '{lines} more line(s) (¥{amount} expected) settle on days no imported funds flow or bill covers (covered: {coverage}), so whether they were paid is not known; they are not counted as overdue.',
  },
};

/** `2026-09-01 – 2026-09-30, 2026-11-01 – 2026-11-15` (the same in both languages). */
export const coverageText = (ranges: readonly { from: string; to: string }[]): string => ranges.map((r) => (r.from === r.to ? r.from : `${r.from} – ${r.to}`)).join(', ');
