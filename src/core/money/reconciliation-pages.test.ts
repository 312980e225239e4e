import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_STATUSES, RECONCILIATION_PAGE_MAX, type LineStatus, type ReconciledLine } from '../../shared/rpc/domains/money';
import { longestWaitingFirst, type FullReconciliation } from './reconcile';
import { pageReconciliation } from './reconciliation-pages';

const reconciled = (i: number, status: LineStatus, daysSinceShipped: number | null, isOverdue: boolean, expectedFen = 1_000 + i): ReconciledLine => ({
  subOrderId: `L${i}`,
  orderId: `O${i}`,
  product: null,
  shippedOn: null,
  confirmedOn: null,
  status,
  expectedFen,
  actualFen: 0,
  expectedOn: null,
  settledOn: null,
  isOverdue,
  daysSinceShipped,
});

const fullOf = (lines: ReconciledLine[]): FullReconciliation => {
  const counts: Record<LineStatus, number> = { settled: 0, partlySettled: 0, refunded: 0, notYet: 0 };
  for (const l of lines) counts[l.status] += 1;
  return { counts, lines, overdue: longestWaitingFirst(lines.filter((l) => l.isOverdue)), unchecked: { lines: 0, amountFen: 0 }, coverage: [], days: [], periods: [], hasFunds: true, hasOrders: lines.length > 0, unmatched: { rows: 0, amountFen: 0, items: [] } };
};

/** Ten lines: even ones settled, odd ones not yet; L1, L3, L5 overdue with 12, 30, 12 days. */
const TEN = fullOf(
  Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? reconciled(i, 'settled', 3, false) : reconciled(i, 'notYet', i === 3 ? 30 : 12, i <= 5))),
);
const ids = (lines: readonly ReconciledLine[]) => lines.map((l) => l.subOrderId);

describe('pageReconciliation', () => {
  it.each([
    { name: 'first page', req: { list: 'all', offset: 0, limit: 3 }, total: 10, want: ['L0', 'L1', 'L2'] },
    { name: 'a middle page', req: { list: 'all', offset: 3, limit: 3 }, total: 10, want: ['L3', 'L4', 'L5'] },
    { name: 'the short last page', req: { list: 'all', offset: 9, limit: 3 }, total: 10, want: ['L9'] },
    { name: 'exactly at the end', req: { list: 'all', offset: 10, limit: 3 }, total: 10, want: [] },
    { name: 'far past the end', req: { list: 'all', offset: 1e9, limit: 200 }, total: 10, want: [] },
    { name: 'one status', req: { list: 'all', status: 'notYet', offset: 1, limit: 2 }, total: 5, want: ['L3', 'L5'] },
    { name: 'a status with no line', req: { list: 'all', status: 'refunded', offset: 0, limit: 5 }, total: 0, want: [] },
    { name: 'the overdue queue, longest first', req: { list: 'overdue', offset: 0, limit: 200 }, total: 3, want: ['L3', 'L1', 'L5'] },
    { name: 'the overdue queue, page 2', req: { list: 'overdue', offset: 2, limit: 2 }, total: 3, want: ['L5'] },
    { name: 'the overdue queue, a status it cannot hold', req: { list: 'overdue', status: 'settled', offset: 0, limit: 2 }, total: 0, want: [] },
  ] as const)('$name', ({ req, total, want }) => {
    const page = pageReconciliation(TEN, req);
    expect(page.total).toBe(total);
    expect(ids(page.lines)).toEqual(want);
  });

  it('gives the same line objects on a second read of the same status (kept per held answer)', () => {
    const a = pageReconciliation(TEN, { list: 'all', status: 'settled', offset: 0, limit: 200 });
    const b = pageReconciliation(TEN, { list: 'all', status: 'settled', offset: 0, limit: 200 });
    expect(b.lines).toEqual(a.lines);
    expect(b.lines[0]).toBe(a.lines[0]);
  });

  it('pages of any size, read one after another, are the whole list in its order (generated lists)', () => {
    const lineArb = fc.record({
      status: fc.constantFrom(...LINE_STATUSES),
      days: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      overdue: fc.boolean(),
      fen: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 300 }), fc.integer({ min: 1, max: RECONCILIATION_PAGE_MAX }), fc.option(fc.constantFrom(...LINE_STATUSES), { nil: undefined }), (specs, limit, status) => {
        const full = fullOf(specs.map((s, i) => reconciled(i, s.status, s.days, s.overdue && s.status === 'notYet', s.fen)));
        for (const list of ['all', 'overdue'] as const) {
          const whole = (list === 'all' ? full.lines : full.overdue).filter((l) => status === undefined || l.status === status);
          const read: ReconciledLine[] = [];
          for (let offset = 0; offset < whole.length; offset += limit) {
            const page = pageReconciliation(full, { list, status, offset, limit });
            expect(page.total).toBe(whole.length);
            expect(page.lines.length).toBe(Math.min(limit, whole.length - offset));
            read.push(...page.lines);
          }
          expect(read).toEqual(whole);
        }
        expect(LINE_STATUSES.reduce((s, st) => s + pageReconciliation(full, { list: 'all', status: st, offset: 0, limit: 1 }).total, 0)).toBe(full.lines.length);
      }),
      { numRuns: 60 },
    );
  });
});
