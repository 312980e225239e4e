import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, type MoneySnapshot } from './money-snapshot';
import { digestLines } from './reconcile-digest';

const facts = (over: Partial<MoneySnapshot['groups'][number]['facts']> = {}) => ({
  grossFen: 4990,
  refundedFen: 0,
  hasInfluencer: false,
  isClosed: false,
  aftersale: 'none' as const,
  shippedOn: '2026-08-01',
  confirmedOn: '2026-08-05',
  aftersaleEndedOn: null,
  ...over,
});
const snapshot: MoneySnapshot = {
  groups: [
    { facts: facts(), count: 3 },
    { facts: facts({ hasInfluencer: true, aftersale: 'open', shippedOn: null, confirmedOn: null }), count: 1 },
    { facts: facts({ isClosed: true, aftersale: 'refunded', refundedFen: 4990, aftersaleEndedOn: '2026-08-09' }), count: 2 },
    { facts: facts({ hasInfluencer: true, isClosed: true, aftersale: 'kept' }), count: 7 },
  ],
  history: { settledLines: 12, grossFen: 59_880, feesFen: -2994, influencerGrossFen: 9980, commissionFen: -1996 },
  coverage: [{ from: '2026-07-01', to: '2026-08-31' }],
  digest: {
    moneyGroups: [{ facts: facts({ confirmedOn: null }), count: 4 }],
    statusGroups: [
      { netGrossFen: 4990, hasInfluencer: false, actualFen: 4740, hasRefund: false, count: 3 },
      { netGrossFen: 0, hasInfluencer: true, actualFen: -120, hasRefund: true, count: 1 },
    ],
    actualByDay: [['2026-08-11', 14_220], ['2026-08-12', -120]],
    periods: [{ period: '2026-08', settledFen: 14_220, platformFeeFen: 750, commissionFen: 0, otherFeesFen: 0, refundsFen: 120, unlinkedFen: -3_000 }],
    unmatched: { rows: 1, amountFen: 990, items: [{ source: 'funds', key: 'F9', orderId: 'O9', on: '2026-08-12', kind: 'settlement', amountFen: 990, reason: 'severalLines' }] },
    hasFunds: true,
    lines: 17,
  },
};
const EMPTY_HISTORY = { settledLines: 0, grossFen: 0, feesFen: 0, influencerGrossFen: 0, commissionFen: 0 };

describe('the kept money snapshot', () => {
  it('reads back exactly what was written, every flag and null', () => {
    expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
    expect(decodeSnapshot(encodeSnapshot({ groups: [], history: EMPTY_HISTORY, coverage: [], digest: digestLines([], new Map(), [], []) }))).toEqual({ groups: [], history: EMPTY_HISTORY, coverage: [], digest: digestLines([], new Map(), [], []) });
  });

  const good = JSON.parse(encodeSnapshot(snapshot)) as { groups: unknown[][]; history: Record<string, unknown>; coverage: unknown[]; digest: Record<string, unknown> };
  const withGroup = (g: unknown[]) => JSON.stringify({ ...good, groups: [g] });
  const withDigest = (patch: Record<string, unknown>) => JSON.stringify({ ...good, digest: { ...good.digest, ...patch } });
  const item = (good.digest['unmatched'] as { items: Record<string, unknown>[] }).items[0]!;
  it.each([
    ['not JSON', '{"groups": ['],
    ['not an object', '42'],
    ['no groups', JSON.stringify({ ...good, groups: undefined })],
    ['a short group', withGroup([4990, 0, 0, 'none', null, null, null])],
    ['an unknown after-sales state', withGroup([4990, 0, 0, 'maybe', null, null, null, 1])],
    ['a fractional amount', withGroup([49.9, 0, 0, 'none', null, null, null, 1])],
    ['flags out of range', withGroup([4990, 0, 4, 'none', null, null, null, 1])],
    ['a count of 0', withGroup([4990, 0, 0, 'none', null, null, null, 0])],
    ['a day that is a number', withGroup([4990, 0, 0, 'none', 20260801, null, null, 1])],
    ['a history without a field', JSON.stringify({ ...good, history: { ...good.history, feesFen: undefined } })],
    ['a coverage without its end', JSON.stringify({ ...good, coverage: [{ from: '2026-07-01' }] })],
    ['no reconciliation digest (a row of the first format)', JSON.stringify({ ...good, digest: undefined })],
    ['a money group that is short', withDigest({ moneyGroups: [[4990, 0, 0, 'none', null, null, null]] })],
    ['a status group with a negative gross', withDigest({ statusGroups: [[-1, 0, 4740, 3]] })],
    ['a status group with flags out of range', withDigest({ statusGroups: [[4990, 4, 4740, 3]] })],
    ['a day amount that is a fraction', withDigest({ actualByDay: [['2026-08-11', 1.5]] })],
    ['a month without its refunds', withDigest({ periods: [{ period: '2026-08', settledFen: 1, platformFeeFen: 0, commissionFen: 0, otherFeesFen: 0, unlinkedFen: 0 }] })],
    ['an unmatched row of an unknown reason', withDigest({ unmatched: { rows: 1, amountFen: 990, items: [{ ...item, reason: 'lost' }] } })],
    ['a line count that is text', withDigest({ lines: '17' })],
  ])('is not read when it holds %s (the lines are read instead)', (_what, text) => {
    expect(decodeSnapshot(text)).toBeNull();
  });
});
