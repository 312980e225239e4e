import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { DEPOSIT_SEED } from '../../src/core/money/deposit-rules';
import { useTempDirs } from '../helpers/temp-dir';
import type { Clock } from '../../src/shared/clock';
import type { AppError } from '../../src/shared/errors';
import { errorMessage } from '../../src/shared/i18n/error-messages';
import { RECONCILIATION_PAGE_MAX } from '../../src/shared/rpc/contract';

const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '../fixtures/money');
/** Any method name with any params, past the client's types on purpose (bad params must reach the core). */
const untypedCall = (core: Core, method: string, params: unknown) => (core.call as (m: string, p: unknown) => Promise<unknown>)(method, params);
// 2026-09-20 10:00 China time.
const NOW = new Date('2026-09-20T02:00:00.000Z');

async function coreWithFixtures(files = ['money-orders.csv', 'money-funds.csv', 'money-settlement.csv'], clock: Clock = { now: () => NOW }): Promise<Core> {
  const core = await createCore({ dataDir: tempDir(), log: silentLogger, clock });
  if (files.length > 0) {
    const outcomes = await core.call('imports.run', { jobId: 'money-fixtures', sources: files.map((f) => ({ type: 'path' as const, path: join(FIXTURES, f) })) });
    expect(outcomes.map((o) => ('refused' in o && o.refused ? o.code : 'ok'))).toEqual(files.map(() => 'ok'));
  }
  return core;
}

