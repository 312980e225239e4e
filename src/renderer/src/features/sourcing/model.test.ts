import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, fieldsOf, formOf, pctToBp, yuanToFen } from './model';

describe('product form model', () => {
  it.each([
    ['39.9', 3990],
    [0.1 + 0.2, 30],
    ['19.99', 1999],
    ['', 0],
    [null, 0],
    // Passed on as typed, for the schema to refuse (issue 10: −500 became ¥0.01, "abc" became 0).
    ['-500', -50_000],
    ['abc', Number.NaN],
  ] as const)('yuanToFen(%j) = %s', (yuan, fen) => expect(yuanToFen(yuan)).toBe(fen));

  it('reads percent as bp, 150 % included', () => {
    expect(pctToBp('5.55')).toBe(555);
    expect(pctToBp('150')).toBe(15_000);
  });

  it('round-trips fields through the form', () => {
    const fields = fieldsOf({ ...DEFAULT_FORM, title: ' 凉席 ', cost: '20', price: '49.9', commission: '20', sourceLinksText: 'https://a.cn/1\n\n https://b.cn/2 ' });
    expect(fields).toMatchObject({ title: '凉席', costFen: 2000, plannedPriceFen: 4990, commissionBp: 2000, sourceLinks: ['https://a.cn/1', 'https://b.cn/2'] });
    expect(fieldsOf(formOf(fields))).toEqual(fields);
  });
});
