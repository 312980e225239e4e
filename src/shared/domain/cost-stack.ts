/*
 * The cost stack of one product, in integer fen (1 yuan = 100 fen) and basis points
 * (1% = 100 bp), so no float ever touches money.
 *
 * The model. The buyer pays the sale price minus the seller's coupon. The influencer commission,
 * the platform fee and the return-rate allowance are percentages of what the buyer pays (the
 * platform computes commission and service fee on the amount actually paid). The supplier's cost
 * price and freight are paid per unit whatever the price.
 *
 *   paid   = price − coupon
 *   profit = paid − ⌈paid·commission⌉ − ⌈paid·fee⌉ − ⌈paid·returns⌉ − cost − freight
 *
 * Rounding rule: every deduction rounds UP to the fen and every margin percentage rounds DOWN
 * (toward −∞) to the basis point, so a margin is never overstated; every suggested price
 * (break-even, minimum campaign price) is the LOWEST whole-fen price that really reaches its goal
 * under those deductions, so it rounds up and never undershoots.
 */

export type CostInputs = {
  costFen: number;
  supplierFreightFen: number;
  couponFen: number;
  commissionBp: number;
  platformFeeBp: number;
  returnAllowanceBp: number;
};

export type CostLine = { paidFen: number; commissionFen: number; platformFeeFen: number; returnAllowanceFen: number; profitFen: number };

export type CostStack = {
  /** Lowest price whose profit is not negative; null when the percentages take 100% or more. */
  breakEvenFen: number | null;
  /** At the planned price; null without one. */
  atPlanned: (CostLine & { marginBp: number }) | null;
  /** Lowest price reaching the target margin; null when it cannot be reached. */
  minCampaignFen: number | null;
  targetMarginBp: number;
};

const BP = 10_000;
/** Prices beyond 10 million yuan are not a product this app deals with; it also bounds every search. */
export const MAX_PRICE_FEN = 1_000_000_000;

const ceilDiv = (a: number, b: number): number => -Math.floor(-a / b);
const floorDiv = (a: number, b: number): number => Math.floor(a / b);

const percentOf = (amountFen: number, bp: number): number => (amountFen <= 0 ? 0 : ceilDiv(amountFen * bp, BP));

export function validateCostInputs(inputs: CostInputs): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(inputs)) {
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${key} must be a whole number ≥ 0`);
  }
  for (const key of ['commissionBp', 'platformFeeBp', 'returnAllowanceBp'] as const) {
    if (inputs[key] > BP) problems.push(`${key} must be at most 100%`);
  }
  return problems;
}

/** Profit and its deductions at one price. */
export function costLineAt(inputs: CostInputs, priceFen: number): CostLine {
  const paidFen = Math.max(0, priceFen - inputs.couponFen);
  const commissionFen = percentOf(paidFen, inputs.commissionBp);
  const platformFeeFen = percentOf(paidFen, inputs.platformFeeBp);
  const returnAllowanceFen = percentOf(paidFen, inputs.returnAllowanceBp);
  const profitFen = paidFen - commissionFen - platformFeeFen - returnAllowanceFen - inputs.costFen - inputs.supplierFreightFen;
  return { paidFen, commissionFen, platformFeeFen, returnAllowanceFen, profitFen };
}

/** Margin as a share of the sale price, in bp, rounded toward −∞; 0 for a zero price. */
export const marginBpAt = (profitFen: number, priceFen: number): number => (priceFen <= 0 ? 0 : floorDiv(profitFen * BP, priceFen));

/**
 * Lowest whole-fen price meeting `goal`. Starts from the real-number estimate and walks: the
 * per-deduction rounding moves the true answer by at most a few fen from it. Profit is not
 * strictly monotone in the price (three deductions can each step up by a fen at once), so the
 * walk down stops at the first price that fails rather than trusting the estimate.
 */
function lowestPrice(estimate: number, goal: (price: number) => boolean): number | null {
  let price = Math.min(MAX_PRICE_FEN, Math.max(0, Math.ceil(estimate)));
  while (price <= MAX_PRICE_FEN && !goal(price)) price += 1;
  if (price > MAX_PRICE_FEN) return null;
  while (price > 0 && goal(price - 1)) price -= 1;
  return price;
}

export function computeCostStack(inputs: CostInputs, plannedPriceFen: number | null, targetMarginBp: number): CostStack {
  const keep = BP - inputs.commissionBp - inputs.platformFeeBp - inputs.returnAllowanceBp;
  const base = inputs.costFen + inputs.supplierFreightFen;
  const breakEvenFen =
    keep <= 0 ? null : lowestPrice(inputs.couponFen + (base * BP) / keep, (p) => costLineAt(inputs, p).profitFen >= 0);
  const atPlanned =
    plannedPriceFen === null
      ? null
      : (() => {
          const line = costLineAt(inputs, plannedPriceFen);
          return { ...line, marginBp: marginBpAt(line.profitFen, plannedPriceFen) };
        })();
  // profit(P) ≥ target·P  ⇔  P ≥ (base + coupon·keep) / (keep − target)
  const room = keep - targetMarginBp;
  const minCampaignFen =
    room <= 0
      ? null
      : lowestPrice((base * BP + inputs.couponFen * keep) / room, (p) => {
          if (p <= inputs.couponFen) return false;
          return costLineAt(inputs, p).profitFen * BP >= targetMarginBp * p;
        });
  return { breakEvenFen, atPlanned, minCampaignFen, targetMarginBp };
}

export type MarginDrift = { profitFen: number; marginBp: number };

/** How far the margin at the listed price moved since the listing snapshot (negative = worse). */
export function marginDrift(snapshot: { profitFen: number; marginBp: number }, current: { profitFen: number; marginBp: number }): MarginDrift {
  return { profitFen: current.profitFen - snapshot.profitFen, marginBp: current.marginBp - snapshot.marginBp };
}

/** `12.34` (yuan text, as typed) → 1234 fen; null when it is not a money amount with at most 2 decimals. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,8})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/[¥￥,，]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** `5.5` (percent text) → 550 bp; null unless 0–100 with at most 2 decimals. */
export function parsePercent(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= BP ? bp : null;
}

/** 1234 → `12.34`; negative amounts keep their sign. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1234 bp → `12.34%`. */
export function formatBp(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}
