import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solidPng } from '../helpers/png';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 选品 and 供应商 end to end: the built renderer in headless Chromium over the browser harness,
 * with a fresh data folder. Capture a link, fill the cost stack, list it and watch today's count
 * rise; add a supplier with a return address and copy it. Screenshots go to tests/.artifacts.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');

const e2e = useE2eHarness('sourcing', { viewport: { width: 1440, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });

/** Clicks 导出 CSV on the screen shown: the file's name and text, after the toast with the row count. */
async function exportedCsv(app: ShopDeskPage, fileName: string, toast: string): Promise<string> {
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.button('导出 CSV').click()]);
  await app.message(toast).waitFor();
  expect(download.suggestedFilename()).toBe(fileName);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

describe('sourcing and suppliers in the browser', () => {
  it('captures a link, fills the cost stack, lists it and counts it today; adds a supplier address and copies it', async () => {
    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    const { page } = app;
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '选品' }).click();
    await app.heading('选品').waitFor();
    await page.getByText('还没有商品').waitFor();
    await page.getByTestId('listed-today').getByText('今天已上架 0 个，目标 10–30 个').waitFor();
    await app.screenshot('sourcing-empty');

    // Quick capture: a Douyin share text with a price.
    await page.getByRole('textbox', { name: '快速记录' }).fill('【冰丝凉席三件套】 ¥39.9 https://haohuo.jinritemai.com/views/product/detail?id=42&origin_type=604 复制此链接');
    await app.button('记为候选').click();
    await app.message(/已记为候选：冰丝凉席三件套/).waitFor();
    const candidates = page.getByRole('region', { name: '候选', exact: true });
    await candidates.getByText('冰丝凉席三件套').waitFor();

    // The same link again is flagged as a duplicate.
    await page.getByRole('textbox', { name: '快速记录' }).fill('https://haohuo.jinritemai.com/views/product/detail/?id=42&share_id=abc');
    await app.button('记为候选').click();
    await app.message(/可能重复：#1 冰丝凉席三件套/).waitFor();

    // Fill the cost stack in the form and watch it compute.
    await candidates.getByText('冰丝凉席三件套').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('编辑商品').waitFor();
    await drawer.getByLabel('进货价（元）').fill('20');
    await drawer.getByLabel('供应商运费（元）').fill('3');
    await drawer.getByLabel('计划售价（元）').fill('49.9');
    await drawer.getByLabel('达人佣金 %').fill('20');
    await drawer.getByLabel('平台技术服务费 %').fill('5');
    await drawer.getByLabel('退货损耗预留 %').fill('3');
    await drawer.getByLabel('活动目标毛利率 %').fill('10');
    const stack = drawer.getByTestId('cost-stack');
    await stack.getByText('¥31.95').waitFor(); // break-even
    await stack.getByText('¥12.92').waitFor(); // profit per order
    await stack.getByText('25.89%').waitFor();
    await stack.getByText('¥37.13').waitFor(); // lowest campaign price at 10 %
    await app.screenshot('sourcing-product-form', { fullPage: false });
    await app.button('保存', drawer).click();
    await app.message('已保存').waitFor();

    // A pasted image is stored and shown as a thumbnail; removed, it is gone from the product.
    const images = drawer.getByTestId('product-images');
    await images.evaluate((box, base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'main-picture.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, solidPng(96, 64, [30, 144, 255]).toString('base64'));
    const thumb = images.getByTestId('product-image').locator('img');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(96);
    await images.scrollIntoViewIfNeeded();
    await app.screenshot('sourcing-product-image', { fullPage: false });
    const listed = (await e2e.harness.core.call('products.list', {})).find((p) => p.title === '冰丝凉席三件套');
    expect((await e2e.harness.core.call('products.get', { id: listed!.id })).images).toHaveLength(1);
    await images.getByRole('button', { name: '删除图片' }).click();
    await images.getByTestId('product-image').waitFor({ state: 'detached' });
    expect((await e2e.harness.core.call('products.get', { id: listed!.id })).images).toHaveLength(0);

    // Verify, then list: today's count rises.
    await app.button('已核验', drawer).click();
    await drawer.getByText(/编辑商品 · 已核验/).waitFor();
    await app.button('已上架', drawer).click();
    await drawer.getByText(/编辑商品 · 已上架/).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('listed-today').getByText('今天已上架 1 个，目标 10–30 个').waitFor();
    await page.getByRole('region', { name: '已上架', exact: true }).getByText('冰丝凉席三件套').waitFor();
    await app.screenshot('sourcing-board');

    // The Today screen's 选品 block counts the same listing.
    const sourcingUrl = page.url();
    await page.goto(sourcingUrl.replace(/#.*$/, '#/today'));
    // Scoped to the 选品 block: on real days with a campaign open for sign-up, 活动报名's queue reads 待处理 · 1 too.
    await page.locator('[data-block="sourcing"]').getByText('待处理 · 1', { exact: true }).waitFor();
    await page.goto(sourcingUrl);
    await page.getByTestId('listed-today').getByText('今天已上架 1 个，目标 10–30 个').waitFor();

    // Table view and a bulk move: drop the duplicate with a reason.
    await page.getByText('表格', { exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'haohuo.jinritemai.com' }).getByRole('checkbox').check();
    await page.getByRole('combobox', { name: '移到…' }).click();
    await page.locator('.ant-select-item-option[title="放弃"]').click();
    await page.getByRole('combobox', { name: '放弃原因' }).click();
    await page.locator('.ant-select-item-option[title="其他"]').click();
    await app.button('执行').click();
    await app.message('已移动 1 个').last().waitFor(); // the drawer's move showed one too
    await app.screenshot('sourcing-table');

    // Any CSV (a GBK 蝉妈妈 list): guessed columns, preview, import all rows.
    await app.button('导入 CSV').click();
    const modal = page.getByRole('dialog');
    await modal.locator('input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/sourcing/chanmama-gbk.csv'));
    await modal.getByText('预览（共 2 行）').waitFor();
    await modal.getByText('便携小风扇, USB').waitFor();
    await app.screenshot('sourcing-csv-import', { fullPage: false });
    await app.button('导入 2 行', modal).click();
    await app.message('已导入 2 行').waitFor();
    await page.getByRole('row').filter({ hasText: '冰丝凉席三件套' }).filter({ hasText: '候选' }).waitFor();

    // Export: every product as a CSV download (UTF-8 with BOM).
    const products = await exportedCsv(app, 'shopdesk-products.csv', '已导出 4 行');
    expect(products.startsWith('\uFEFF')).toBe(true);
    expect(products).toContain('冰丝凉席三件套');

    // The target range and slots are editable.
    await app.button('修改目标').click();
    const editor = page.locator('.ant-popover');
    await editor.getByLabel('最低').fill('12');
    await editor.getByRole('button', { name: '添加时段' }).click();
    await editor.getByLabel('时段时间').last().fill('15:30');
    await app.screenshot('sourcing-quota-editor', { fullPage: false });
    await editor.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('listed-today').getByText('今天已上架 1 个，目标 12–30 个').waitFor();
    await page.getByText('15:30 · 计划 3 个').waitFor();

    // Suppliers: empty state, then one with a return address, copied in the address-book format.
    await page.getByRole('menuitem', { name: '供应商' }).click();
    await app.heading('供应商').waitFor();
    await page.getByText('还没有供应商').waitFor();
    await app.screenshot('suppliers-empty');
    await app.button('新增供应商').click();
    const supplierDrawer = page.getByRole('dialog');
    await supplierDrawer.getByLabel('名称').fill('义乌小王');
    await supplierDrawer.getByLabel('微信').fill('yiwu-wang');
    await app.button('保存', supplierDrawer).click();
    await supplierDrawer.getByText('编辑供应商 · 义乌小王').waitFor();
    await supplierDrawer.getByRole('combobox', { name: '省 / 市 / 区' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '浙江省' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '金华市' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '义乌市' }).click();
    await supplierDrawer.getByLabel('详细地址').fill('福田街道 国际商贸城 3 区 12 号');
    await supplierDrawer.getByLabel('收件人', { exact: true }).fill('王五');
    await supplierDrawer.getByLabel('收件人电话').fill('13800138000');
    await app.button('添加地址', supplierDrawer).click();
    const line = '王五 13800138000 浙江省 金华市 义乌市 福田街道 国际商贸城 3 区 12 号';
    await supplierDrawer.getByTestId('return-address-line').getByText(line).waitFor();
    await supplierDrawer.getByRole('button', { name: /复制/ }).first().click();
    await app.message(/已复制/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);
    await app.screenshot('supplier-form', { fullPage: false });
    await page.keyboard.press('Escape');
    expect(await exportedCsv(app, 'shopdesk-suppliers.csv', '已导出 1 行')).toContain('义乌小王');
    expect(await app.rawErrorCodes()).toEqual([]);
  }, 120_000);

  it('reads in English too', async () => {
    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    const { page } = app;
    await page.getByRole('menuitem', { name: '设置' }).click();
    await app.choose('English');
    await page.getByRole('menuitem', { name: 'Sourcing' }).click();
    await app.heading('Sourcing').waitFor();
    await page.getByTestId('listed-today').getByText('1 listed today, target 12–30').waitFor();
    await page.getByRole('region', { name: 'Listed', exact: true }).getByText('冰丝凉席三件套').waitFor();
    await app.screenshot('sourcing-board-en');
    await page.getByRole('menuitem', { name: 'Suppliers' }).click();
    await page.getByRole('row').filter({ hasText: '义乌小王' }).click();
    await page.getByRole('dialog').getByText('Return addresses').waitFor();
    await app.screenshot('supplier-form-en', { fullPage: false });
    await page.keyboard.press('Escape');

    // Quick capture from another screen: a pasted share text becomes a candidate with its price.
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await app.heading('Settings').waitFor();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '好物推荐 19.9元 https://detail.1688.com/offer/999.html?spm=a1');
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await app.message('Added as candidate: 好物推荐').waitFor();
    await page.getByRole('menuitem', { name: 'Sourcing' }).click();
    await page.getByRole('region', { name: 'Candidate', exact: true }).getByText('好物推荐').waitFor();
    expect(await app.rawErrorCodes()).toEqual([]);
  }, 60_000);
});
