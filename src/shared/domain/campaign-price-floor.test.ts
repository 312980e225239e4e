import { describe, expect, it } from 'vitest';
import { checkCampaignPrice, isBelowFloor } from './campaign-price-floor';
import type { CostInputs } from './cost-stack';

const inputs = (over: Partial<CostInputs>): CostInputs => ({ costFen: 0, supplierFreightFen: 0, couponFen: 0, commissionBp: 0, platformFeeBp: 0, returnAllowanceBp: 0, ...over });

// cost ¥20 + freight ¥3, commission 20%, platform fee 5%, returns 3%: break-even ¥31.95, ¥37.13 keeps 10% (cost-stack.test.ts).
const typical = inputs({ costFen: 2000, supplierFreightFen: 300, commissionBp: 2000, platformFeeBp: 500, returnAllowanceBp: 300 });

describe('checkCampaignPrice', () => {
  // DOMAIN.md block 6 (seed 000): "参加活动或者是使用营销工具降价，商品可以打上活动标和促销标" — a campaign price is a price cut,
  // and issue 13: "a campaign price below the product's break-even (sourcing cost stack) or below what keeps the planned
  // margin is flagged before sign-up, with the numbers". Worked by hand: deductions round up to the fen, margins down to the bp.
  it.each([
    { name: 'one fen below break-even loses a fen', i: typical, target: 1000, price: 3194, flags: ['belowBreakEven'], profit: -1, margin: -4 },
    { name: 'at break-even: no loss, below the 10% target', i: typical, target: 1000, price: 3195, flags: ['belowTargetMargin'], profit: 0, margin: 0 },
    { name: 'one fen below the margin floor', i: typical, target: 1000, price: 3712, flags: ['belowTargetMargin'], profit: 371, margin: 999 },
    { name: 'at the margin floor', i: typical, target: 1000, price: 3713, flags: [], profit: 372, margin: 1001 },
    { name: 'the coupon comes off the campaign price too', i: inputs({ costFen: 1000, couponFen: 500 }), target: 0, price: 1499, flags: ['belowBreakEven'], profit: -1, margin: -7 },
    { name: 'percentages take everything: every price loses', i: inputs({ costFen: 100, commissionBp: 6000, platformFeeBp: 4000 }), target: 0, price: 99_900, flags: ['belowBreakEven'], profit: -100, margin: -11 },
    { name: 'a target beyond what is kept cannot be met', i: inputs({ costFen: 100, commissionBp: 5000 }), target: 5000, price: 1000, flags: ['belowTargetMargin'], profit: 400, margin: 4000 },
    { name: 'no cost price: said, not guessed', i: inputs({}), target: 1000, price: 100, flags: ['noCost'], profit: 100, margin: 10_000 },
    { name: 'no cost price, yet freight alone is above the price', i: inputs({ supplierFreightFen: 500 }), target: 0, price: 300, flags: ['noCost', 'belowBreakEven'], profit: -200, margin: -6667 },
  ])('$name', ({ i, target, price, flags, profit, margin }) => {
    const check = checkCampaignPrice(i, target, price);
    expect(check.flags).toEqual(flags);
    expect(check.profitFen).toBe(profit);
    expect(check.marginBp).toBe(margin);
    expect(check.priceFen).toBe(price);
    expect(check.targetMarginBp).toBe(target);
  });

  it('carries the numbers: break-even and the margin floor from the cost stack', () => {
    expect(checkCampaignPrice(typical, 1000, 2990)).toMatchObject({ breakEvenFen: 3195, marginFloorFen: 3713 });
    expect(checkCampaignPrice(inputs({ costFen: 100, commissionBp: 5000 }), 5000, 1000)).toMatchObject({ breakEvenFen: 200, marginFloorFen: null });
  });

  it('a missing cost is a gap to fill, not a price below the floor', () => {
    expect(isBelowFloor(checkCampaignPrice(inputs({}), 1000, 100))).toBe(false);
    expect(isBelowFloor(checkCampaignPrice(inputs({ supplierFreightFen: 500 }), 0, 300))).toBe(true);
    expect(isBelowFloor(checkCampaignPrice(typical, 1000, 3712))).toBe(true);
    expect(isBelowFloor(checkCampaignPrice(typical, 1000, 3713))).toBe(false);
  });
});
