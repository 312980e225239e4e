import { describe, expect, it } from 'vitest';
import { DEPOSIT_SEED, addMonths, depositBalance, recogniseDepositRow, refundPath, requiredDeposit } from './deposit-rules';

describe('requiredDeposit', () => {
  it.each([
    ['soleProprietor', ['服饰内衣'], 200_000, '服饰内衣'],
    ['soleProprietor', ['服饰内衣', '母婴'], 500_000, '母婴'],
    ['soleProprietor', ['服饰内衣', '珠宝文玩', '母婴'], 2_000_000, '珠宝文玩'],
    ['company', ['服饰内衣', '母婴'], 1_000_000, '母婴'],
    ['individual', ['服饰内衣'], 50_000, '服饰内衣'],
  ] as const)('%s selling %j → %i fen', (entity, categories, fen, by) => {
    const r = requiredDeposit(entity, categories, DEPOSIT_SEED);
    expect(r).toEqual({ requiredFen: fen, requiredBy: by, unknownCategories: [] });
  });

  it('names categories without a figure and still takes the highest known one', () => {
    expect(requiredDeposit('individual', ['服饰内衣', '母婴', '家居'], DEPOSIT_SEED)).toEqual({
      requiredFen: 50_000,
      requiredBy: '服饰内衣',
      unknownCategories: ['母婴', '家居'],
    });
    expect(requiredDeposit('company', [], DEPOSIT_SEED).requiredFen).toBeNull();
  });

  it('follows an edited table', () => {
    const edited = DEPOSIT_SEED.map((r) => (r.entity === 'company' && r.category === '服饰内衣' ? { ...r, amountFen: 600_000 } : r));
    expect(requiredDeposit('company', ['服饰内衣'], edited).requiredFen).toBe(600_000);
  });
});

describe('recogniseDepositRow', () => {
  const row = { flowId: '77', flowAt: '2026-09-03 10:00:00', direction: '出账', amountFen: 200_000, note: null };
  it.each([
    ['充值保证金', 'topUp', 200_000],
    ['判罚扣款', 'deduction', -200_000],
    ['发货物流违规扣罚', 'deduction', -200_000],
    ['评价有礼保证金扣款', 'deduction', -200_000],
    ['货款结算入账', null, 0],
    ['提现', null, 0],
  ] as const)('%s → %s', (scene, kind, amount) => {
    const entry = recogniseDepositRow({ ...row, scene });
    if (kind === null) expect(entry).toBeNull();
    else expect(entry).toMatchObject({ id: 'f:77', on: '2026-09-03', kind, amountFen: amount, source: 'funds' });
  });

  it('recognises a deposit refund from the note, and sums a balance', () => {
    const refund = recogniseDepositRow({ ...row, scene: null, note: '保证金退款' });
    expect(refund?.kind).toBe('refund');
    const topUp = recogniseDepositRow({ ...row, scene: '充值保证金' });
    expect(depositBalance([topUp!, recogniseDepositRow({ ...row, amountFen: 5_000, scene: '判罚扣款' })!])).toBe(195_000);
  });
});

describe('refund path', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-31', 6, '2026-09-30'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-07-15', 6, '2027-01-15'],
  ])('%s + %i months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('walks closed → applied → overdue → refunded', () => {
    const closed = { closedOn: '2026-09-20', refundAppliedOn: null, refundReceivedOn: null };
    expect(refundPath({ closedOn: null, refundAppliedOn: null, refundReceivedOn: null }, '2026-09-21').state).toBe('open');
    expect(refundPath(closed, '2026-09-21')).toMatchObject({ state: 'closed', reopenFrom: '2027-03-20', expectedBy: null });
    // Applied on 09-29: 09-30, then 国庆 (10-01..10-07), 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14.
    const applied = { ...closed, refundAppliedOn: '2026-09-29' };
    expect(refundPath(applied, '2026-10-14')).toMatchObject({ state: 'applied', expectedBy: '2026-10-14', isCalendarKnown: true });
    expect(refundPath(applied, '2026-10-15').state).toBe('overdue');
    expect(refundPath({ ...applied, refundReceivedOn: '2026-10-16' }, '2026-10-20').state).toBe('refunded');
  });
});
