import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/shared/rpc/contract';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * The 资金 Money screen end to end: the built renderer in headless Chromium, the real core behind
 * the browser harness, a fresh data folder, the harness clock pinned to 2026-09-20 10:00 China
 * time. The fixtures (tests/fixtures/money) go in through the core's import; the import screen
 * has its own end-to-end test.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'money');

const e2e = useE2eHarness('money', { at: '2026-09-20T10:00:00' });

const EXTRA_SUB = (n: number) => `69384127055198${String(n).padStart(5, '0')}`;

/** An order export with lines 101–125, shipped 2026-08-01 … 08-25, never confirmed: all overdue on 09-20. */
function writeOverdueOrders(dir: string): string {
  const header = '主订单编号,子订单编号,选购商品,商品数量,商品ID,订单应付金额,平台实际承担优惠金额,达人实际承担优惠金额,订单提交时间,支付完成时间,发货时间,订单完成时间,订单状态,售后状态,达人ID,达人昵称';
  const rows = Array.from({ length: 25 }, (_, i) => {
    const n = 101 + i;
    const shipped = `2026-08-${String(1 + i).padStart(2, '0')} 16:00:00`;
    return [`"\t${EXTRA_SUB(n)}"`, `"\t${EXTRA_SUB(n)}"`, `积压测试商品 ${n}`, '1', '"\t3714290568812637505"', '10.00', '0.00', '0.00', '2026-07-30 20:00:00', '2026-07-30 20:00:05', shipped, '-', '已发货', '-', '', ''].join(',');
  });
  const path = join(dir, 'overdue-orders.csv');
  writeFileSync(path, '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n');
  return path;
}

/**
 * A funds flow for August: two withdrawals (提现, no order) on 08-01 and 08-31, so that the
 * settlement days of the backlog above are covered by an imported file (issue 10: overdue only
 * where a bill or funds flow covers the day). Same layout as the fixture's funds flow.
 */
function writeAugustFunds(dir: string): string {
  const [header, sample] = readFileSync(join(FIXTURES, 'money-funds.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const cells = sample!.split(',');
  const row = (at: string, id: string) => {
    const c = [...cells];
    c[0] = at;
    c[1] = `'${id}`;
    c[2] = '出账';
    c[3] = '1.00';
    c[5] = '提现';
    c[7] = '-';
    c[8] = '-';
    return c.join(',');
  };
  const path = join(dir, 'august-funds.csv');
  writeFileSync(path, '\uFEFF' + [header, row('2026-08-01 09:00:00', '200000000000801'), row('2026-08-31 09:00:00', '200000000000831')].join('\r\n') + '\r\n');
  return path;
}

class MoneyPage extends ShopDeskPage {
  static async openMoney(page: Page): Promise<MoneyPage> {
    const app = new MoneyPage((await ShopDeskPage.open(page, e2e.harness.url)).page);
    await app.page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '资金' }).click();
    await app.heading('资金').waitFor();
    return app;
  }
}

