import { describe, expect, it } from 'vitest';
import { rowsOf } from './deposit-rows';

describe('rowsOf', () => {
  it('groups the flat deposit table by category with one column per entity type', () => {
    expect(
      rowsOf([
        { entity: 'individual', category: '服饰内衣', amountFen: 50_000 },
        { entity: 'company', category: '服饰内衣', amountFen: 400_000 },
        { entity: 'individual', category: '母婴', amountFen: null },
      ]),
    ).toEqual([
      { category: '服饰内衣', individual: 50_000, company: 400_000 },
      { category: '母婴', individual: null },
    ]);
  });
});
