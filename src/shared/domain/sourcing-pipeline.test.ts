import { describe, expect, it } from 'vitest';
import { allowedMoves, canMove, checkMove, PRODUCT_STAGES, type ProductStage } from './sourcing-pipeline';

describe('pipeline', () => {
  it.each<[ProductStage, ProductStage, boolean]>([
    ['candidate', 'verified', true],
    ['candidate', 'listed', false],
    ['candidate', 'abandoned', true],
    ['verified', 'listed', true],
    ['verified', 'candidate', true],
    ['listed', 'selling', true],
    ['listed', 'candidate', false],
    ['selling', 'delisted', true],
    ['selling', 'listed', false],
    ['delisted', 'listed', true],
    ['abandoned', 'candidate', true],
    ['abandoned', 'listed', false],
  ])('%s → %s: %s', (from, to, ok) => expect(canMove(from, to)).toBe(ok));

  it('never moves a stage onto itself', () => {
    for (const s of PRODUCT_STAGES) expect(allowedMoves(s)).not.toContain(s);
  });

  it.each([
    [{ stage: 'candidate' as const, title: 'x', plannedPriceFen: 100 }, 'abandoned' as const, null, 'reason_required'],
    [{ stage: 'candidate' as const, title: 'x', plannedPriceFen: 100 }, 'abandoned' as const, 'seasonal' as const, null],
    [{ stage: 'verified' as const, title: ' ', plannedPriceFen: 100 }, 'listed' as const, null, 'title_required'],
    [{ stage: 'verified' as const, title: 'x', plannedPriceFen: null }, 'listed' as const, null, 'planned_price_required'],
    [{ stage: 'verified' as const, title: 'x', plannedPriceFen: 100 }, 'listed' as const, null, null],
    [{ stage: 'selling' as const, title: 'x', plannedPriceFen: 100 }, 'candidate' as const, null, 'not_allowed'],
  ])('checkMove %#', (product, to, reason, problem) => expect(checkMove(product, to, reason)).toBe(problem));
});
