import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOrdersExport } from '../bench/write-export';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 订单 Orders end to end: the built renderer in headless Chromium over the browser harness. The
 * empty screen says what to import; a generated export (long Chinese titles, gifts as second
 * lines) is imported; the list is filtered to 24 小时内发货, an order's drawer opens with its
 * lines, the raw fields, imports and timeline, and a note is kept. A hash link from Today opens
 * the overdue queue.
 */
const e2e = useE2eHarness('orders', { at: '2026-09-02T06:00:00', viewport: { width: 1440, height: 900 } });

describe('the orders screen over the browser harness', () => {
  it('empty state, import, filter to due within 24 h, open an order, keep a note, deep link to overdue', async () => {
    const app = await ShopDeskPage.open(await e2e.context.newPage(), `${e2e.harness.url}#/orders`);
    const { page } = app;
    await app.heading('订单').waitFor();
    await page.getByText('还没有导入订单').waitFor();
    await page.getByText(/导出查询订单/).waitFor();
    await app.screenshot('orders-empty');

    const file = join(e2e.dataDir, '1788321600_0a1b2c3d4e5f6a7b.csv');
    await writeOrdersExport(file, 3000);
    const [outcome] = await e2e.harness.core.call('imports.run', { jobId: 'orders-e2e', sources: [{ type: 'path', path: file }] });
    expect(outcome).toMatchObject({ refused: false, kind: 'orders' });
    await page.reload();
    await app.heading('订单').waitFor();
    await page.getByText(/共 [\d,]+ 单（[\d,]+ 行）符合条件/).waitFor();
    await page.locator('.ant-table-row').nth(1).waitFor();
    await app.screenshot('orders-list', { fullPage: false });

    await page.getByRole('combobox', { name: '全部订单' }).click();
    await page.locator('.ant-select-item-option[title="24 小时内发货"]').click();
    const due = await e2e.harness.core.call('orders.list', { filter: { queue: 'due24h' }, limit: 1 });
    expect(due.total?.orders).toBeGreaterThan(0);
    await page.getByText(new RegExp(`共 ${due.total?.orders.toLocaleString('en-US')} 单`)).waitFor();
    await app.screenshot('orders-due24h', { fullPage: false });

    const first = due.orders[0]?.mainOrderId ?? '';
    await page.locator('.ant-table-row').filter({ hasText: first }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`订单 ${first}`).waitFor();
    for (const name of ['商品行', '采购', '备注', '状态变化（按导入）', '来自哪些导入', '导出文件里的全部字段']) await drawer.getByRole('region', { name, exact: true }).waitFor();
    // The purchase slot holds the purchases desk's panel.
    await drawer.locator('[data-section="purchase"]').getByTestId('purchase-panel').waitFor();
    // The after-sales desk is mounted in the drawer: the order's cases and "enter one by hand".
    await drawer.locator('[data-section="aftersales"]').getByTestId('aftersales-section').waitFor();
    await drawer.getByText('1788321600_0a1b2c3d4e5f6a7b.csv').waitFor();
    await app.screenshot('orders-drawer-top', { fullPage: false });
    await drawer.getByRole('textbox', { name: '备注' }).fill('已催厂家今天 18:00 前发出');
    await drawer.getByRole('button', { name: '添加备注' }).click();
    await drawer.getByText('已催厂家今天 18:00 前发出').waitFor();
    expect((await e2e.harness.core.call('orders.get', { orderId: first })).notes.map((n) => n.text)).toEqual(['已催厂家今天 18:00 前发出']);
    await app.screenshot('orders-drawer', { fullPage: false });
    expect(await app.rawErrorCodes()).toEqual([]);

    await page.keyboard.press('Escape');
    await page.goto(`${e2e.harness.url}#/orders?queue=overdue`);
    await page.getByRole('combobox', { name: '全部订单' }).waitFor();
    await page.getByText('已超时未发货').first().waitFor();
    const overdue = await e2e.harness.core.call('orders.list', { filter: { queue: 'overdue' }, limit: 1 });
    await page.getByText(new RegExp(`共 ${overdue.total?.orders.toLocaleString('en-US')} 单`)).waitFor();
    await app.screenshot('orders-overdue-link', { fullPage: false });
  }, 240_000);
});