describe('money over the core', () => {
  it('starts empty: defaults, the seeded deposit table, no forecast', async () => {
    const core = await coreWithFixtures([]);
    expect(await core.call('money.profile', {})).toMatchObject({ entity: 'soleProprietor', categories: [], settlementRule: 'perOrder', perOrderDays: 10 });
    expect(await core.call('money.depositRates', {})).toEqual(expect.arrayContaining(DEPOSIT_SEED.map((r) => ({ ...r }))));
    expect(await core.call('money.depositRates', {})).toHaveLength(DEPOSIT_SEED.length);
    const forecast = await core.call('money.forecast', {});
    expect(forecast.days).toHaveLength(30);
    expect(forecast.days.every((d) => d.expectedFen === 0 && d.lines === 0)).toBe(true);
    const rec = await core.call('money.reconciliation', {});
    expect(rec).toMatchObject({ hasFunds: false, hasOrders: false, overdue: { lines: 0, amountFen: 0 } });
    expect(await core.call('money.reconciliationLines', { list: 'all', offset: 0, limit: 10 })).toEqual({ total: 0, lines: [] });
    await core.close();
  });

  it('sets the profile and the deposit: requirement is the highest category, ledger includes funds-flow rows once', async () => {
    const core = await coreWithFixtures();
    await core.call('money.updateProfile', { entity: 'company', categories: ['服饰内衣', '母婴'] });
    await core.call('money.addLedgerEntry', { on: '2026-08-01', kind: 'paid', amountFen: 800_000, note: '开店缴纳' });
    const deposit = await core.call('money.deposit', {});
    expect(deposit).toMatchObject({ requiredFen: 1_000_000, requiredBy: '母婴', unknownCategories: [], notOpenCategories: [] });
    // 8,000 paid + 2,000 充值保证金 (出账 from the goods account into the deposit). The 50 判罚扣款 row
    // is on 聚合账户, the goods account: issue 10, "Goods-account fines … are not deposit movements
    // unless the row says the deposit account paid".
    expect(deposit.balanceFen).toBe(800_000 + 200_000);
    expect(deposit.shortfallFen).toBe(0);
    expect(deposit.ledger.map((e) => [e.id, e.kind, e.amountFen])).toEqual([
      ['f:200000000000006', 'topUp', 200_000],
      ['m:1', 'paid', 800_000],
    ]);
    // Importing the same funds file again changes nothing.
    await core.call('imports.run', { jobId: 'money-again', sources: [{ type: 'path', path: join(FIXTURES, 'money-funds.csv') }] });
    expect((await core.call('money.deposit', {})).balanceFen).toBe(deposit.balanceFen);
    // The table is editable.
    await core.call('money.setDepositRate', { entity: 'company', category: '母婴', amountFen: 1_200_000 });
    expect((await core.call('money.deposit', {})).requiredFen).toBe(1_200_000);
    await core.close();
  });

  it('walks the refund path on the working-day calendar', async () => {
    const core = await coreWithFixtures([]);
    await core.call('money.updateProfile', { closedOn: '2026-09-01', refundAppliedOn: '2026-09-10' });
    const { refund } = await core.call('money.deposit', {});
    // 09-10 + 7 working days: 11, 14, 15, 16, 17, 18 and Sunday 20 (a make-up working day for 国庆).
    // Seed 003: six months count "关闭退保后的那一刻" — from closing and refund, so not yet known.
    expect(refund).toMatchObject({ state: 'applied', expectedBy: '2026-09-20', reopenState: 'afterRefund', reopenFrom: null, expectedByEstimated: false });
    await core.call('money.updateProfile', { refundAppliedOn: '2026-09-01' });
    expect((await core.call('money.deposit', {})).refund.state).toBe('overdue');
    await core.call('money.updateProfile', { refundReceivedOn: '2026-09-25' });
    expect((await core.call('money.deposit', {})).refund).toMatchObject({ state: 'refunded', reopenState: 'from', reopenFrom: '2027-03-25' });
    // A shop closed for violations never reopens; the reason is stored with the profile.
    await core.call('money.updateProfile', { closureReason: 'violation' });
    expect(await core.call('money.profile', {})).toMatchObject({ closureReason: 'violation' });
    expect((await core.call('money.deposit', {})).refund).toMatchObject({ reopenState: 'never', reopenFrom: null });
    await core.close();
  });

  it('forecasts and reconciles the fixtures', async () => {
    const core = await coreWithFixtures();
    const forecast = await core.call('money.forecast', {});
    expect(forecast.feeBasis).toMatchObject({ source: 'history', settledLines: 3 });
    expect(forecast.feeBasis.platformFeeRate).toBeCloseTo(0.05, 3);
    // L6: 120.00 less 5 % → 114.00 on 09-28 (confirmed 09-18 + 10 days).
    expect(forecast.days.filter((d) => d.lines > 0)).toEqual([{ date: '2026-09-28', expectedFen: 11_400, lines: 1 }]);
    expect(forecast.overdue).toEqual({ lines: 1, amountFen: 5_700 });
    expect(forecast.waiting).toMatchObject({ lines: 2 });

    const rec = await core.call('money.reconciliation', {});
    const all = await core.call('money.reconciliationLines', { list: 'all', offset: 0, limit: 200 });
    expect(all.total).toBe(8);
    const status = Object.fromEntries(all.lines.map((l) => [l.subOrderId.slice(-1), l.status]));
    expect(status).toEqual({ 1: 'settled', 2: 'partlySettled', 3: 'refunded', 4: 'settled', 5: 'notYet', 6: 'notYet', 7: 'notYet', 8: 'notYet' });
    expect(rec.counts).toEqual({ settled: 2, partlySettled: 1, refunded: 1, notYet: 4 });
    const overdue = await core.call('money.reconciliationLines', { list: 'overdue', offset: 0, limit: 10 });
    expect(overdue.lines.map((l) => l.subOrderId.slice(-1))).toEqual(['5']);
    // The summary's overdue figures are the queue's: one line, 57.00 expected (as the forecast's).
    expect(rec.overdue).toEqual({ lines: 1, amountFen: 5_700 });
    const settled = await core.call('money.reconciliationLines', { list: 'all', status: 'settled', offset: 1, limit: 5 });
    expect(settled).toEqual({ total: 2, lines: [all.lines[3]] });
    // Bad pages are refused before the core reads anything, with the shared translated message.
    for (const bad of [
      { list: 'all', offset: -1, limit: 10 },
      { list: 'all', offset: 0, limit: 0 },
      { list: 'all', offset: 0, limit: RECONCILIATION_PAGE_MAX + 1 },
      { list: 'all', offset: 0.5, limit: 10 },
      { list: 'everything', offset: 0, limit: 10 },
      { list: 'all', status: 'lost', offset: 0, limit: 10 },
      { list: 'all', offset: 0, limit: 10, extra: true },
      { list: 'all', limit: 10 },
    ]) {
      const error = await untypedCall(core, 'money.reconciliationLines', bad).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION' });
      expect(errorMessage((error as AppError).code, 'zh-CN')).toBe('输入的内容不正确，请检查后重试。');
      expect(errorMessage((error as AppError).code, 'en-US')).toMatch(/not valid/);
    }
    const line1 = all.lines.find((l) => l.subOrderId.endsWith('1'));
    // Counted once although both the funds flow and the bill carry it.
    expect(line1).toMatchObject({ actualFen: 9_500, expectedFen: 9_500, settledOn: '2026-09-14' });
    expect(rec.days.find((d) => d.date === '2026-09-14')).toMatchObject({ actualFen: 17_500, expectedFen: 9_500 + 19_000 + 5_700 });
    expect(rec.periods).toEqual([
      { period: '2026-09', settledFen: 22_250, platformFeeFen: 500 + 421 + 250 - 250, commissionFen: 0, otherFeesFen: 0, refundsFen: 4_750, unlinkedFen: -(50_000 + 200_000 + 5_000 + 120) },
    ]);
    await core.close();
  });

  it('switches to the half-monthly rule', async () => {
    const core = await coreWithFixtures();
    await core.call('money.updateProfile', { settlementRule: 'halfMonthly' });
    const forecast = await core.call('money.forecast', { from: '2026-09-20', days: 30 });
    expect(forecast.rule).toBe('halfMonthly');
    expect(forecast.days.filter((d) => d.lines > 0)).toEqual([{ date: '2026-10-01', expectedFen: 11_400, lines: 1 }]);
    await core.close();
  });

  it('reminds of settlement days and of the deposit through the reminder engine', async () => {
    let now = NOW;
    const core = await coreWithFixtures(undefined, { now: () => now });
    await core.call('money.updateProfile', { entity: 'company', categories: ['母婴'] });
    const kinds = async () => (await core.call('reminders.due', { locale: 'en-US' })).reminders.filter((r) => r.kind === 'settlement' || r.kind === 'deposit');
    // 09-20: the deposit (2,000 充值保证金 in the funds flow; the goods-account fine is not the deposit's) is below 10,000.
    expect((await kinds()).map((r) => [r.kind, r.key, r.title])).toEqual([['deposit', 'deposit:below:1000000:200000', 'Deposit is ¥8,000.00 below the requirement']]);
    // 09-28 09:30 China time: L6 is expected today.
    now = new Date('2026-09-28T01:30:00.000Z');
    const due = await kinds();
    expect(due.find((r) => r.kind === 'settlement')).toMatchObject({ key: 'settlement:2026-09-28', title: '¥114.00 of goods money expected today' });
    const zh = (await core.call('reminders.due', { locale: 'zh-CN' })).reminders;
    expect(zh.find((r) => r.kind === 'settlement')?.title).toBe('今天预计到账货款 ¥114.00');
    await core.close();
  });
});

