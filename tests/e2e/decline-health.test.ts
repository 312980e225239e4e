import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CUP, DECLINE_EXPORT_NAME, declineExportCsv } from '../fixtures/decline/decline-export';
import { useE2eHarness } from './helpers/use-e2e-harness';
import { ShopDeskPage } from './pages/shop-desk-page';

/*
 * Issue 12 end to end: the decline alert in Today's 看数据 block and on the 看数据 screen over a fixture built for it (five
 * normal weeks, then Monday to Friday falling), each group that fell opening its orders; a
 * shop-health entry added through the form, its warnings and trends; the profit view. Pictures
 * with data and without are saved with the other e2e screenshots.
 */

const e2e = useE2eHarness('decline', { at: '2026-09-12T09:00:00' });
async function shot(app: ShopDeskPage, name: string): Promise<void> {
  await app.screenshot(`decline-${name}`);
}

async function goTo(app: ShopDeskPage, menu: string, heading: string): Promise<void> {
  await app.page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: menu }).click();
  await app.heading(heading).waitFor();
}

async function open(page: Page): Promise<ShopDeskPage> {
  const app = await ShopDeskPage.open(page, e2e.harness.url);
  await app.heading('今日').waitFor();
  return app;
}

describe('decline watch, shop health and profit in the browser', () => {
  it('empty states say what to do', async () => {
    const app = await open(await e2e.context.newPage());
    await goTo(app, '店铺健康', '店铺健康');
    await app.page.getByTestId('health-empty').waitFor();
    await shot(app, 'health-empty');
    await goTo(app, '利润', '利润');
    await app.page.getByTestId('profit-empty').waitFor();
    await shot(app, 'profit-empty');
    expect(await app.rawErrorCodes()).toEqual([]);
    await app.page.close();
  });

  it('shows the decline alert in the 看数据 block, names what fell and opens its orders', async () => {
    const file = join(e2e.dataDir, '..', DECLINE_EXPORT_NAME);
    writeFileSync(file, declineExportCsv());
    const [outcome] = await e2e.harness.core.call('imports.run', { jobId: 'decline-e2e', sources: [{ type: 'path', path: file }] });
    expect(outcome?.refused).toBeFalsy();

    const app = await open(await e2e.context.newPage());
    const block = app.section('看数据');
    // The day starts with reading the numbers: the running block opens its queue.
    await app.button('开始', block).click();
    const alert = block.getByTestId('decline-alert');
    await alert.getByText('订单量连续 4 天环比下滑（2026-09-07 至 2026-09-11：20 → 7 单）').waitFor();
    await alert.getByText('规则：连续 3 天及以上环比下降，且不是平常的周末回落').waitFor();
    await alert.getByRole('group', { name: '商品' }).getByText(CUP.title).waitFor();
    await alert.getByRole('group', { name: '达人' }).getByText(CUP.influencerName).waitFor();
    await alert.getByRole('group', { name: '省份' }).getByText('广西壮族自治区').waitFor();
    await shot(app, 'today-decline');

    await alert.getByRole('link', { name: `查看订单: ${CUP.title}` }).click();
    await app.heading('订单').waitFor();
    expect(app.page.url()).toContain(`product=${CUP.productId}`);
    // The cups paid 09-01 to 09-11, both compared windows and the days between: 16+17+15+13+7+5+15+13+9+5+2.
    await app.page.getByText('共 117 单（117 行）符合条件').waitFor();
    await app.page.getByText(CUP.title).first().waitFor();
    await expect(app.page.getByText('纯棉短袖T恤 男女同款 宽松').count()).resolves.toBe(0);
    await shot(app, 'orders-from-decline');
    // 看数据 shows the same alert above its numbers.
    await goTo(app, '看数据', '看数据');
    await app.page.locator('[data-slot="analytics-alert"]').getByTestId('decline-alert').getByText('订单量连续 4 天环比下滑（2026-09-07 至 2026-09-11：20 → 7 单）').waitFor();
    await shot(app, 'analytics-decline');
    expect(await app.rawErrorCodes()).toEqual([]);
    await app.page.close();
  });

  it('adds a health entry through the form; a refused value names the field and saves nothing', async () => {
    const app = await open(await e2e.context.newPage());
    await goTo(app, '店铺健康', '店铺健康');
    const { page } = app;
    const form = app.section('记一笔');
    await form.getByLabel('日期').fill('2026-09-11');
    await form.getByLabel('店铺评分（DSR）').fill('4.72');
    await form.getByLabel('好评率').fill('93');
    await form.getByLabel('商品访客数').fill('1830');
    await form.getByLabel('商品点击人数').fill('201');
    await form.getByLabel('商家体验分').fill('4.61');
    await app.button('保存', form).click();
    await app.message('已保存 2026-09-11 的记录').waitFor();

    await form.getByLabel('日期').fill('2026-09-12');
    await form.getByLabel('店铺评分（DSR）').fill('4.4');
    await form.getByLabel('好评率').fill('abc');
    await app.button('保存', form).click();
    await form.getByText('好评率应为数字').waitFor();
    await form.getByLabel('好评率').fill('78.5');
    await form.getByLabel('商品访客数').fill('1520');
    await form.getByLabel('商品点击人数').fill('140');
    await form.getByLabel('商家体验分').fill('4.52');
    await app.button('保存', form).click();
    await app.message('已保存 2026-09-12 的记录').waitFor();

    // Seed 004's lines: DSR < 4.5 and good-review < 80 % warn.
    await page.getByTestId('health-warning-dsr').getByText(/DSR 4.4 低于 4.5/).waitFor();
    await page.getByTestId('health-warning-goodReview').waitFor();
    await app.section('记录').getByRole('cell', { name: '2026-09-12' }).waitFor();
    await app.section('走势').locator('canvas').first().waitFor();
    await shot(app, 'health-data');

    // Typing the next day while the list is refetched (another entry arrives): the typed values stay.
    await form.getByLabel('日期').fill('2026-09-10');
    await form.getByLabel('店铺评分（DSR）').fill('4.81');
    await form.getByLabel('好评率').fill('96');
    await e2e.harness.core.call('health.add', { date: '2026-09-05', dsr: 4.7 });
    await app.section('记录').getByRole('cell', { name: '2026-09-05' }).waitFor();
    expect([await form.getByLabel('日期').inputValue(), await form.getByLabel('店铺评分（DSR）').inputValue(), await form.getByLabel('好评率').inputValue()]).toEqual(['2026-09-10', '4.81', '96']);
    expect(await app.rawErrorCodes()).toEqual([]);
    await app.page.close();
  });

  it('the profit view over the imported orders, some with a recorded purchase amount', async () => {
    // 60 of the cups bought from the supplier at ¥31.00 each (the purchases screen would record this).
    const cups = await e2e.harness.core.call('orders.list', { filter: { product: CUP.productId, paidFrom: '2026-08-20', paidTo: '2026-09-11' }, limit: 60 });
    for (const o of cups.orders) await e2e.harness.core.call('purchases.create', { orderId: o.mainOrderId, fields: { amountFen: 3100 } });
    const app = await open(await e2e.context.newPage());
    await goTo(app, '利润', '利润');
    await app.page.getByTestId('profit-coverage').getByText(/有实录采购成本的订单：60 \/ 498（12%）/).waitFor();
    await app.section('每天的收入、成本和利润').locator('canvas').waitFor();
    await shot(app, 'profit-data');
    await app.page.getByText('按商品', { exact: true }).click();
    await app.section('按商品').getByText(CUP.title).waitFor();
    await shot(app, 'profit-by-product');
    expect(await app.rawErrorCodes()).toEqual([]);
    await app.page.close();
  });
});
