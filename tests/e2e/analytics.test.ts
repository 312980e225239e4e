import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT_A, cellsFor, csvLine, orderCells, orderLines, take } from '../fixtures/douyin/generator';
import type { Locator } from 'playwright-core';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * 看数据 Analytics end to end: the built renderer in headless Chromium over the browser harness.
 * The empty screen says what to import; over an imported export (180 days, ending 2026-08-31) the
 * range is changed, the basis switched to refund time, and a product clicked into its orders.
 */
const e2e = useE2eHarness('analytics', { at: '2026-09-02T09:00:00', viewport: { width: 1440, height: 900 } });
const SHOTS = process.env.ANALYTICS_SHOTS_DIR;

/** Where the shop's buyers live: the two longest province names among them (the province table must fit them). */
const ADDRESSES: [string, string, string][] = [
  ['广东省', '深圳市', '南山区'],
  ['浙江省', '杭州市', '余杭区'],
  ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'],
  ['江苏省', '苏州市', '工业园区'],
  ['内蒙古自治区', '呼和浩特市', '新城区'],
  ['四川省', '成都市', '武侯区'],
  ['广西壮族自治区', '南宁市', '青秀区'],
  ['北京市', '北京市', '朝阳区'],
  ['黑龙江省', '哈尔滨市', '南岗区'],
  ['上海市', '上海市', '浦东新区'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** Buyer `b` as the export masks them, with one fixed address. */
const buyer = (b: number) => ({
  recipient: `${SURNAMES[b % SURNAMES.length]}${b % 3 === 0 ? '*' : '**'}`,
  phone: `1${3 + (b % 6)}${b % 10}****${String(1000 + ((b * 37) % 9000))}`,
  address: ADDRESSES[Math.floor(b / 7) % ADDRESSES.length]!,
});

/**
 * A shop of about 50 lines a day over 90 days up to 2026-08-31 (the generator's `days` spreads its
 * 400,000-line pace), every 40th order closed unpaid (已关闭 with 售后状态 "-"). Every sixth order is
 * one of 60 regular buyers' (some far more often than others, so some buy again), the others a new buyer's each.
 */
function writeShopExport(path: string): void {
  let order = -1;
  let lastOrderId = '';
  const lines = take(orderLines({ seed: 1212, days: 8000 }), 4500).map((l, i) => {
    if (l.orderId !== lastOrderId) {
      order += 1;
      lastOrderId = l.orderId;
    }
    const b = buyer(order % 6 === 0 ? Math.floor(60 * ((order * 0.618034) % 1) ** 2) : 1000 + order);
    const [province, city, district] = b.address;
    const placed = { ...l, recipient: b.recipient, phone: b.phone, province, city, district };
    return i % 40 === 7 ? { ...placed, status: '已关闭', aftersaleStatus: null, shippedAt: null, cancelReason: '超时未支付' } : placed;
  });
  writeFileSync(path, `\uFEFF${[csvLine(LAYOUT_A), ...lines.map((l) => csvLine(cellsFor(LAYOUT_A, orderCells(l))))].join('\r\n')}\r\n`);
}

/** An older export (May 2026) without the recipient columns: its orders can carry no buyer key. */
function writeOldExportWithoutRecipients(path: string): void {
  const headers = LAYOUT_A.filter((h) => h !== '收件人' && h !== '收件人手机号');
  const lines = take(orderLines({ seed: 512, days: 8000, newest: Date.UTC(2026, 4, 31, 23, 59, 59) / 1000, firstId: 6911234567890123457n }), 600);
  writeFileSync(path, `\uFEFF${[csvLine(headers), ...lines.map((l) => csvLine(cellsFor(headers, orderCells(l))))].join('\r\n')}\r\n`);
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

  it('repeat buyers (估算): figures, PNG export, drill, the empty state without keys, partial coverage; the province table at 1280 and 1024 px', async () => {
    // The shop from the test above, plus an older export whose file has no recipient columns.
    const old = join(e2e.dataDir, '1780243200_old-without-recipients.csv');
    writeOldExportWithoutRecipients(old);
    const [outcome] = await e2e.harness.core.call('imports.run', { jobId: 'analytics-e2e-old', sources: [{ type: 'path', path: old }] });
    expect(outcome).toMatchObject({ refused: false, kind: 'orders' });

    const app = await ShopDeskPage.open(await e2e.context.newPage(), `${e2e.harness.url}#/analytics`);
    const { page } = app;
    const save = async (part: Locator, name: string) => {
      await app.screenshotOf(part, `analytics-${name}`);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await part.screenshot({ path: join(SHOTS, `${name}.png`) });
      }
    };
    const card = app.section('复购买家（估算）');
    await card.waitFor();
    const last30 = await e2e.harness.core.call('analytics.repeatBuyers', { from: '2026-08-04', to: '2026-09-02' });
    expect(last30.repeatBuyers).toBeGreaterThan(0);
    expect(last30.keyedOrders).toBe(last30.orders);
    await card.getByText(last30.repeatBuyerSharePct.toFixed(1), { exact: true }).waitFor();
    await card.getByText(`${last30.repeatBuyers.toLocaleString('en-US')} / ${last30.buyers.toLocaleString('en-US')} 人`).waitFor();
    await card.getByText('估算', { exact: true }).first().waitFor();
    await card.getByRole('img', { name: '买家按下单次数分布' }).locator('canvas').waitFor();
    await save(card, 'repeat-buyers');

    // 导出图片 goes through the one PNG export: a real PNG file arrives.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '导出图片' }).click()]);
    expect(download.suggestedFilename()).toBe('看数据-复购买家-2026-08-04-2026-09-02.png');
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await page.getByText('图片已保存').waitFor();

    // The province table beside the map: at 1280 px the longest names stay on one line, nothing scrolls sideways.
    const provinceTableFits = () =>
      page.evaluate(() => {
        const region = [...document.querySelectorAll('[role="region"]')].find((r) => r.querySelector('h2')?.textContent === '地区分布')!;
        const table = region.querySelector('table')!;
        const cells = [...table.querySelectorAll('td')].filter((td) => ['新疆维吾尔自治区', '内蒙古自治区'].includes(td.textContent ?? ''));
        // One line: the name's text node lies in a single line box.
        const oneLine = cells.map((td) => {
          const text = document.createTreeWalker(td, NodeFilter.SHOW_TEXT).nextNode()!;
          const range = document.createRange();
          range.selectNodeContents(text);
          return range.getClientRects().length === 1;
        });
        const holder = table.closest('.ant-table-content, .ant-table-container') ?? table.parentElement!;
        return { names: cells.length, oneLine, overflows: table.scrollWidth > holder.clientWidth + 1 };
      });
    await page.setViewportSize({ width: 1280, height: 900 });
    await app.section('地区分布').getByRole('button', { name: '新疆维吾尔自治区' }).waitFor();
    await save(app.section('地区分布'), 'provinces-1280');
    expect(await provinceTableFits()).toEqual({ names: 2, oneLine: [true, true], overflows: false });
    await page.setViewportSize({ width: 1024, height: 900 });
    await save(app.section('地区分布'), 'provinces-1024');
    expect(await provinceTableFits()).toEqual({ names: 2, oneLine: [true, true], overflows: false });
    await save(card, 'repeat-buyers-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    // A product bought again opens its orders.
    const top = last30.products[0]!;
    await card.getByRole('button', { name: top.name ?? top.productId }).click();
    await page.waitForURL((u) => u.hash.startsWith('#/orders?'));
    expect(new URL(page.url()).hash).toBe(`#/orders?product=${top.productId}&paidFrom=2026-08-04&paidTo=2026-09-02`);

    // May: orders from an export without recipients — the empty state says what to import.
    await page.goto(`${e2e.harness.url}#/analytics`);
    await card.waitFor();
    const setRange = async (from: string, to: string) => {
      const start = page.getByRole('textbox', { name: '日期范围' }).first();
      await start.click();
      await start.fill(from);
      await start.press('Enter');
      const end = page.getByRole('textbox', { name: '日期范围' }).nth(1);
      await end.fill(to);
      await end.press('Enter');
    };
    await setRange('2026-05-01', '2026-05-31');
    await card.getByText('这段时间的订单还不能估算复购').waitFor();
    await card.getByText(/「收件人」「收件人手机号」「省」「市」「区」列的订单导出/).waitFor();
    await card.getByRole('link', { name: '去导入数据' }).waitFor();
    await save(card, 'repeat-buyers-none');

    // Late May to August (92 days): only part of the orders is covered, and the card says which.
    await setRange('2026-05-25', '2026-08-24');
    const mixed = await e2e.harness.core.call('analytics.repeatBuyers', { from: '2026-05-25', to: '2026-08-24' });
    expect(mixed.keyedOrders).toBeLessThan(mixed.orders);
    await card.getByText(new RegExp(`${mixed.keyedOrders.toLocaleString('en-US')} / ${mixed.orders.toLocaleString('en-US')} 个订单.*估算只覆盖 ShopDesk ${mixed.sinceVersion!.replace(/\./g, '\\.')} 起导入的订单`)).waitFor();
    await save(card, 'repeat-buyers-partial');

    // A longer range: the card says it looks at 92 days at most instead of holding the core for seconds.
    await setRange('2026-01-01', '2026-08-31');
    await card.getByText('复购估算要逐单比对买家，最多看 92 天；所选范围有 243 天。', { exact: false }).waitFor();
    await save(card, 'repeat-buyers-too-long');
    expect(await app.rawErrorCodes()).toEqual([]);
  }, 300_000);
});
