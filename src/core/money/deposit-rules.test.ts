import { describe, expect, it } from 'vitest';
import { DEPOSIT_SEED, addMonths, depositBalance, recogniseDepositRow, refundPath, reopening, requiredDeposit } from './deposit-rules';

describe('requiredDeposit', () => {
  it.each([
    ['soleProprietor', ['服饰内衣'], 200_000, '服饰内衣'],
    ['soleProprietor', ['服饰内衣', '母婴'], 500_000, '母婴'],
    ['soleProprietor', ['服饰内衣', '珠宝文玩', '母婴'], 2_000_000, '珠宝文玩'],
    ['company', ['服饰内衣', '母婴'], 1_000_000, '母婴'],
    ['individual', ['服饰内衣'], 50_000, '服饰内衣'],
  ] as const)('%s selling %j → %i fen', (entity, categories, fen, by) => {
    const r = requiredDeposit(entity, categories, DEPOSIT_SEED);
    expect(r).toEqual({ requiredFen: fen, requiredBy: by, unknownCategories: [], notOpenCategories: [] });
  });

  // Seed 004: "个人在服饰内衣、运动户外、鞋靴、厨具等一级类目普通订单下的保证金标准都是五百元，
  // 至于其余的一级类目对个人主体是处暂不招商的状态。"
  it.each([
    [['运动户外'], 50_000, [], []],
    [['鞋靴'], 50_000, [], []],
    [['厨具'], 50_000, [], []],
    [['服饰内衣', '鞋靴', '厨具', '运动户外'], 50_000, [], []],
    [['母婴'], null, [], ['母婴']],
    [['珠宝文玩', '家居'], null, [], ['珠宝文玩', '家居']],
    [['鞋靴', '母婴'], 50_000, [], ['母婴']],
  ] as const)('a private person selling %j → %s fen, unknown %j, not open %j', (categories, fen, unknown, notOpen) => {
    expect(requiredDeposit('individual', categories, DEPOSIT_SEED)).toEqual({
      requiredFen: fen,
      requiredBy: fen === null ? null : categories[0],
      unknownCategories: unknown,
      notOpenCategories: notOpen,
    });
  });

  it('names categories without a figure (other entity types) and still takes the highest known one', () => {
    expect(requiredDeposit('company', ['服饰内衣', '鞋靴', '家居'], DEPOSIT_SEED)).toEqual({
      requiredFen: 400_000,
      requiredBy: '服饰内衣',
      unknownCategories: ['鞋靴', '家居'],
      notOpenCategories: [],
    });
    expect(requiredDeposit('company', [], DEPOSIT_SEED).requiredFen).toBeNull();
  });

  it('follows an edited table, for a private person too', () => {
    const edited = DEPOSIT_SEED.map((r) => (r.entity === 'company' && r.category === '服饰内衣' ? { ...r, amountFen: 600_000 } : r));
    expect(requiredDeposit('company', ['服饰内衣'], edited).requiredFen).toBe(600_000);
    const opened = [...DEPOSIT_SEED, { entity: 'individual' as const, category: '家居', amountFen: 100_000 }];
    expect(requiredDeposit('individual', ['家居'], opened)).toMatchObject({ requiredFen: 100_000, notOpenCategories: [] });
  });
});

