import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAftersalesExport } from '../helpers/aftersales-exports';
import { solidPng } from '../helpers/png';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 售后 end to end: the built renderer in headless Chromium over the browser harness. An imported
 * after-sales export's open return case is opened; the supplier who fulfilled the line (through
 * its purchase) shows its return card, and its address is copied; the supplier side records what
 * the supplier owes, which the 供应商欠款 view then lists. Screenshots go to tests/.artifacts.
 */
const e2e = useE2eHarness('aftersales', { viewport: { width: 1440, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'], at: '2026-09-01T12:00:00' });
const files = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-aftersales-files-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

const ORDER = '6938412705519815397';
const CASE = '1438412705519899002';
const PNG = solidPng(120, 200, [230, 80, 40]).toString('base64');

async function seed() {
  const core = e2e.harness.core;
  const fixture = join(files, 'orders-a.csv');
  copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'douyin', 'orders-a.csv'), fixture);
  const returns = writeAftersalesExport(files, 'aftersales-open.csv', [
    {
      售后单号: CASE, 订单号: ORDER, 商品单号: ORDER, 商品名称: '便携榨汁杯 无线充电 小型家用', 商品ID: '3714290568812637506', 商品发货状态: '1/1已发货', 售后类型: '退货退款',
      '退商品金额(元)': '59.90', 售后状态: '待收退货', 售后申请时间: '2026-09-01 09:30:00', 售后原因: '质量问题', 自动处理截止时间: '2026-09-02 08:00:00', 商家编码: 'SKU-002',
    },
  ]);
  await core.call('imports.run', { jobId: 'aftersales-e2e-orders', sources: [{ type: 'path', path: fixture }] });
  await core.call('imports.run', { jobId: 'aftersales-e2e-returns', sources: [{ type: 'path', path: returns }] });
  const supplier = await core.call('suppliers.create', { name: '义乌榨汁杯厂', contactPerson: '王强', phone: '13800138000', wechat: 'yiwu-zzb' });
  await core.call('suppliers.addAddress', { supplierId: supplier.id, address: { provinceCode: '33', cityCode: '3307', districtCode: '330782', street: '福田街道 国际商贸城 3 区 8 号', recipient: '王五', phone: '13800138000' } });
  await core.call('suppliers.setRules', { id: supplier.id, rules: { noReason7Day: true, postagePayer: 'supplier', damagedHandling: '拍照后补发', refusedParcel: '', windowDays: 7, notes: '' } });
  // The line was bought from this supplier: its purchase names it.
  await core.call('purchases.assignSupplier', { orderIds: [ORDER], supplierId: supplier.id });
}

describe('after-sales in the browser', () => {
  it('a shop without any case says how to get them, not that none matches the default 只看未完结', async () => {
    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    await app.page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '售后' }).click();
    await app.heading('售后').waitFor();
    await app.page.locator('.ant-table-placeholder').getByText('还没有售后单。导入抖店的售后导出，或在订单详情里手工登记。').waitFor();
    expect(await app.page.getByText('没有符合条件的售后单').count()).toBe(0);
    await app.page.close();
  });

  it('opens a return case, copies the supplier’s return address, records what the supplier owes', async () => {
    await seed();
    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    const { page } = app;
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '售后' }).click();
    await app.heading('售后').waitFor();
    const row = page.getByRole('row').filter({ hasText: CASE });
    await row.waitFor();
    await row.getByText('退货退款').waitFor();
    await app.screenshot('aftersales-list');

    await row.getByText(CASE).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('case-drawer').waitFor();
    await drawer.getByTestId('countdown').getByText(/^剩 \d+ 小时 \d+ 分$/).waitFor();
    // The formula sits beside the amount, not in the label (a label that long squeezed the amount to one glyph a line).
    await drawer.getByText('买家实退', { exact: true }).waitFor();
    await drawer.getByText('（退商品金额 − 退支付优惠）', { exact: true }).waitFor();
    const card = drawer.getByTestId('return-card');
    await card.getByText('王五 13800138000 浙江省 金华市 义乌市 福田街道 国际商贸城 3 区 8 号').waitFor();
    await card.getByText('供应商承担').waitFor();
    await app.button('复制退货地址', card).click();
    await app.message('退货地址已复制，可粘贴到抖店的“智能识别”').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('王五 13800138000 浙江省 金华市 义乌市 福田街道 国际商贸城 3 区 8 号');

    // A reply template, filled with this order's details.
    await drawer.getByTestId('copy-reply-return_exchange').click();
    const reply = await page.evaluate(() => navigator.clipboard.readText());
    expect(reply).toContain(`订单 ${ORDER}（便携榨汁杯 无线充电 小型家用）`);
    expect(reply).toContain('寄回以下地址：王五 13800138000 浙江省 金华市 义乌市');
    expect(reply).toContain('59.90 元');

    // Evidence: a pasted chat screenshot is stored and shown as a thumbnail.
    await drawer.getByTestId('evidence-box').evaluate((box, base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'chat.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PNG);
    await app.message('凭证已保存').waitFor();
    const thumb = drawer.getByTestId('evidence-thumbnail').locator('img');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(120);

    // The supplier side: a bad amount is refused on its field, then what the supplier owes is saved.
    const side = drawer.getByRole('region', { name: '供应商处理' });
    await side.getByLabel('供应商应退（元）').fill('23.505');
    await app.button('保存', side).click();
    await side.getByText('供应商应退金额最多两位小数').waitFor();
    await side.getByLabel('供应商应退（元）').fill('23.50');
    await side.getByLabel('退回供应商的运单号').fill('SF1234567890');
    await app.button('保存', side).click();
    await app.message(/^已保存$/).waitFor();
    await drawer.getByTestId('case-owed').getByText('还欠 ¥23.50').waitFor();
    // The corrected save leaves no stale error under the field.
    await side.getByText('供应商应退金额最多两位小数').waitFor({ state: 'detached' });
    await app.screenshot('aftersales-case-drawer-supplier-side', { fullPage: false });
    await drawer.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
    await app.screenshot('aftersales-case-drawer', { fullPage: false });

    // Close the dispute with its cause; the causes report groups it by product and supplier.
    const closing = drawer.getByRole('region', { name: '结案' });
    await closing.getByLabel('原因').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '质量问题' }).click();
    await app.button('结案', closing).click();
    await app.message(/^已结案$/).waitFor();
    await closing.getByTestId('closed-cause').getByText('已结案：质量问题').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '原因报表' }).click();
    await page.getByRole('row').filter({ hasText: '便携榨汁杯 无线充电 小型家用' }).getByText('质量问题 × 1').waitFor();
    await app.screenshot('aftersales-causes-report');
    await page.getByRole('tab', { name: '模板与词表' }).click();
    await page.getByText('「退货退款」 → 退货退款').waitFor();
    await app.screenshot('aftersales-settings');

    await page.getByRole('tab', { name: '供应商欠款' }).click();
    const balances = page.getByTestId('supplier-balances');
    await balances.getByText('供应商共欠 ¥23.50').waitFor();
    await balances.getByRole('row').filter({ hasText: '义乌榨汁杯厂' }).getByText('¥23.50').first().waitFor();
    await app.screenshot('aftersales-supplier-balance');

    // The same balance on the supplier's own drawer, with the case behind it.
    await balances.getByRole('link', { name: '义乌榨汁杯厂' }).click();
    const owed = page.getByRole('dialog').getByTestId('supplier-owed-balance');
    await owed.getByText(/还欠 ¥23\.50/).waitFor();
    await owed.getByRole('link', { name: CASE }).waitFor();
    await owed.scrollIntoViewIfNeeded();
    await app.screenshot('aftersales-supplier-drawer-balance', { fullPage: false });
    expect(await app.rawErrorCodes()).toEqual([]);
  });
});
