import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCostStack, costLineAt, formatBp, formatFen, marginDrift, parsePercent, parseYuan, type CostInputs } from './cost-stack';

const inputs = (over: Partial<CostInputs>): CostInputs => ({
  costFen: 0,
  supplierFreightFen: 0,
  couponFen: 0,
  commissionBp: 0,
  platformFeeBp: 0,
  returnAllowanceBp: 0,
  ...over,
});

const typical = inputs({ costFen: 2000, supplierFreightFen: 300, commissionBp: 2000, platformFeeBp: 500, returnAllowanceBp: 300 });

describe('computeCostStack', () => {
  // Worked by hand: deductions round up to the fen, margins round down to the bp.
  it.each([
    { name: 'typical 20%/5%/3%', i: typical, planned: 4990, target: 1000, breakEven: 3195, profit: 1292, margin: 2589, minCampaign: 3713 },
    { name: 'coupon only', i: inputs({ costFen: 1000, couponFen: 500 }), planned: 2000, target: 2000, breakEven: 1500, profit: 500, margin: 2500, minCampaign: 1875 },
    { name: 'a loss rounds the margin toward −∞', i: inputs({ costFen: 5000 }), planned: 3000, target: 0, breakEven: 5000, profit: -2000, margin: -6667, minCampaign: 5000 },
    { name: 'percentages take everything', i: inputs({ costFen: 100, commissionBp: 6000, platformFeeBp: 4000 }), planned: 1000, target: 1000, breakEven: null, profit: -100, margin: -1000, minCampaign: null },
    { name: 'target beyond what is kept', i: inputs({ costFen: 100, commissionBp: 5000 }), planned: 1000, target: 5000, breakEven: 200, profit: 400, margin: 4000, minCampaign: null },
    { name: 'freight counts like cost', i: inputs({ costFen: 990, supplierFreightFen: 10 }), planned: 1000, target: 0, breakEven: 1000, profit: 0, margin: 0, minCampaign: 1000 },
  ])('$name', ({ i, planned, target, breakEven, profit, margin, minCampaign }) => {
    const stack = computeCostStack(i, planned, target);
    expect(stack.breakEvenFen).toBe(breakEven);
    expect(stack.atPlanned?.profitFen).toBe(profit);
    expect(stack.atPlanned?.marginBp).toBe(margin);
    expect(stack.minCampaignFen).toBe(minCampaign);
  });

  it('has no line at the planned price when there is none', () => {
    expect(computeCostStack(typical, null, 1000).atPlanned).toBeNull();
  });

  it('rounds each deduction up to the fen', () => {
    expect(costLineAt(typical, 3194)).toEqual({ paidFen: 3194, commissionFen: 639, platformFeeFen: 160, returnAllowanceFen: 96, profitFen: -1 });
  });

  const arbitraryInputs = fc.record({
    costFen: fc.integer({ min: 0, max: 1_000_000 }),
    supplierFreightFen: fc.integer({ min: 0, max: 5_000 }),
    couponFen: fc.integer({ min: 0, max: 10_000 }),
    commissionBp: fc.integer({ min: 0, max: 5_000 }),
    platformFeeBp: fc.integer({ min: 0, max: 2_000 }),
    returnAllowanceBp: fc.integer({ min: 0, max: 2_000 }),
  });

  it('break-even is the lowest price with a profit ≥ 0 (property)', () => {
    fc.assert(
      fc.property(arbitraryInputs, (i) => {
        const be = computeCostStack(i, null, 0).breakEvenFen;
        expect(be).not.toBeNull();
        expect(costLineAt(i, be!).profitFen).toBeGreaterThanOrEqual(0);
        if (be! > 0) expect(costLineAt(i, be! - 1).profitFen).toBeLessThan(0);
      }),
    );
  });

  it('the minimum campaign price reaches the target and one fen less does not (property)', () => {
    fc.assert(
      fc.property(arbitraryInputs, fc.integer({ min: 0, max: 4_000 }), (i, target) => {
        const p = computeCostStack(i, null, target).minCampaignFen;
        if (p === null) return;
        expect(costLineAt(i, p).profitFen * 10_000).toBeGreaterThanOrEqual(target * p);
        expect(costLineAt(i, p - 1).profitFen * 10_000 >= target * (p - 1) && p - 1 > i.couponFen).toBe(false);
      }),
    );
  });
});

describe('marginDrift', () => {
  it('is current minus snapshot', () => {
    expect(marginDrift({ profitFen: 1292, marginBp: 2589 }, { profitFen: 1000, marginBp: 2004 })).toEqual({ profitFen: -292, marginBp: -585 });
  });
});

describe('money text', () => {
  it.each([
    ['12.34', 1234],
    ['12.3', 1230],
    ['12', 1200],
    ['¥1,299.00', 129900],
    ['0.01', 1],
    ['12.345', null],
    ['-1', null],
    ['abc', null],
    ['', null],
  ])('parseYuan(%j) = %j', (text, fen) => expect(parseYuan(text)).toBe(fen));

  it.each([
    ['20', 2000],
    ['5.5%', 550],
    ['0.01', 1],
    ['100', 10000],
    ['100.01', null],
    ['x', null],
  ])('parsePercent(%j) = %j', (text, bp) => expect(parsePercent(text)).toBe(bp));

  it('formats fen and bp', () => {
    expect(formatFen(1234)).toBe('12.34');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatBp(2589)).toBe('25.89%');
    expect(formatBp(-6667)).toBe('-66.67%');
  });
});
