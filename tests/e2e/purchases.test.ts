import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { solidPng } from '../helpers/png';
import { line, writeExport } from '../helpers/purchase-exports';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 采购 end to end: the built renderer in headless Chromium over the browser harness. An imported
 * export's unshipped orders are listed to buy; one is recorded with a pasted proof image and its
 * message copied for the supplier; two more get a supplier in bulk and are marked 已下单.
 * Screenshots go to tests/.artifacts.
 */
const e2e = useE2eHarness('purchases', { viewport: { width: 1440, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'], at: '2026-09-01T12:00:00' });
const files = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-purchase-files-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

const A = '6938425630014476219';
const B = '6938425630014476300';
const C = '6938425630014476400';
const PNG = solidPng(120, 200, [7, 193, 96]).toString('base64');

async function seed() {
  const core = e2e.harness.core;
  const linked = new Promise<void>((resolve) => {
    const off = core.onEvent((e) => {
      if (e.event === 'purchases.changed') {
        off();
        resolve();
      }
    });
  });
  await core.call('imports.run', {
    jobId: 'purchases-e2e',
    sources: [
      {
        type: 'path',
        path: writeExport(files, 1788220000, [
          line(A, A, { 买家留言: '周末配送，谢谢' }),
          line(B, B, { 选购商品: '纯棉短袖T恤 男女同款 宽松', 商品ID: '3720011873304662931', 商家编码: 'TX-CM-BK-XL', 承诺发货时间: '2026-09-03 09:00:00' }),
          line(C, C, { 售后状态: '售后待处理', 承诺发货时间: '2026-09-03 10:00:00' }),
        ]),
      },
    ],
  });
  await linked;
  await core.call('suppliers.create', { name: '义乌榨汁杯厂', wechat: 'yiwu-zzb' });
}

describe('purchases in the browser', () => {
  it('records a purchase with a pasted proof image, copies the message for the supplier, assigns a supplier in bulk', async () => {
    await seed();
    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    const { page } = app;
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '采购' }).click();
    await app.heading('采购').waitFor();
    // antd's visible option (the role=option list is its hidden accessibility copy); the open dropdown is the last one.
    const pickOption = (name: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
    const row = (orderId: string) => page.getByRole('row').filter({ hasText: orderId });
    await row(A).waitFor();
    await row(C).getByText('买家已申请退款').waitFor();
    await page.getByTestId('cost-coverage').getByText('有实录采购成本的订单：0 / 3（0%）').waitFor();
    await app.screenshot('purchases-list');

    // Open order A, create its purchase, fill the form (a bad amount is refused on its field).
    await row(A).getByText('便携榨汁杯 无线充电 小型家用 ×1').click();
    const drawer = page.getByRole('dialog');
    await app.button('建采购单', drawer).click();
    await app.message('已建采购单').waitFor();
    const card = drawer.getByTestId(/^purchase-\d+$/);
    await card.waitFor();
    await card.getByLabel('供应商', { exact: true }).click();
    await pickOption('义乌榨汁杯厂');
    await card.getByLabel('实付金额（元）').fill('23.505');
    await app.button('保存', card).click();
    await card.getByText('请输入金额，最多两位小数，例如 23.50').waitFor();
    await card.getByLabel('实付金额（元）').fill('23.50');
    await card.getByLabel('供应商订单号').fill('YW-0901-7');
    await card.getByLabel('付款时间（北京时间）').fill('2026-09-01 14:30');
    await card.getByLabel('供应商运单号').fill('YT999');
    await app.button('保存', card).click();
    await app.message('已保存').waitFor();
    await app.button('改为已付款', card).click();
    await app.message('已改为“已付款”').waitFor();
    await card.getByText('已付款', { exact: true }).first().waitFor();

    // Paste a screenshot into the proof box: it is stored and shown as a thumbnail.
    await card.getByTestId('proof-box').evaluate((box, base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'wechat-transfer.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PNG);
    await app.message('凭证已保存').waitFor();
    const thumb = card.getByTestId('proof-thumbnail').locator('img');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(120);

    // 复制给供应商: the message is on the clipboard.
    await app.button('复制给供应商', card).click();
    await app.message('已复制，可直接粘贴给供应商').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`【代发订单】订单号：${A}`);
    expect(copied).toContain('商品：便携榨汁杯 无线充电 小型家用');
    expect(copied).toContain('地址：四川省 成都市 武侯区 火车南站街道');
    expect(copied).toContain('买家留言：周末配送，谢谢');
    await app.screenshot('purchase-panel', { fullPage: false });
    await card.getByText('记录', { exact: true }).scrollIntoViewIfNeeded();
    await card.getByText(/添加凭证 · wechat-transfer\.png/).waitFor();
    await app.screenshot('purchase-panel-history', { fullPage: false });
    await page.keyboard.press('Escape');

    // Bulk: B and C get the supplier and are marked 已下单; then copy all of that supplier's messages.
    await row(A).getByText('已付款').waitFor();
    await row(A).getByText('¥23.50').waitFor();
    await row(B).getByRole('checkbox').check();
    await row(C).getByRole('checkbox').check();
    const bulk = page.getByTestId('bulk-bar');
    await bulk.getByText('已选 2 单').waitFor();
    await bulk.getByLabel('选择供应商').first().click();
    await pickOption('义乌榨汁杯厂');
    await app.button('指定供应商', bulk).click();
    await app.message('已为 2 笔采购指定供应商').waitFor();
    await app.button('标为已下单', bulk).click();
    await app.message('已更新 2 笔采购').waitFor();
    await row(B).getByText('已下单').waitFor();
    await row(C).getByText('义乌榨汁杯厂').waitFor();
    await bulk.getByLabel('选择供应商').last().click();
    await pickOption('义乌榨汁杯厂');
    await app.button('复制该供应商的全部消息', bulk).click();
    await app.message('已复制 2 条消息').waitFor();
    const all = await page.evaluate(() => navigator.clipboard.readText());
    expect(all).toContain(`订单号：${B}`);
    expect(all).toContain(`订单号：${C}`);
    await page.getByTestId('cost-coverage').getByText('有实录采购成本的订单：1 / 3（33.3%）').waitFor();
    await page.getByText('按商品的利润').scrollIntoViewIfNeeded();
    await page.getByRole('row').filter({ hasText: '纯棉短袖T恤 男女同款 宽松' }).last().waitFor();
    await app.screenshot('purchases-bulk');
    expect(await app.rawErrorCodes()).toEqual([]);
  }, 90_000);
});
