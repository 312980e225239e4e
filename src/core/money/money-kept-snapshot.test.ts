import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, type MoneySnapshot } from './money-snapshot';

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
};

describe('the kept money snapshot', () => {
  it('reads back exactly what was written, every flag and null', () => {
    expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
    expect(decodeSnapshot(encodeSnapshot({ groups: [], history: { settledLines: 0, grossFen: 0, feesFen: 0, influencerGrossFen: 0, commissionFen: 0 }, coverage: [] }))?.groups).toEqual([]);
  });

  const good = JSON.parse(encodeSnapshot(snapshot)) as { groups: unknown[][]; history: Record<string, unknown>; coverage: unknown[] };
  const withGroup = (g: unknown[]) => JSON.stringify({ ...good, groups: [g] });
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
  ])('is not read when it holds %s (the lines are read instead)', (_what, text) => {
    expect(decodeSnapshot(text)).toBeNull();
  });
});
