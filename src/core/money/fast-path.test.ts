import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../shared/domain/china-time';
import type { AftersaleState } from '../../shared/domain/settlement-rules';
import {
  referenceDayOf,
  referenceFeeRates,
  referenceForecast,
  referenceMovementsByLine,
  referenceReconcile,
} from '../../../tests/helpers/money-reference';
import { buildForecast, forecastFromGroups, groupForecastLines } from './forecast';
import type { FeeRates, LineFacts, Movement } from './money-facts';
import { mergeRanges } from './coverage';
import { createInterner, dayOf } from './money-repository';
import { movementsByLine } from './movements';
import type { ReconciledLine } from '../../shared/rpc/domains/money';
import { estimateFeeRates, expectationOf, lineDates, longestWaitingFirst, reconcile, type MoneyPolicy } from './reconcile';

/*
 * The fast path against the old implementation (kept verbatim in tests/helpers/money-reference.ts)
 * on generated shops: same forecast, same reconciliation, same rates, to the fen and the field.
 */
const day = fc.integer({ min: 0, max: 420 }).map((i) => addDays('2026-01-01', i));
// Few distinct values as often as many, so that equal lines (one group, count > 1) are common.
const nearDay = fc.integer({ min: 240, max: 270 }).map((i) => addDays('2026-01-01', i));
const maybeDay = fc.option(fc.oneof(nearDay, day), { nil: null });
const AFTERSALES: AftersaleState[] = ['none', 'open', 'refunded', 'kept'];

const lineArb = (id: string) =>
  fc.record({
    subOrderId: fc.constant(id),
    orderId: fc.constant(`O${id}`),
    product: fc.option(fc.constantFrom('水杯', '围巾'), { nil: null }),
    grossFen: fc.oneof(fc.constantFrom(0, 6_800, 9_999, 12_345), fc.integer({ min: -500, max: 50_000 })),
    refundedFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000 })),
    hasInfluencer: fc.boolean(),
    shippedOn: maybeDay,
    confirmedOn: maybeDay,
    aftersale: fc.oneof(fc.constant('none' as const), fc.constantFrom(...AFTERSALES)),
    aftersaleEndedOn: maybeDay,
    isClosed: fc.oneof(fc.constant(false), fc.boolean()),
  }) satisfies fc.Arbitrary<LineFacts>;

// Lines drawn from a few templates (so many are equal and group together) mixed with free ones.
const linesArb = fc
  .tuple(fc.array(lineArb('t'), { minLength: 1, maxLength: 6 }), fc.array(fc.option(fc.nat(5), { nil: null }), { maxLength: 60 }))
  .chain(([templates, picks]) =>
    fc.tuple(
      ...picks.map((pick, i) => {
        const template = pick === null ? undefined : templates[pick % templates.length];
        return template ? fc.constant({ ...template, subOrderId: `L${i}`, orderId: `OL${i}` }) : lineArb(`L${i}`);
      }),
    ),
  );

const moveArb = (ids: string[]): fc.Arbitrary<Movement> =>
  fc.record({
    source: fc.constantFrom('funds' as const, 'bill' as const),
    key: fc.uuid(),
    subOrderId: ids.length > 0 ? fc.option(fc.constantFrom(...ids), { nil: null, freq: 6 }) : fc.constant(null),
    on: day,
    kind: fc.constantFrom('settlement' as const, 'refund' as const, 'other' as const),
    amountFen: fc.integer({ min: -30_000, max: 30_000 }),
    grossFen: fc.integer({ min: 0, max: 30_000 }),
    platformFeeFen: fc.integer({ min: -500, max: 1_500 }),
    commissionFen: fc.integer({ min: -500, max: 3_000 }),
    otherFeesFen: fc.integer({ min: 0, max: 500 }),
    hasInfluencer: fc.boolean(),
  });

const policyArb: fc.Arbitrary<MoneyPolicy> = fc.record({
  rule: fc.oneof(fc.record({ kind: fc.constant('perOrder' as const), days: fc.integer({ min: 0, max: 20 }) }), fc.constant({ kind: 'halfMonthly' as const })),
  autoConfirmDays: fc.integer({ min: 0, max: 15 }),
  overdueDays: fc.integer({ min: 1, max: 15 }),
});

const ratesArb: fc.Arbitrary<FeeRates> = fc.record({
  source: fc.constantFrom('history' as const, 'settings' as const),
  platformFeeRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  commissionRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
  settledLines: fc.nat(10),
});

const shopArb = linesArb.chain((lines) =>
  fc.record({
    lines: fc.constant(lines),
    funds: fc.array(moveArb(lines.map((l) => l.subOrderId)).map((m) => ({ ...m, source: 'funds' as const })), { maxLength: 30 }),
    bill: fc.array(moveArb(lines.map((l) => l.subOrderId)).map((m) => ({ ...m, source: 'bill' as const })), { maxLength: 30 }),
    policy: policyArb,
    rates: ratesArb,
    today: fc.oneof(nearDay, day),
    from: fc.oneof(nearDay, day),
    days: fc.integer({ min: 0, max: 40 }),
    // Nothing imported, one span, or two with a gap: overdue and unchecked both get exercised.
    coverage: fc.oneof(
      fc.constant([]),
      fc.tuple(day, fc.integer({ min: 0, max: 200 })).map(([from, n]) => mergeRanges([{ from, to: addDays(from, n) }])),
      fc.tuple(day, day, day, day).map((d) => { const s = [...d].sort(); return mergeRanges([{ from: s[0]!, to: s[1]! }, { from: s[2]!, to: s[3]! }]); }),
    ),
  }),
);

