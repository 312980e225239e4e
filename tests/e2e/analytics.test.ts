import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT_A, cellsFor, csvLine, orderCells, orderLines, take } from '../fixtures/douyin/generator';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 看数据 Analytics end to end: the built renderer in headless Chromium over the browser harness.
 * The empty screen says what to import; over an imported export (180 days, ending 2026-08-31) the
 * range is changed, the basis switched to refund time, and a product clicked into its orders.
 */
const e2e = useE2eHarness('analytics', { at: '2026-09-02T09:00:00', viewport: { width: 1440, height: 900 } });
const SHOTS = process.env.ANALYTICS_SHOTS_DIR;

/**
 * A shop of about 50 lines a day over 90 days up to 2026-08-31 (the generator's `days` spreads its
 * 400,000-line pace), every 40th order closed unpaid (已关闭 with 售后状态 "-").
 */
function writeShopExport(path: string): void {
  const lines = take(orderLines({ seed: 1212, days: 8000 }), 4500).map((l, i) => (i % 40 === 7 ? { ...l, status: '已关闭', aftersaleStatus: null, shippedAt: null, cancelReason: '超时未支付' } : l));
  writeFileSync(path, `\uFEFF${[csvLine(LAYOUT_A), ...lines.map((l) => csvLine(cellsFor(LAYOUT_A, orderCells(l))))].join('\r\n')}\r\n`);
}

describe('the analytics screen over the browser harness', () => {
  it('empty state, dashboard over an import, change range and basis, click a product into its orders', async () => {
    const app = await ShopDeskPage.open(await e2e.context.newPage(), `${e2e.harness.url}#/analytics`);
    const { page } = app;
    const shot = async (name: string, fullPage = true) => {
      await app.screenshot(`analytics-${name}`, { fullPage });
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
      }
    };
    await app.heading('看数据').waitFor();
    await page.getByText('还没有订单数据').waitFor();
    await page.getByText(/导入抖店的订单导出/).waitFor();
    await shot('empty');

    const file = join(e2e.dataDir, '1788321600_0a1b2c3d4e5f6a7b.csv');
    writeShopExport(file);
    const [outcome] = await e2e.harness.core.call('imports.run', { jobId: 'analytics-e2e', sources: [{ type: 'path', path: file }] });
    expect(outcome).toMatchObject({ refused: false, kind: 'orders' });
    await e2e.harness.core.call('analytics.setNote', { granularity: 'day', date: '2026-08-28', text: '直播带货' });
    await e2e.harness.core.call('analytics.setNote', { granularity: 'week', date: '2026-07-13', text: '活动结束' });
    await page.reload();
    await app.section('订单量').waitFor();
    await app.section('订单量').getByText('直播带货').first().waitFor();
    // The default range: the 30 days up to the core's today, 2026-09-02.
    const last30 = await e2e.harness.core.call('analytics.volume', { from: '2026-08-04', to: '2026-09-02', granularity: 'day' });
    await app.section('订单量').getByText(last30.total.orders.toLocaleString('en-US'), { exact: true }).first().waitFor();
    await app.section('商品占比').getByRole('table').waitFor();
    await app.section('地区分布').getByRole('img', { name: '地区分布' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 4);
    await shot('dashboard');
    for (const [name, region] of [['volume', '订单量'], ['products', '商品占比'], ['provinces', '地区分布'], ['sources', '流量来源'], ['influencers', '达人带货'], ['mix', '商品状态与售后']] as const) {
      await app.screenshotOf(app.section(region), `analytics-${name}`);
      if (SHOTS) await app.section(region).screenshot({ path: join(SHOTS, `${name}.png`) });
    }

    // A note typed on a day shows in the table and on the chart, and is stored.
    await app.section('订单量').getByRole('button', { name: '添加备注 2026-08-27' }).click();
    await app.dialog().getByRole('textbox').fill('活动开始');
    await app.dialog().getByRole('button', { name: '保存备注' }).click();
    await app.section('订单量').getByRole('button', { name: '修改备注 2026-08-27' }).waitFor();
    const noted = await e2e.harness.core.call('analytics.volume', { from: '2026-08-27', to: '2026-08-27', granularity: 'day' });
    expect(noted.periods[0]!.note).toBe('活动开始');

    // A longer range by week.
    await page.getByRole('textbox', { name: '日期范围' }).first().click();
    await page.getByText('近 90 天', { exact: true }).click();
    await page.getByText('周', { exact: true }).click();
    const last90 = await e2e.harness.core.call('analytics.volume', { from: '2026-06-05', to: '2026-09-02', granularity: 'week' });
    await app.section('订单量').getByText(last90.total.orders.toLocaleString('en-US'), { exact: true }).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 4);
    await shot('weeks-90-days', false);

    // The refund basis: only refunded or closed orders, by refund time.
    await page.getByText('按退款/关闭时间', { exact: true }).click();
    await page.getByText(/一周的退款不会藏在下单那周里/).waitFor();
    const refunds = await e2e.harness.core.call('analytics.volume', { from: '2026-06-05', to: '2026-09-02', granularity: 'week', basis: 'refund' });
    expect(refunds.total.orders).toBeLessThan(last90.total.orders);
    await app.section('订单量').getByText(refunds.total.orders.toLocaleString('en-US'), { exact: true }).first().waitFor();
    await shot('refund-basis', false);

    // Back to paid time; the top product opens the orders desk filtered to it.
    await page.getByText('按支付时间', { exact: true }).click();
    const top = await e2e.harness.core.call('analytics.breakdown', { from: '2026-06-05', to: '2026-09-02', dimension: 'product', top: 10 });
    const first = top.rows[0]!;
    await app.section('商品占比').getByRole('button', { name: first.name ?? first.key }).first().click();
    await page.waitForURL((u) => u.hash.startsWith('#/orders?'));
    expect(new URL(page.url()).hash).toBe(`#/orders?product=${first.key}&paidFrom=2026-06-05&paidTo=2026-09-02`);
    const count = await e2e.harness.core.call('orders.count', { filter: { product: first.key, paidFrom: '2026-06-05', paidTo: '2026-09-02' } });
    await page.getByText(new RegExp(`共 ${count.orders.toLocaleString('en-US')} 单`)).waitFor();
    expect(await page.locator('input[aria-label="商品ID或名称"]').inputValue()).toBe(first.key);
    await shot('drill-into-orders', false);
    expect(await app.rawErrorCodes()).toEqual([]);

    // A range without orders: the chart stays, and the screen says so.
    await page.goto(`${e2e.harness.url}#/analytics`);
    await app.section('订单量').waitFor();
    const start = page.getByRole('textbox', { name: '日期范围' }).first();
    await start.click();
    await start.fill('2025-01-01');
    await start.press('Enter');
    const end = page.getByRole('textbox', { name: '日期范围' }).nth(1);
    await end.fill('2025-01-31');
    await end.press('Enter');
    await page.getByText('所选范围内没有订单').waitFor();
    await shot('none-in-range', false);
  }, 300_000);
});
