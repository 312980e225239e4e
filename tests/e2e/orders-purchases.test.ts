import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOrdersExport } from '../bench/write-export';
import { solidPng } from '../helpers/png';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * Working orders from the 订单 list (issue 11) end to end, in headless Chromium over the browser
 * harness: filter to 24 小时内发货, open an order, record its purchase in the drawer with a pasted
 * proof image, copy the message for the supplier (read back from the clipboard), then tick orders
 * in the table and assign them a supplier in bulk; the supplier filter then lists exactly them.
 */
const e2e = useE2eHarness('orders-purchases', { at: '2026-09-02T06:00:00', viewport: { width: 1440, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
const PNG = solidPng(120, 200, [7, 193, 96]).toString('base64');

describe('purchasing orders from the orders screen', () => {
  it('due within 24 h → drawer → purchase with a pasted proof → copy for the supplier → bulk-assign a supplier', async () => {
    const core = e2e.harness.core;
    const file = join(e2e.dataDir, '1788321600_0a1b2c3d4e5f6a7b.csv');
    await writeOrdersExport(file, 2000);
    const [outcome] = await core.call('imports.run', { jobId: 'orders-purchases-e2e', sources: [{ type: 'path', path: file }] });
    expect(outcome).toMatchObject({ refused: false, kind: 'orders' });
    const supplier = await core.call('suppliers.create', { name: '义乌榨汁杯厂', wechat: 'yiwu-zzb' });

    const app = await ShopDeskPage.open(await e2e.context.newPage(), `${e2e.harness.url}#/orders`);
    const { page } = app;
    const pickOption = (name: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
    await app.heading('订单').waitFor();
    await page.getByRole('combobox', { name: '全部订单' }).click();
    await page.locator('.ant-select-item-option[title="24 小时内发货"]').click();
    const due = await core.call('orders.list', { filter: { queue: 'due24h' }, limit: 3 });
    expect(due.orders.length).toBe(3);
    await page.getByText(new RegExp(`共 ${due.total?.orders.toLocaleString('en-US')} 单`)).waitFor();

    // Open the first order due: its purchase panel sits in the drawer's purchase slot.
    const [first, second, third] = due.orders.map((o) => o.mainOrderId) as [string, string, string];
    await page.locator('.ant-table-row').filter({ hasText: first }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`订单 ${first}`).waitFor();
    const slot = drawer.locator('[data-section="purchase"]');
    await app.button('建采购单', slot).click();
    await app.message('已建采购单').waitFor();
    const card = slot.getByTestId(/^purchase-\d+$/);
    await card.waitFor();
    await card.getByLabel('供应商', { exact: true }).click();
    await pickOption('义乌榨汁杯厂');
    await card.getByLabel('实付金额（元）').fill('23.50');
    await card.getByLabel('付款时间（北京时间）').fill('2026-09-02 13:30');
    await app.button('保存', card).click();
    await app.message('已保存').waitFor();

    // A pasted screenshot of the transfer becomes the payment proof, shown as a thumbnail.
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

    await app.button('复制给供应商', card).click();
    await app.message('已复制，可直接粘贴给供应商').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`【代发订单】订单号：${first}`);
    expect(copied).toContain('商品：');
    const recorded = await core.call('purchases.forOrder', { orderId: first });
    expect(recorded.purchases).toMatchObject([{ supplierId: supplier.id, amountFen: 2350, proofs: [{ fileName: 'wechat-transfer.png' }] }]);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('orders-drawer-purchase', { fullPage: false });
    expect(await app.rawErrorCodes()).toEqual([]);
    await page.keyboard.press('Escape');

    // The list is read again (the purchase changed): the first order now names its supplier.
    const row = (id: string) => page.locator('.ant-table-row').filter({ hasText: id }).first();
    await row(first).getByText('义乌榨汁杯厂').waitFor();

    // Bulk: tick the next two orders, assign the supplier.
    await row(second).locator('.ant-checkbox-input').check();
    await row(third).locator('.ant-checkbox-input').check();
    const bulk = page.getByTestId('orders-bulk-bar');
    await bulk.getByText('已选 2 单').waitFor();
    await bulk.getByLabel('选择供应商').first().click();
    await pickOption('义乌榨汁杯厂');
    await app.screenshot('orders-bulk-bar', { fullPage: false });
    await app.button('指定供应商', bulk).click();
    await app.message('已为 2 笔采购指定供应商').waitFor();
    await row(second).getByText('义乌榨汁杯厂').waitFor();
    await row(third).getByText('义乌榨汁杯厂').waitFor();

    // The supplier filter lists exactly these three orders.
    const bySupplier = await core.call('orders.list', { filter: { supplierId: supplier.id }, limit: 10 });
    expect(bySupplier.orders.map((o) => o.mainOrderId).sort()).toEqual([first, second, third].sort());
    await page.getByRole('combobox', { name: '供应商' }).click();
    await pickOption('义乌榨汁杯厂');
    await page.getByText(/共 3 单/).waitFor();
    await app.screenshot('orders-filter-supplier', { fullPage: false });
    expect(await app.rawErrorCodes()).toEqual([]);
  }, 240_000);
});