describe('money screen over the browser harness', () => {
  it('sets up the deposit, shows the forecast and the overdue queue, and fires the settlement-day reminder', { timeout: 90_000 }, async () => {
    const app = await MoneyPage.openMoney(await e2e.context.newPage());
    const { page } = app;

    // Empty: each part says what to import or set up.
    await app.section('未来 30 天预计到账').getByText(/请在「导入数据」中导入订单导出、资金流水和结算账单/).waitFor();
    await app.section('超期未结算').getByText('没有超期未结算的订单。').waitFor();
    await app.section('对账').getByText(/导入资金流水或结算账单后/).waitFor();
    await app.section('店铺与保证金').getByText('还没有设置类目，无法计算应缴金额。').waitFor();
    await app.section('结算规则').getByText(/默认：按单结算，N = 10 天/).waitFor();
    await app.screenshot('money-empty');

    // The shop profile: a company selling clothing and mother-and-baby goods → 10,000 required.
    const profile = app.section('店铺与保证金');
    await app.choose('企业');
    const categories = profile.getByRole('combobox', { name: '一级类目' });
    for (const category of ['服饰内衣', '母婴']) {
      await categories.fill(category);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Escape');
    await app.button('保存', profile).click();
    await profile.getByText(/¥10,000\.00.*按「母婴」/).waitFor();

    // The deposit paid when the shop opened.
    await profile.getByLabel('日期').fill('2026-08-01');
    await profile.getByLabel('金额（元）').fill('8000');
    await profile.getByLabel('备注').fill('开店缴纳');
    await app.button('添加记录', profile).click();
    await profile.getByRole('cell', { name: '开店缴纳' }).waitFor();

    // Orders only, no funds flow or bill yet: nothing is called overdue; the card says what to export.
    // Issue 10: "the money screen does not call ¥60,362,987.52 超期未结算: it shows 还没有导入结算账单".
    await e2e.harness.core.call('imports.run', { jobId: 'e2e-money-orders', sources: [{ type: 'path', path: join(FIXTURES, 'money-orders.csv') }] });
    const noBills = app.section('超期未结算');
    await noBills.getByText('还没有导入结算账单').waitFor();
    await noBills.getByText(/资金流水明细/).waitFor();
    await noBills.getByText(/过了结算日、无法核对：\d+ 单/).waitFor();
    await app.screenshot('money-no-bills');
    await app.screenshotOf(noBills, 'money-no-bills-card');

    // Import the other exports: funds flow and settlement bill.
    const outcomes = await e2e.harness.core.call('imports.run', {
      jobId: 'e2e-money-fixtures',
      sources: ['money-funds.csv', 'money-settlement.csv'].map((f) => ({ type: 'path' as const, path: join(FIXTURES, f) })),
    });
    expect(outcomes).toHaveLength(2);
    await noBills.getByText('还没有导入结算账单').waitFor({ state: 'detached' });

    // The forecast: a chart and the day L6 is expected; the overdue queue holds L5.
    const forecast = app.section('未来 30 天预计到账');
    await forecast.getByRole('img', { name: '未来 30 天预计到账' }).waitFor();
    const day = forecast.getByRole('row').filter({ hasText: '2026-09-28' });
    expect((await day.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['2026-09-28', '1', '114.00']);
    await forecast.getByText(/售后处理中或未发货：2 单/).waitFor();
    const overdue = app.section('超期未结算');
    const late = overdue.getByRole('row').filter({ hasText: '6938412705519800005' });
    expect((await late.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['6938412705519800005', '冰丝凉席 1.8米', '2026-08-25', '26', '57.00']);
    // The deposit: 8,000 typed in + 2,000 充值保证金 from the funds flow; the 50 判罚扣款 was paid by
    // the goods account (聚合账户), so it is not a deposit movement (issue 10).
    await profile.getByText('¥10,000.00', { exact: true }).first().waitFor();
    await profile.getByRole('cell', { name: '充值保证金' }).waitFor();
    expect(await profile.getByRole('cell', { name: '判罚扣款' }).count()).toBe(0);
    const rec = app.section('对账');
    const month = rec.getByRole('row').filter({ has: page.getByRole('cell', { name: '2026-09', exact: true }) });
    // Settled 95 + 80 + 47.50; fees 5 + 4.21 + 2.50 − 2.50 given back with the refund; the refund; rows without an order.
    expect((await month.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['2026-09', '222.50', '9.21', '0.00', '0.00', '47.50', '-2,551.20']);
    // Reconciliation line by line, and expected against actual per day.
    const partly = rec.getByRole('row').filter({ hasText: '6938412705519800002' });
    await partly.getByText('部分结算').waitFor();
    await rec.getByRole('img', { name: '近 60 天每日预计与实际' }).waitFor();
    await app.screenshotOf(rec, 'money-reconciliation');

    // The reconciliation table filtered on the core: only the partly settled line.
    const lineTable = rec.getByRole('table', { name: '逐单核对' });
    await rec.getByText('部分结算 1').click();
    await lineTable.getByRole('row').filter({ hasText: '6938412705519800001' }).waitFor({ state: 'detached' });
    expect(await lineTable.locator('tbody tr').count()).toBe(1);
    await lineTable.getByRole('row').filter({ hasText: '6938412705519800002' }).waitFor();
    await rec.getByText('全部', { exact: true }).click();
    await lineTable.getByRole('row').filter({ hasText: '6938412705519800001' }).waitFor();

    // 25 more lines shipped 08-01 … 08-25 and never confirmed: the overdue queue pages on the core,
    // longest waiting first (L5 before the line shipped the same day, as imported).
    await e2e.harness.core.call('imports.run', {
      jobId: 'e2e-money-overdue',
      sources: [{ type: 'path', path: writeOverdueOrders(e2e.dataDir) }, { type: 'path', path: writeAugustFunds(e2e.dataDir) }],
    });
    await overdue.getByText(/共 26 单，预计 ¥/).waitFor();
    const overdueTable = overdue.getByRole('table', { name: '超期未结算' });
    const firstCells = async () => (await overdueTable.locator('tbody tr').first().getByRole('cell').allInnerTexts()).map((t) => t.trim());
    // The total (money.reconciliation) and the table's page (money.reconciliationLines) are two
    // calls: the total can show the new lines before the page does.
    await overdueTable.getByRole('row').filter({ hasText: EXTRA_SUB(101) }).waitFor();
    expect(await firstCells()).toEqual([EXTRA_SUB(101), '积压测试商品 101', '2026-08-01', '50', expect.any(String)]);
    await overdue.getByTitle('2', { exact: true }).click();
    await overdueTable.getByRole('row').filter({ hasText: EXTRA_SUB(111) }).waitFor();
    expect(await firstCells()).toEqual([EXTRA_SUB(111), '积压测试商品 111', '2026-08-11', '40', expect.any(String)]);
    expect(await overdueTable.locator('tbody tr').count()).toBe(10);
    await app.screenshotOf(overdue, 'money-overdue-page-2');
    await overdue.getByTitle('3', { exact: true }).click();
    await overdueTable.getByRole('row').filter({ hasText: '6938412705519800005' }).waitFor();
    const lastPage = (await overdueTable.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t')[0]?.trim());
    expect(lastPage).toEqual([121, 122, 123, 124].map(EXTRA_SUB).concat(['6938412705519800005', EXTRA_SUB(125)]));

    // The refund path: applied on 09-10 → expected by 09-20 (7 working days, 09-20 a make-up Sunday).
    const refund = app.section('退店与保证金退回');
    await refund.getByLabel('关店日期').fill('2026-09-01');
    await refund.getByLabel('关店日期').blur();
    await refund.getByText('已关店，尚未申请退回').waitFor();
    await refund.getByLabel('申请退回日期').fill('2026-09-10');
    await refund.getByLabel('申请退回日期').blur();
    await refund.getByText('已申请，等待退回').waitFor();
    await refund.getByText('2026-09-20').waitFor();
    // Seed 003: six months from closing *and* the refund; never after a closure for violations.
    await refund.getByText('保证金退回后满 6 个月（关店并退保后起算）').waitFor();
    await refund.getByLabel('退回到账日期').fill('2026-09-18');
    await refund.getByLabel('退回到账日期').blur();
    await refund.getByText('2027-03-18').waitFor();
    await refund.getByRole('combobox', { name: '关店原因' }).click();
    await page.locator('.ant-select-item-option[title="因违规被平台关店"]').click();
    await refund.getByText('因违规关店，不能重新开店').waitFor();
    await app.screenshotOf(refund, 'money-refund-path');

    // The deposit equals its requirement: no money reminder is due now.
    const reminders = app.section('资金提醒');
    await reminders.getByText(/现在没有到期的资金提醒/).waitFor();
    await app.screenshot('money-data');


    // Move the harness clock to the morning of 09-28: the settlement-day reminder fires.
    const fired: Reminder[] = [];
    const off = e2e.harness.core.onEvent((e) => {
      if (e.event === 'reminders.fired') fired.push(...(e.payload as { reminders: Reminder[] }).reminders);
    });
    await e2e.harness.core.call('testing.setTime', { at: '2026-09-28T09:30:00+08:00' });
    await reminders.getByText('今天预计到账货款 ¥114.00').waitFor();
    off();
    expect(fired.map((r) => r.key)).toContain('settlement:2026-09-28');
    await app.screenshotOf(reminders, 'money-reminder-fired');

    // The half-monthly rule moves the money to the 1st of October.
    const rule = app.section('结算规则');
    await rule.getByRole('radio', { name: /半月结算/ }).check();
    await app.button('保存', rule).click();
    await forecast.getByRole('row').filter({ hasText: '2026-10-01' }).waitFor();

    // The deposit table is editable: the platform raised mother-and-baby for companies to 12,000.
    const table = app.section('保证金标准');
    const cell = table.getByLabel('母婴 企业');
    await cell.fill('12000');
    await cell.blur();
    await profile.getByText(/¥12,000\.00.*按「母婴」/).waitFor();
    await profile.getByText('¥2,000.00').waitFor();
    await app.screenshotOf(table, 'money-deposit-table');

    // The experience score suggests N.
    await rule.getByLabel('体验分').fill('4.6');
    await rule.getByText('按体验分建议 N = 4 天').waitFor();

    // English.
    await e2e.harness.core.call('settings.update', { language: 'en-US' });
    await app.heading('Money').waitFor();
    await app.section('Expected cash, next 30 days').getByRole('img', { name: 'Expected cash, next 30 days' }).waitFor();
    await app.screenshot('money-data-en');
    await e2e.harness.core.call('settings.update', { language: 'zh-CN' });
  });

  // Issue 10: "for later years compute the statutory holidays … mark every such date 预估 / estimated;
  // let the user import or paste the State Council's holiday notice for a year … which then wins".
  it('shows 2027 as estimated, refuses a bad notice row, and saves a pasted notice that then wins', async () => {
    const app = await MoneyPage.openMoney(await e2e.context.newPage());
    const { page } = app;
    const holidays = app.section('节假日与调休');
    await holidays.getByRole('combobox', { name: '年份' }).click();
    await page.locator('.ant-select-item-option[title="2027"]').click();
    await holidays.getByText('预估', { exact: true }).first().waitFor();
    await holidays.getByLabel('粘贴国务院放假通知').fill('一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月30日至12日放假调休，共8天。');
    await app.button('读取通知', holidays).click();
    await holidays.getByText('以下行无法读取，请手动补录：2').waitFor();
    await holidays.getByLabel('日期 1').fill('2027-13-01');
    await app.button('保存通知', holidays).click();
    await holidays.getByText('日期不正确，请填写 YYYY-MM-DD 格式的真实日期').waitFor();
    expect((await e2e.harness.core.call('money.holidayCalendar', { year: 2027 })).source).toBe('estimated');
    await app.screenshotOf(holidays, 'money-holidays-refused');
    await holidays.getByLabel('日期 1').fill('2027-01-01');
    await app.button('保存通知', holidays).click();
    await holidays.getByText('按录入的通知', { exact: true }).first().waitFor();
    expect((await e2e.harness.core.call('money.holidayCalendar', { year: 2027 })).source).toBe('notice');
    await app.screenshotOf(holidays, 'money-holidays-notice');
  });
});
