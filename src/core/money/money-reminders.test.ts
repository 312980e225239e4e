import { describe, expect, it } from 'vitest';
import type { RefundPath } from '../../shared/rpc/domains/money';
import { planMoneyReminders, type MoneyReminderFacts } from './money-reminders';

const NO_REFUND: RefundPath = {
  state: 'open',
  closedOn: null,
  closureReason: null,
  appliedOn: null,
  expectedBy: null,
  receivedOn: null,
  reopenState: 'notClosed',
  reopenFrom: null,
  isCalendarKnown: true,
  expectedByEstimated: false,
};
const facts = (patch: Partial<MoneyReminderFacts> = {}): MoneyReminderFacts => ({
  today: '2026-09-28',
  days: [
    { date: '2026-09-28', expectedFen: 11_400, lines: 1 },
    { date: '2026-09-29', expectedFen: 0, lines: 0 },
  ],
  requiredFen: 1_000_000,
  balanceFen: 1_000_000,
  refund: NO_REFUND,
  ...patch,
});

describe('planMoneyReminders', () => {
  it('plans a settlement reminder at 09:00 China time on each day money is expected', () => {
    expect(planMoneyReminders(facts())).toEqual([
      {
        key: 'settlement:2026-09-28',
        kind: 'settlement',
        dueAt: new Date('2026-09-28T01:00:00.000Z'),
        expiresAt: new Date('2026-09-28T16:00:00.000Z'),
        subject: 'money:2026-09-28',
        params: { case: 'day', date: '2026-09-28', amount: '114.00', lines: 1 },
      },
    ]);
  });

  it('warns when the deposit is below the requirement, once per shortfall', () => {
    const below = planMoneyReminders(facts({ days: [], balanceFen: 995_000 }));
    expect(below).toMatchObject([{ key: 'deposit:below:1000000:995000', kind: 'deposit', params: { case: 'below', shortfall: '50.00', required: '10,000.00', balance: '9,950.00' } }]);
    expect(planMoneyReminders(facts({ days: [], requiredFen: null, balanceFen: 0 }))).toEqual([]);
  });

  it('reminds of an overdue refund the day after it was due, and of the reopening date', () => {
    const refund: RefundPath = { ...NO_REFUND, state: 'applied', closedOn: '2026-09-01', appliedOn: '2026-09-10', expectedBy: '2026-09-20', reopenState: 'from', reopenFrom: '2027-03-01' };
    const planned = planMoneyReminders(facts({ days: [], refund }));
    expect(planned.map((p) => [p.key, p.dueAt.toISOString()])).toEqual([
      ['deposit:refundOverdue:2026-09-10', '2026-09-21T01:00:00.000Z'],
      ['deposit:reopen:2027-03-01', '2027-03-01T01:00:00.000Z'],
    ]);
    expect(planMoneyReminders(facts({ days: [], refund: { ...refund, receivedOn: '2026-09-18' } })).map((p) => p.key)).toEqual(['deposit:reopen:2027-03-01']);
  });

  // Seed 003: "如果是因为违规等行为被抖音官方永久关店了，那么抖音小店就不能再开了".
  it.each([
    ['voluntary, refunded', 'voluntary', 'from', '2027-03-01', ['deposit:reopen:2027-03-01']],
    ['closed for violations', 'violation', 'never', null, []],
    ['voluntary, refund not received yet', 'voluntary', 'afterRefund', null, []],
  ] as const)('reopening reminder: %s → %j', (_, closureReason, reopenState, reopenFrom, keys) => {
    const refund: RefundPath = { ...NO_REFUND, state: 'closed', closedOn: '2026-09-01', closureReason, reopenState, reopenFrom };
    expect(planMoneyReminders(facts({ days: [], refund })).map((p) => p.key)).toEqual(keys);
  });

  // Issue 10: "reminders and due dates computed on estimated dates say so".
  it.each([
    [false, 'refundOverdue'],
    [true, 'refundOverdueEstimated'],
  ] as const)('an overdue refund counted over estimated holidays (%s) uses case %s', (estimated, kase) => {
    const refund: RefundPath = { ...NO_REFUND, state: 'applied', closedOn: '2026-12-20', appliedOn: '2026-12-28', expectedBy: '2027-01-07', expectedByEstimated: estimated, isCalendarKnown: !estimated };
    expect(planMoneyReminders(facts({ days: [], refund }))).toMatchObject([{ key: 'deposit:refundOverdue:2026-12-28', dueAt: new Date('2027-01-08T01:00:00.000Z'), params: { case: kase } }]);
  });
});
