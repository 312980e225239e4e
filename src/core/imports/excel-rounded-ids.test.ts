import { describe, expect, it } from 'vitest';
import { LAYOUT_A, cellsFor, orderCells, orderLines, take, tabbed, type OrderLine } from '../../../tests/fixtures/douyin/generator';
import { looksRoundedByExcel } from './clean-cell';
import { createRowMapper, type MapResult } from './map-row';
import { isHeaderPlan, recogniseHeader, type HeaderPlan } from './recognise-header';

/*
 * DOUYIN_EXPORTS.md §0.8: "Reject files that Excel has re-saved. The signs are IDs like
 * `6.91793E+18` and dates like `2026/9/10 8:00`." §0.3: "Keep every ID as a string … The numeric
 * ones are 12 to 28 digits long, well past JavaScript's `Number.MAX_SAFE_INTEGER` of 16 digits."
 * Excel keeps 15 significant digits, so a column it saved as numbers and then as text (or wrote as
 * a plain number) reads `6938412705519820000`: two different orders can end up with one number.
 *
 * The rule (map-row.ts): an ID of 16+ digits with only zeros after its 15th digit looks rounded.
 * A genuine 19-digit ID looks so one time in 10,000 (the last four digits are random), so one such
 * value alone is kept; the file is refused when two different rounded-looking IDs are in one line
 * (Excel rounds every ID column: 主订单编号 and 商品ID both), or when in one column at least two of
 * the long IDs so far look rounded and they are at least half of them.
 */
const plan = recogniseHeader(LAYOUT_A, 1);
if (!isHeaderPlan(plan)) throw new Error('layout A not recognised');

const LINES = take(orderLines({ seed: 5 }), 12).map((l) => ({ ...l, subOrderId: l.orderId }));
const rounded = (id: string): string => `${id.slice(0, 15)}${'0'.repeat(id.length - 15)}`;

function mapAll(lines: readonly OrderLine[]): MapResult[] {
  const mapper = createRowMapper(plan as HeaderPlan);
  return lines.map((l, i) => mapper(cellsFor(LAYOUT_A, orderCells(l)), i + 2, false));
}
const refusal = (results: MapResult[]) => results.find((r) => !r.ok && 'refuse' in r) as Extract<MapResult, { refuse: unknown }> | undefined;

describe('looksRoundedByExcel', () => {
  it.each([
    ['6938412705519820000', true],
    ['6938412705519823461', false],
    ['6938412705519820001', false],
    ['693841270551982', false],
    ['6938412705519800000', true],
    ['2026040101172400000000000000', true],
    ['2026040101172401977718277000', false],
    ['108314295234', false],
  ] as const)('%s → %s', (id, expected) => expect(looksRoundedByExcel(id)).toBe(expected));
});

describe('an export whose 19-digit IDs Excel rounded to 15 significant digits is refused like 6.9E+18', () => {
  it.each([
    {
      name: 'every ID rounded (order, sub-order and product ID of each line)',
      lines: LINES.map((l) => ({ ...l, orderId: rounded(l.orderId), subOrderId: rounded(l.orderId), productId: rounded(l.productId) })),
      refusedAt: 2,
    },
    {
      name: 'only the order numbers rounded (product IDs kept): refused at the second line',
      lines: LINES.map((l) => ({ ...l, orderId: rounded(l.orderId), subOrderId: rounded(l.orderId) })),
      refusedAt: 3,
    },
    { name: 'the issue’s value 6938412705519820000 next to a rounded product ID', lines: [{ ...LINES[0]!, orderId: '6938412705519820000', subOrderId: '6938412705519820000', productId: '3714290568812630000' }], refusedAt: 2 },
    { name: 'one genuine order number that ends in 0000, among ordinary ones: kept', lines: [...LINES.slice(0, 5), { ...LINES[5]!, orderId: '6938412705519820000', subOrderId: '6938412705519820000' }, ...LINES.slice(6)], refusedAt: null },
    { name: 'a one-line file whose only long ID ends in 0000 (sub-order = order): kept', lines: [{ ...LINES[0]!, orderId: '6938412705519820000', subOrderId: '6938412705519820000' }], refusedAt: null },
    { name: 'ordinary 19-digit IDs', lines: LINES, refusedAt: null },
  ])('$name', ({ lines, refusedAt }) => {
    const found = refusal(mapAll(lines));
    if (refusedAt === null) {
      expect(found).toBeUndefined();
      return;
    }
    expect(found?.refuse).toMatchObject({ code: 'IMPORT_EXCEL_DAMAGED', params: { line: refusedAt, variant: 'ROUNDED' } });
  });

  it('keeps the scientific-notation refusal as it was', () => {
    const cells = cellsFor(LAYOUT_A, { ...orderCells(LINES[0]!), 主订单编号: tabbed('6.93841E+18') });
    const mapper = createRowMapper(plan as HeaderPlan);
    expect(mapper(cells, 2, false)).toMatchObject({ ok: false, refuse: { code: 'IMPORT_EXCEL_DAMAGED', params: { variant: 'IDS' } } });
  });
});