describe('recogniseDepositRow', () => {
  // DOUYIN_EXPORTS.md §4.1: "动账方向 is 入账 or 出账, and 动账金额 is a positive magnitude. Signed amount
  // = +amount for 入账, −amount for 出账." and "动账账户: 聚合账户 today" (the goods account). Scenes:
  // "Penalties: 判罚扣款 · 发货物流违规扣罚", "评价有礼保证金扣款", "Account movements: 提现 · 充值保证金";
  // 备注 "仲裁申诉通过打款", API tag "10 保证金退款".
  const row = { flowId: '77', flowAt: '2026-09-03 10:00:00', amountFen: 200_000, account: '聚合账户', note: null };
  it.each([
    // Goods-account fines are goods money, not deposit movements.
    ['判罚扣款', '出账', '聚合账户', null, null, 0],
    ['发货物流违规扣罚', '出账', '聚合账户', null, null, 0],
    ['评价有礼保证金扣款', '出账', '聚合账户', null, null, 0],
    ['判罚扣款', '入账', '聚合账户', '仲裁申诉通过打款', null, 0],
    ['货款结算入账', '入账', '聚合账户', null, null, 0],
    ['提现', '出账', '聚合账户', null, null, 0],
    // The deposit account paid: its own direction gives the sign.
    ['判罚扣款', '出账', '保证金账户', null, 'deduction', -200_000],
    ['评价有礼保证金扣款', '出账', '保证金账户', null, 'deduction', -200_000],
    ['发货物流违规扣罚', '出账', '聚合账户', '保证金账户扣款', 'deduction', -200_000],
    ['判罚扣款', '入账', '保证金账户', '仲裁申诉通过打款', 'credit', 200_000],
    ['充值保证金', '入账', '保证金账户', null, 'topUp', 200_000],
    // Transfers seen from the goods account move the deposit the other way.
    ['充值保证金', '出账', '聚合账户', null, 'topUp', 200_000],
    ['充值保证金', '入账', '聚合账户', null, 'deduction', -200_000],
    [null, '入账', '聚合账户', '保证金退款', 'refund', -200_000],
  ] as const)('%s %s on %s (备注 %s) → %s %i', (scene, direction, account, note, kind, amount) => {
    const entry = recogniseDepositRow({ ...row, scene, direction, account, note });
    if (kind === null) expect(entry).toBeNull();
    else expect(entry).toMatchObject({ id: 'f:77', on: '2026-09-03', kind, amountFen: amount, source: 'funds' });
  });

  it('sums a balance from signed entries', () => {
    const topUp = recogniseDepositRow({ ...row, direction: '出账', scene: '充值保证金' })!;
    const fine = recogniseDepositRow({ ...row, direction: '出账', account: '保证金账户', amountFen: 5_000, scene: '判罚扣款' })!;
    const back = recogniseDepositRow({ ...row, direction: '入账', account: '保证金账户', amountFen: 5_000, scene: '判罚扣款', note: '仲裁申诉通过打款' })!;
    expect(depositBalance([topUp, fine])).toBe(195_000);
    expect(depositBalance([topUp, fine, back])).toBe(200_000);
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

  const open = { closedOn: null, closureReason: null, refundAppliedOn: null, refundReceivedOn: null } as const;

  it('walks closed → applied → overdue → refunded', () => {
    const closed = { ...open, closedOn: '2026-09-20' };
    expect(refundPath(open, '2026-09-21').state).toBe('open');
    expect(refundPath(closed, '2026-09-21')).toMatchObject({ state: 'closed', reopenState: 'afterRefund', reopenFrom: null, expectedBy: null });
    // Applied on 09-29: 09-30, then 国庆 (10-01..10-07), 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14.
    const applied = { ...closed, refundAppliedOn: '2026-09-29' };
    expect(refundPath(applied, '2026-10-14')).toMatchObject({ state: 'applied', expectedBy: '2026-10-14', isCalendarKnown: true, expectedByEstimated: false });
    expect(refundPath(applied, '2026-10-15').state).toBe('overdue');
    expect(refundPath({ ...applied, refundReceivedOn: '2026-10-16' }, '2026-10-20').state).toBe('refunded');
  });

  // Seed 003: "这里的6个月是指关闭退保后的那一刻算起" and "如果是因为违规等行为被抖音官方永久关店了，
  // 那么抖音小店就不能再开了，如果是自己去关店，只要满足了时间方面的要求后就可以再次开通。"
  it.each([
    ['open', null, null, null, 'notClosed', null],
    ['closed, refund not received', '2026-09-20', 'voluntary', null, 'afterRefund', null],
    ['closed 09-20, refunded 10-16', '2026-09-20', 'voluntary', '2026-10-16', 'from', '2027-04-16'],
    ['no reason given counts as voluntary', '2026-09-20', null, '2026-10-16', 'from', '2027-04-16'],
    ['refund recorded before the closing date', '2026-09-20', 'voluntary', '2026-09-01', 'from', '2027-03-20'],
    ['closed for violations', '2026-09-20', 'violation', '2026-10-16', 'never', null],
    ['closed for violations, no refund yet', '2026-09-20', 'violation', null, 'never', null],
  ] as const)('%s → %s %s', (_, closedOn, closureReason, refundReceivedOn, state, from) => {
    expect(reopening({ closedOn, closureReason, refundAppliedOn: null, refundReceivedOn })).toEqual({ reopenState: state, reopenFrom: from });
  });

  // Issue 10: "refund dates from late December ignore 元旦 and 春节 2027 while the reminder fires on them";
  // seed 004: "平台就会在你的抖音小店关闭的7个正常工作日将保证金退回".
  it.each([
    // 12-28 (Mon): 12-29, 12-30, 12-31, then 元旦 2027 (estimated 01-01..01-03), 01-04, 01-05, 01-06, 01-07.
    ['2026-12-28', '2027-01-07'],
    // 2027-02-01 (Mon): 02-02, 02-03, 02-04, then 春节 (estimated 02-05..02-12), make-up Saturday 02-13, 02-15, 02-16, 02-17.
    ['2027-02-01', '2027-02-17'],
  ])('applied on %s → expected by %s, marked estimated', (appliedOn, expectedBy) => {
    const path = refundPath({ ...open, closedOn: '2026-12-20', refundAppliedOn: appliedOn }, appliedOn);
    expect(path).toMatchObject({ expectedBy, isCalendarKnown: false, expectedByEstimated: true });
  });
});
