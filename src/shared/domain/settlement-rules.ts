import { addDays } from './china-time';
import type { AftersaleState } from './order-line-state';

/*
 * When the platform pays a line's goods money (货款结算). Two rules, chosen per shop
 * (DOUYIN_EXPORTS.md §4.8): per order — N days after receipt is confirmed (订单完成时间), the
 * rule real exports support, with N = 4 for established shops (体验分 ≥ 4.4) else 10 in the
 * reference; or half-monthly — the seed text's rule: the 1st settles lines confirmed from the
 * 16th to the end of the previous month, the 16th those confirmed from the 1st to the 15th.
 */
export type SettlementRule = { kind: 'perOrder'; days: number } | { kind: 'halfMonthly' };
export const SETTLEMENT_RULE_KINDS = ['perOrder', 'halfMonthly'] as const;
export type SettlementRuleKind = (typeof SETTLEMENT_RULE_KINDS)[number];

/** The reference's N: 4 days for shops with 体验分 ≥ 4.4, otherwise 10. */
export const referenceSettlementDays = (experienceScore: number | null): number => (experienceScore !== null && experienceScore >= 4.4 ? 4 : 10);

/** The default: per order, 10 days (the cautious reference figure) — real files support it best. */
export const DEFAULT_SETTLEMENT_RULE: SettlementRule = { kind: 'perOrder', days: 10 };

/** The day a line confirmed on `confirmedOn` (China date) is paid under `rule`. */
export function settlementDay(confirmedOn: string, rule: SettlementRule): string {
  if (rule.kind === 'perOrder') return addDays(confirmedOn, rule.days);
  const day = Number(confirmedOn.slice(8, 10));
  const month = confirmedOn.slice(0, 7);
  if (day <= 15) return `${month}-16`;
  // The 1st of the next month: day 28 of any month plus 4 days is always in the next month.
  return `${addDays(`${month}-28`, 4).slice(0, 7)}-01`;
}

/** The confirmation dates a half-monthly settlement day pays for, or null for any other day. */
export function halfMonthlyWindow(settleOn: string): { from: string; to: string } | null {
  const day = settleOn.slice(8, 10);
  if (day === '16') return { from: `${settleOn.slice(0, 7)}-01`, to: `${settleOn.slice(0, 7)}-15` };
  if (day !== '01') return null;
  const lastOfPrevious = addDays(settleOn, -1);
  return { from: `${lastOfPrevious.slice(0, 7)}-16`, to: lastOfPrevious };
}

// The after-sales classification lives with the order-line states (one definition for Today, the
// reminders and money); re-exported here for the settlement rules' callers.
export { classifyAftersale, type AftersaleState } from './order-line-state';

export type SettlementFacts = {
  /** Receipt confirmed (订单完成时间), China date, or null. */
  confirmedOn: string | null;
  /** Shipped (发货时间), China date, or null. */
  shippedOn: string | null;
  aftersale: AftersaleState;
  /** When the after-sales request ended (China date), if known. */
  aftersaleEndedOn: string | null;
  /** What the line should bring before fees; ≤ 0 after refunds means nothing is left to settle. */
  grossFen: number;
};

export type SettlementExpectation =
  | { state: 'expected'; on: string; isEstimate: boolean }
  | { state: 'waiting'; reason: 'notShipped' | 'aftersaleOpen' }
  | { state: 'dropped'; reason: 'refunded' };

/**
 * When a line not yet settled is expected to be paid. An open after-sales request holds it back
 * (the platform settles only lines without one); a refund that leaves nothing drops it. A request
 * that ended with the money kept settles counting from the later of confirmation and its end.
 * An unconfirmed shipped line is estimated as confirmed `autoConfirmDays` after shipping.
 */
export function expectSettlement(facts: SettlementFacts, rule: SettlementRule, autoConfirmDays: number): SettlementExpectation {
  if (facts.grossFen <= 0) return { state: 'dropped', reason: 'refunded' };
  if (facts.aftersale === 'open') return { state: 'waiting', reason: 'aftersaleOpen' };
  let confirmed = facts.confirmedOn;
  let isEstimate = false;
  if (confirmed === null) {
    if (facts.shippedOn === null) return { state: 'waiting', reason: 'notShipped' };
    confirmed = addDays(facts.shippedOn, autoConfirmDays);
    isEstimate = true;
  }
  const start = facts.aftersale !== 'none' && facts.aftersaleEndedOn !== null && facts.aftersaleEndedOn > confirmed ? facts.aftersaleEndedOn : confirmed;
  return { state: 'expected', on: settlementDay(start, rule), isEstimate };
}
