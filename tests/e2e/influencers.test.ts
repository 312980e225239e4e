import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { line, writeExport } from '../helpers/purchase-exports';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 达人 end to end: the built renderer in headless Chromium over the browser harness. An imported
 * export's 达人ID shows as an influencer "from orders"; one influencer is added by hand with a
 * contact entry and a sample from 选品 that is sent; the product message is composed and copied.
 * Screenshots go to tests/.artifacts.
 */
const e2e = useE2eHarness('influencers', { viewport: { width: 1440, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'], at: '2026-11-20T10:00:00' });
const files = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-influencer-files-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

async function seed() {
  const core = e2e.harness.core;
  const known = new Promise<void>((resolve) => {
    const off = core.onEvent((e) => {
      if (e.event === 'influencers.changed') {
        off();
        resolve();
      }
    });
  });
  await core.call('imports.run', {
    jobId: 'influencers-e2e',
    sources: [{ type: 'path', path: writeExport(files, 1788220000, [line('6938425630014476219', '6938425630014476219', { 达人ID: '7592255573464597541', 达人昵称: '小美好物', 流量来源: '精选联盟', 订单提交时间: '2026-11-18 10:00:00' })]) }],
  });
  await known;
  await core.call('products.create', { title: '冰丝凉席 三件套', douyinProductId: '3716630085112940216', plannedPriceFen: 3990, commissionBp: 2000, costFen: 2350, supplierFreightFen: 500 });
}

describe('influencers in the browser', () => {
  it('shows an influencer from an import, adds one with a contact and a sample, composes a product message', async () => {
    await seed();
    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    const { page } = app;
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '达人' }).click();
    await app.heading('达人').waitFor();
    const row = (text: string) => page.getByRole('row').filter({ hasText: text });
    await row('小美好物').getByText('来自订单').waitFor();
    await row('小美好物').getByText('1 / ¥49.90').waitFor();
    await page.getByTestId('influencer-goal').getByText('0 / 10 个').waitFor();
    await app.screenshot('influencers-list');

    // A new influencer by hand: the goal counts it.
    await app.button('新增达人').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新增达人' });
    await drawer.getByLabel('达人昵称').fill('阿杰穿搭');
    await drawer.getByLabel('微信').fill('ajie_wear');
    await drawer.getByLabel('粉丝数').fill('12000');
    await app.button('保存', drawer).click();
    await app.message('已保存').waitFor();
    await page.getByTestId('influencer-goal').getByText('1 / 10 个').waitFor();
    const edit = page.getByRole('dialog').filter({ hasText: '阿杰穿搭' });
    await edit.getByLabel('沟通内容').fill('加了微信，发了凉席链接，说下周看样品');
    await app.button('添加记录', edit).click();
    await app.message('已记录').waitFor();
    await edit.getByText('加了微信，发了凉席链接，说下周看样品').waitFor();
    await app.screenshot('influencer-drawer', { fullPage: false });

    // A sample of the 选品 product: its cost comes from the cost stack (23.50 + 5.00), then it is sent.
    await edit.getByRole('tab', { name: '寄样' }).click();
    await app.button('新增寄样', edit).click();
    const modal = page.getByRole('dialog', { name: '新增寄样' });
    await modal.getByLabel('商品（来自选品）').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '冰丝凉席 三件套' }).click();
    await modal.getByLabel('寄样运费（元）').fill('8');
    await app.button(/确\s?定|OK/, modal).click();
    await app.message('已添加寄样').waitFor();
    const sample = edit.getByRole('row').filter({ hasText: '冰丝凉席 三件套' });
    await sample.getByText('¥28.50 + ¥8.00').waitFor();
    await sample.getByText('待寄').waitFor();
    await app.button('改为「已寄出」', sample).click();
    const pop = page.locator('.ant-popover:visible');
    await pop.getByLabel('运单号').fill('SF0220481613112');
    await app.button('改为「已寄出」', pop).click();
    await app.message('已更新').waitFor();
    await sample.getByText('已寄出').waitFor();
    await sample.getByText('2026-11-25 前应签收').waitFor();
    await app.screenshot('influencer-sample', { fullPage: false });
    await page.keyboard.press('Escape');

    // The ledger tab lists it too.
    await page.getByRole('tab', { name: '寄样' }).click();
    await page.getByRole('row').filter({ hasText: '阿杰穿搭' }).getByText('SF0220481613112').waitFor();
    await app.screenshot('samples-ledger');

    // 发新品: the chosen product as a WeChat message, copied.
    await app.button('发新品').click();
    const composer = page.getByRole('dialog', { name: '给达人发新品' });
    await composer.getByLabel('选择商品').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '冰丝凉席 三件套' }).click();
    await page.keyboard.press('Escape');
    const preview = composer.getByTestId('composed-message');
    await expect.poll(() => preview.inputValue()).toContain('佣金：20%（每单约 ¥7.98）');
    await app.button('复制消息', composer).click();
    await app.message('已复制，去微信粘贴吧').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('1. 冰丝凉席 三件套\n价格：¥39.9');
    expect(copied).toContain('链接：https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3716630085112940216');
    await app.screenshot('influencer-composer', { fullPage: false });
    await page.keyboard.press('Escape');

    // Today's 联系达人 block: today's new influencers against the goal.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '今日' }).click();
    const block = page.locator('[data-block="influencers"]');
    await block.getByText('待处理 · 1').click();
    await block.getByText('1 / 目标 10 个').waitFor();
    await block.scrollIntoViewIfNeeded();
    await app.screenshotOf(block, 'today-influencers');

    // Five days after sending, still not signed for: the sample reminder, which opens the 寄样 tab.
    await e2e.harness.core.call('testing.setTime', { at: '2026-11-25T10:00:00+08:00' });
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '提醒' }).click();
    const reminder = page.locator('[data-reminder^="sample.unsigned:"]').first();
    await reminder.getByText('寄给「阿杰穿搭」的样品 5 天未签收').waitFor();
    await app.screenshot('sample-reminder');
    await app.button('查看', reminder).click();
    await page.getByRole('tab', { name: '寄样', selected: true }).waitFor();
    await page.getByRole('row').filter({ hasText: '阿杰穿搭' }).getByText('2026-11-25 起未签收').waitFor();

    // English: the same screen, the list tab.
    await e2e.harness.core.call('settings.update', { language: 'en-US' });
    await app.heading('Influencers').waitFor();
    await page.getByRole('tab', { name: 'Influencers' }).click();
    await row('小美好物').getByText('From orders').waitFor();
    await app.screenshot('influencers-list-en');
    await e2e.harness.core.call('settings.update', { language: 'zh-CN' });
    expect(await app.cspViolations()).toEqual([]);
  });
});