describe('holiday notices and settlement coverage over the core (issue 10)', () => {
  it('estimates 2027, then a saved notice wins for the refund date; a bad notice is refused whole', async () => {
    const core = await coreWithFixtures([], { now: () => new Date('2026-12-28T02:00:00.000Z') });
    // Issue 10: "refund dates from late December ignore 元旦 and 春节 2027 while the reminder fires on them".
    await core.call('money.updateProfile', { closedOn: '2026-12-20', refundAppliedOn: '2026-12-28' });
    expect((await core.call('money.deposit', {})).refund).toMatchObject({ expectedBy: '2027-01-07', expectedByEstimated: true, isCalendarKnown: false });
    const estimated = await core.call('money.holidayCalendar', { year: 2027 });
    expect(estimated).toMatchObject({ year: 2027, source: 'estimated', noticeYears: [] });
    expect(estimated.days.every((d) => d.source === 'estimated')).toBe(true);

    const bad = await core.call('money.saveHolidayNotice', { year: 2027, days: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] }).catch((e: AppError) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect((await core.call('money.holidayCalendar', { year: 2027 })).source).toBe('estimated');

    // A notice where 元旦 is one day only: the seventh working day comes a day earlier, not estimated.
    const saved = await core.call('money.saveHolidayNotice', { year: 2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(saved).toMatchObject({ source: 'notice', noticeYears: [2027], days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'notice' }] });
    expect((await core.call('money.deposit', {})).refund).toMatchObject({ expectedBy: '2027-01-07', expectedByEstimated: false });
    await core.call('money.removeHolidayNotice', { year: 2027 });
    expect((await core.call('money.holidayCalendar', { year: 2027 })).source).toBe('estimated');
    await expect(core.call('money.removeHolidayNotice', { year: 2027 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await core.close();
  });

  it('with orders but no funds flow or bill, nothing is overdue: the past-due lines are unchecked', async () => {
    const core = await coreWithFixtures(['money-orders.csv'], { now: () => new Date('2026-12-06T02:00:00.000Z') });
    const rec = await core.call('money.reconciliation', {});
    expect(rec).toMatchObject({ hasFunds: false, coverage: [], overdue: { lines: 0, amountFen: 0 } });
    expect(rec.unchecked.lines).toBeGreaterThan(0);
    const forecast = await core.call('money.forecast', {});
    expect(forecast.overdue).toEqual({ lines: 0, amountFen: 0 });
    expect(forecast.unchecked).toEqual(rec.unchecked);
    await core.call('imports.run', { jobId: 'money-funds', sources: [{ type: 'path', path: join(FIXTURES, 'money-funds.csv') }] });
    const covered = await core.call('money.reconciliation', {});
    expect(covered.coverage.length).toBeGreaterThan(0);
    expect(covered.overdue.lines + covered.unchecked.lines).toBeGreaterThan(0);
    await core.close();
  });
});