describe('the fast path equals the old implementation', () => {
  it('reads a day from a datetime text as the old parse did, for any text', () => {
    const datetime = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })), fc.constantFrom(' ', 'T', '/'))
      .map(([y, mo, d, h, mi, s, sep]) => {
        const p = (n: number, w = 2) => String(n).padStart(w, '0');
        return `${p(y, 4)}-${p(mo)}-${p(d)}${sep}${p(h)}:${p(mi)}${s === null ? '' : `:${p(s)}`}`;
      });
    fc.assert(fc.property(fc.option(fc.oneof(datetime, fc.string(), fc.string({ unit: 'grapheme' })), { nil: null }), (text) => {
          expect(dayOf(text)).toBe(referenceDayOf(text));
        }),
      { numRuns: 3000 },
    );
  });

  it('memoises expectations and day counts without changing them', () => {
    fc.assert(
      fc.property(fc.array(lineArb('x'), { maxLength: 40 }), policyArb, day, (lines, policy, today) => {
        const dates = lineDates(policy, today);
        for (const l of lines) {
          expect(dates.expectation(l)).toEqual(expectationOf(l, policy));
          if (l.shippedOn) expect(dates.daysSince(l.shippedOn)).toBe(daysBetween(l.shippedOn, today));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('forecasts as the old per-line forecast did', () => {
    fc.assert(
      fc.property(shopArb, ({ lines, funds, bill, policy, rates, today, from, days, coverage }) => {
        const byLine = movementsByLine(funds, bill);
        const reference = referenceForecast(lines, referenceMovementsByLine(funds, bill), rates, policy, today, from, days, coverage);
        expect(buildForecast(lines, byLine, rates, policy, today, from, days, coverage)).toEqual(reference);
        // Grouped once, applied to another day: the snapshot's use.
        const groups = groupForecastLines(lines, (id) => (byLine.get(id)?.length ?? 0) > 0);
        expect(forecastFromGroups(groups, rates, policy, today, from, days, coverage)).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it('reconciles as the old reconciliation did', () => {
    fc.assert(
      fc.property(shopArb, ({ lines, funds, bill, policy, rates, today, coverage }) => {
        expect(movementsByLine(funds, bill)).toEqual(referenceMovementsByLine(funds, bill));
        expect(estimateFeeRates(funds, { platformFeePercent: 5, commissionPercent: 20 })).toEqual(referenceFeeRates(funds, { platformFeePercent: 5, commissionPercent: 20 }));
        expect(reconcile(lines, movementsByLine(funds, bill), funds, bill, rates, policy, today, coverage)).toEqual(
          referenceReconcile(lines, referenceMovementsByLine(funds, bill), funds, bill, rates, policy, today, coverage),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('counts a group as its lines one by one (many equal lines)', () => {
    const same = (id: string): LineFacts => ({ subOrderId: id, orderId: id, product: null, grossFen: 9_999, refundedFen: 0, hasInfluencer: true, shippedOn: '2026-09-01', confirmedOn: '2026-09-15', aftersale: 'none', aftersaleEndedOn: null, isClosed: false });
    const lines = Array.from({ length: 1_000 }, (_, i) => same(`L${i}`));
    const groups = groupForecastLines(lines, () => false);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(1_000);
    const rates: FeeRates = { source: 'settings', platformFeeRate: 0.05, commissionRate: 0.2, settledLines: 0 };
    const policy: MoneyPolicy = { rule: { kind: 'perOrder', days: 10 }, autoConfirmDays: 10, overdueDays: 10 };
    const all = [{ from: '2026-01-01', to: '2026-12-31' }];
    expect(forecastFromGroups(groups, rates, policy, '2026-09-20', '2026-09-20', 30, all)).toEqual(referenceForecast(lines, new Map(), rates, policy, '2026-09-20', '2026-09-20', 30, all));
  });

  it('orders the overdue queue as the stable sort did', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }), { maxLength: 200 }), (days) => {
        const lines = days.map((d, i) => ({ subOrderId: `L${i}`, daysSinceShipped: d }) as ReconciledLine);
        expect(longestWaitingFirst(lines)).toEqual([...lines].sort((a, b) => (b.daysSinceShipped ?? 0) - (a.daysSinceShipped ?? 0)));
      }),
      { numRuns: 300 },
    );
  });

  it('interns repeated texts: one copy, same value', () => {
    const intern = createInterner();
    const a = intern(['2026', '09-01'].join('-'));
    expect(intern('2026-09-01')).toBe(a);
    expect(intern(null)).toBeNull();
  });
});
