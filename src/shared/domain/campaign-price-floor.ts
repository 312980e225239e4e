import { computeCostStack, costLineAt, marginBpAt, type CostInputs } from './cost-stack';

/*
 * The price-floor check of a product entered in a campaign, before sign-up (issue 13: "a campaign
 * price below the product's break-even (sourcing cost stack) or below what keeps the planned margin
 * is flagged before sign-up, with the numbers"). The numbers are the product's own cost stack
 * (cost-stack.ts, fen and bp, deductions rounded up): at the campaign price the buyer pays the
 * price less the product's coupon, commission, platform fee and return allowance come off that,
 * and the supplier's cost and freight are paid per unit. The planned margin is the product's
 * 活动目标毛利率 (target margin); its floor is the cost stack's minimum campaign price.
 */

export const PRICE_FLOOR_FLAGS = ['belowBreakEven', 'belowTargetMargin', 'noCost'] as const;
/**
 * belowBreakEven: the sale loses money · belowTargetMargin: it earns less than the target margin ·
 * noCost: the product has no cost price, so neither floor can be known.
 */
export type PriceFloorFlag = (typeof PRICE_FLOOR_FLAGS)[number];

export type PriceFloorCheck = {
  priceFen: number;
  /** Lowest price that does not lose money; null when the percentages take everything. */
  breakEvenFen: number | null;
  /** Lowest price that keeps the target margin; null when the target cannot be reached. */
  marginFloorFen: number | null;
  targetMarginBp: number;
  /** Profit and margin (of the sale price) at the campaign price. */
  profitFen: number;
  marginBp: number;
  flags: PriceFloorFlag[];
};

export function checkCampaignPrice(inputs: CostInputs, targetMarginBp: number, priceFen: number): PriceFloorCheck {
  const stack = computeCostStack(inputs, null, targetMarginBp);
  const line = costLineAt(inputs, priceFen);
  const flags: PriceFloorFlag[] = [];
  if (inputs.costFen === 0) flags.push('noCost');
  const belowBreakEven = stack.breakEvenFen === null || priceFen < stack.breakEvenFen;
  if (belowBreakEven) flags.push('belowBreakEven');
  // Below break-even is below the margin floor too (a margin target is ≥ 0); one flag says it.
  else if (stack.minCampaignFen === null || priceFen < stack.minCampaignFen) flags.push('belowTargetMargin');
  return {
    priceFen,
    breakEvenFen: stack.breakEvenFen,
    marginFloorFen: stack.minCampaignFen,
    targetMarginBp,
    profitFen: line.profitFen,
    marginBp: marginBpAt(line.profitFen, priceFen),
    flags,
  };
}

/** A flag that should stop the seller before signing up (no cost is a gap, not a loss). */
export const isBelowFloor = (check: Pick<PriceFloorCheck, 'flags'>): boolean => check.flags.some((f) => f === 'belowBreakEven' || f === 'belowTargetMargin');
