import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase } from '../../src/core/db/open-database';
import type { RoutineDatabase } from '../../src/core/db/routine-schema';
import { seedOrderLines, type OrderLineSeed } from '../helpers/routine-db';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 提醒 end to end: the listing slots are the 选品 quota's (one setting: the reminders follow a
 * slot moved there, and the settings card only shows them), and a reminder opens what it is
 * about — from its toast and from the centre, a supplier reminder with that supplier's drawer.
 */

const e2e = useE2eHarness('reminders', { at: '2026-09-10T11:00:00' });

const setTime = (chinaTime: string) => e2e.harness.core.call('testing.setTime', { at: `${chinaTime}+08:00` });

/** Writes order lines into the harness's database as an import would have (another connection; WAL). */
async function seedOrders(lines: OrderLineSeed[]): Promise<void> {
  const db = new Kysely<RoutineDatabase>({ dialect: new SqliteDialect({ database: openDatabase(dataPaths(e2e.dataDir).dbFile) }) });
  try {
    await seedOrderLines(db, lines);
  } finally {
    await db.destroy();
  }
}

describe('reminders in the browser', () => {
  it('follow the 选品 slots, show them read-only in the settings, and open what they are about', async () => {
    const { core } = e2e.harness;
    // The seller moved 12:00 to 12:30 (5 products) on the sourcing screen and planned two for it.
    await core.call('sourcing.setQuota', { quota: { min: 12, max: 20, slots: [{ time: '09:00', count: 2 }, { time: '12:30', count: 5 }, { time: '20:00', count: 4 }] } });
    for (const title of ['冰丝凉席', '小风扇']) {
      const { product } = await core.call('products.create', { title, plannedSlot: '12:30' });
      await core.call('products.move', { ids: [product.id], to: 'verified' });
    }

    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    const { page } = app;
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '提醒' }).click();
    await app.heading('提醒').waitFor();
    const upcoming = app.section('即将到来');
    await upcoming.getByText('12:30 上新时段：现在上架 5 个商品').waitFor();
    await upcoming.getByText(/这个时段已计划 2 个商品/).waitFor();
    expect(await upcoming.getByText('12:00 上新时段', { exact: false }).count()).toBe(0);

    // The settings card shows the quota's slots, read-only, with the way to the sourcing screen.
    const settings = app.section('提醒设置');
    const slots = settings.getByTestId('listing-slots');
    await slots.getByText('12:30 上架 5 个 · 已计划 2 个').waitFor();
    await slots.getByText('09:00 上架 2 个').waitFor();
    expect(await settings.getByRole('combobox', { name: /上架时段/ }).count()).toBe(0);
    await app.screenshot('reminders-centre-quota-slots');
    await app.screenshotOf(settings, 'reminders-settings');

    // A product of 义乌小王 sells while its return address and rules are missing.
    const supplier = await core.call('suppliers.create', { name: '义乌小王' });
    const { product } = await core.call('products.create', { title: '儿童防晒帽', supplierId: supplier.id, plannedPriceFen: 3990 });
    for (const to of ['verified', 'listed', 'selling'] as const) expect((await core.call('products.move', { ids: [product.id], to })).moved).toEqual([product.id]);

    // 12:30: both fire; the toasts open what they are about.
    await setTime('2026-09-10T12:30:00');
    const toasts = page.locator('.ant-notification');
    const slotToast = toasts.locator('.ant-notification-notice').filter({ hasText: '12:30 上新时段：现在上架 5 个商品' });
    const supplierToast = toasts.locator('.ant-notification-notice').filter({ hasText: '请向「义乌小王」要退货地址和退货规则' });
    await slotToast.waitFor();
    await supplierToast.waitFor();
    await app.screenshot('reminders-toasts', { fullPage: false });
    await app.button('查看', supplierToast).click();
    await app.heading('供应商').waitFor();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('编辑供应商 · 义乌小王').waitFor();
    expect(page.url()).toContain(`#/suppliers?supplier=${supplier.id}`);
    await app.screenshot('reminders-supplier-opened', { fullPage: false });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForURL(/#\/suppliers$/);

    await app.button('查看', slotToast).click();
    await app.heading('选品').waitFor();

    // From the centre: the same supplier reminder opens the drawer again.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '提醒' }).click();
    const fired = app.section('已提醒');
    await fired.getByText('12:30 上新时段：现在上架 5 个商品').waitFor();
    await fired.locator(`[data-reminder^="supplier.returnInfo:${supplier.id}:"]`).getByRole('button', { name: '查看' }).click();
    await page.getByRole('dialog').getByText('编辑供应商 · 义乌小王').waitFor();

    // The settings link leads to where the slots are edited.
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '提醒' }).click();
    await app.section('提醒设置').getByRole('link', { name: '去选品页修改时段' }).click();
    await app.heading('选品').waitFor();
    await page.getByText('12:30 · 计划 5 个').waitFor();
    expect(await app.rawErrorCodes()).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
  }, 120_000);

  it('overdue orders are one reminder; their list shows the first 100, how many more, and more on "显示更多"', async () => {
    // 160 orders past their ship-by time this morning: issue 10 — one grouped reminder, not 160 cards.
    await seedOrders(
      Array.from({ length: 160 }, (_, i) => {
        const minutes = 60 + i * 4;
        const promised = `2026-09-10 ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
        return { sub: `late-s${i}`, order: `69190000000${String(i).padStart(5, '0')}`, status: '待发货', submitted: '2026-09-08 10:00:00', promised };
      }),
    );
    await setTime('2026-09-10T12:40:00');
    const centre = await e2e.harness.core.call('reminders.list', {});
    expect(centre.fired.filter((r) => r.kind === 'orders.shipOverdue').map((r) => r.key)).toEqual(['orders.shipOverdue:2026-09-10']);
    expect(centre.overdueOrders).toMatchObject({ total: 160, lines: 160 });
    expect(centre.overdueOrders.orders).toHaveLength(100);

    const app = await ShopDeskPage.open(await e2e.context.newPage(), e2e.harness.url);
    const { page } = app;
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '提醒' }).click();
    await app.heading('提醒').waitFor();
    await app.section('已提醒').getByText('已超时未发货 160 单').waitFor();
    const list = page.getByTestId('overdue-orders');
    const more = list.getByTestId('reminders-more');
    await more.getByText('还有 60 条').waitFor();
    expect(await list.locator('[data-overdue-order]').count()).toBe(100);
    // The lists that fit show no "more" line.
    expect(await app.section('已推迟').getByTestId('reminders-more').count()).toBe(0);
    await app.screenshotOf(more, 'reminders-more-line');

    await more.getByRole('button', { name: '显示更多' }).click();
    await more.waitFor({ state: 'detached' });
    expect(await list.locator('[data-overdue-order]').count()).toBe(160);
    await list.locator('[data-overdue-order]').last().scrollIntoViewIfNeeded();
    await app.screenshot('reminders-all-shown', { fullPage: false });
    expect(await app.rawErrorCodes()).toEqual([]);
  }, 120_000);
});
