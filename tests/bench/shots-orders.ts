/**
 * Issue 11's screenshots at size (`npm run shots:orders [-- --lines 500000] [-- --out DIR] [-- --empty-only]`; not a
 * test: generating and importing 500,000 lines takes minutes of both cores, too slow for the
 * suite). A seeded layout-A export (tests/bench/write-export.ts) is imported through the core into
 * a data folder kept under tests/.artifacts/shots-orders/<lines> (reused when there), with the
 * seller's work a screenshot needs: suppliers with long Chinese names and a return card, purchases,
 * after-sales cases on real lines (long titles, arbitration, a supplier claim). The built renderer
 * is then opened in headless Chromium over the browser harness and each screen is saved as a PNG:
 * the orders table, the order drawer, the purchase form, an after-sales case, the supplier balance,
 * and the same screens' empty states on a fresh data folder. Nothing is asserted beyond waiting
 * for what each picture must show.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { startWebHarness } from '../../src/core/hosts/web-harness';
import { silentLogger } from '../../src/core/log';
import { ensureRendererBuilt } from '../e2e/helpers/ensure-renderer-built';
import { launchChromium } from '../e2e/helpers/launch-chromium';
import { writeAftersalesExport } from '../helpers/aftersales-exports';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const LINES = Number(option('--lines') ?? 0) || 500_000;
const OUT = option('--out') ?? join(ROOT, 'tests/.artifacts/shots-orders/png');
const WORK = join(ROOT, 'tests/.artifacts/shots-orders', String(LINES));
const AT = '2026-09-01T12:00:00+08:00';
const WAIT_MS = 120_000;

const LONG_SUPPLIER = '浙江省义乌市国际商贸城三区福田街道日用百货供应链管理有限公司（一号仓）';
const LONG_TITLE = '【官方旗舰】便携式无线充电榨汁杯 小型家用多功能果汁机 大容量 350ml 送清洁刷 京东同款 限时特惠 买一送一';

async function prepare(): Promise<void> {
  const dataDir = join(WORK, 'data');
  if (existsSync(dataPaths(dataDir).dbFile)) return;
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, `1788321600_shots-${LINES}.csv`);
  let t = performance.now();
  if (!existsSync(file)) await writeOrdersExport(file, LINES);
  console.log(`generated ${LINES.toLocaleString('en-US')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const core = await createCore({ dataDir, log: silentLogger, clock: { now: () => new Date(AT) }, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
  try {
    t = performance.now();
    const [outcome] = await core.call('imports.run', { jobId: 'shots-orders-import', sources: [{ type: 'path', path: file }] });
    console.log(`imported in ${((performance.now() - t) / 1000).toFixed(1)} s: ${outcome && "inserted" in outcome ? outcome.inserted : "?"} lines`);
  } finally {
    await core.close();
  }
}

/** The seller's work on the big shop, once (a shop with suppliers is taken as seeded). */
async function seed(core: Core): Promise<{ orderId: string; caseKey: string; supplierId: number }> {
  const existing = await core.call('suppliers.list', {});
  const due = await core.call('orders.list', { filter: { queue: 'due24h' }, limit: 40, withTotal: false });
  const orderId = due.orders[0]!.mainOrderId;
  if (existing.length === 0) {
    const long = await core.call('suppliers.create', { name: LONG_SUPPLIER, contactPerson: '欧阳建国', phone: '13800138000', wechat: 'yiwu-baihuo-supply-chain-001' });
    await core.call('suppliers.addAddress', { supplierId: long.id, address: { provinceCode: '33', cityCode: '3307', districtCode: '330782', street: '福田街道 国际商贸城三区 东门 2 楼 35 街 12 号 退货专用仓（请勿到付）', recipient: '欧阳建国', phone: '13800138000' } });
    await core.call('suppliers.setRules', { id: long.id, rules: { noReason7Day: true, postagePayer: 'supplier', damagedHandling: '签收 48 小时内拍照反馈，核实后补发或退款', refusedParcel: '', windowDays: 7, notes: '' } });
    const short = await core.call('suppliers.create', { name: '广州家居', wechat: 'gz-jiaju' });
    const ids = due.orders.map((o) => o.mainOrderId);
    await core.call('purchases.assignSupplier', { orderIds: ids.slice(0, 20), supplierId: long.id });
    await core.call('purchases.assignSupplier', { orderIds: ids.slice(20, 30), supplierId: short.id });
    await core.call('purchases.move', { orderIds: ids.slice(0, 10), to: 'ordered' });
    // After-sales on real lines: a long title, an arbitration, a case the supplier owes for.
    const lines = (await core.call('orders.list', { filter: {}, sort: 'paidAt', direction: 'desc', limit: 12, withTotal: false })).orders.flatMap((o) => o.lines);
    const dir = mkdtempSync(join(tmpdir(), 'shopdesk-shots-aftersales-'));
    const statuses = ['待收退货', '售后待处理', '仲裁中-待商家举证', '退款成功', '待收退货', '售后关闭'];
    const types = ['退货退款', '已发货仅退款', '退货退款', '未发货仅退款', '换货', '保价补差'];
    const rows = [...ids.slice(0, 6).map((id) => ({ subOrderId: id })), ...lines.slice(0, 6)].map((l, i) => ({
      售后单号: `14384127055198${String(i).padStart(4, '0')}7`, 订单号: '-', 商品单号: l.subOrderId, 商品名称: i % 2 === 0 ? LONG_TITLE : '-',
      售后类型: types[i % types.length], '退商品金额(元)': `${59 + i}.90`, 售后状态: statuses[i % statuses.length], 售后申请时间: '2026-09-01 09:30:00',
      售后原因: i % 2 === 0 ? '商品质量问题：收到后无法充电，指示灯不亮，已联系客服多次未解决' : '不想要了', 自动处理截止时间: i % 3 === 2 ? '-' : `2026-09-0${2 + (i % 2)} 0${i % 9}:00:00`,
      仲裁状态: i === 2 ? '待商家举证' : '-',
    }));
    const file = writeAftersalesExport(dir, 'aftersales-shots.csv', rows);
    await core.call('imports.run', { jobId: 'shots-aftersales', sources: [{ type: 'path', path: file }] });
    rmSync(dir, { recursive: true, force: true });
  }
  const suppliers = await core.call('suppliers.list', {});
  const supplierId = suppliers.find((s) => s.name === LONG_SUPPLIER)!.id;
  const cases = await core.call('aftersales.list', { open: true });
  const returnCase = cases.rows.find((r) => r.type === 'return_refund' && r.supplierId === supplierId) ?? cases.rows[0]!;
  if (returnCase.supplierClaimFen === null) {
    await core.call('aftersales.update', { caseKey: returnCase.caseKey, patch: { supplierClaimFen: 5990, forwardTracking: 'YT8821345567890', forwardCourier: '圆通速递' } });
  }
  return { orderId, caseKey: returnCase.caseKey, supplierId };
}

/** Waits for antd's motion to finish, then saves the page. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  console.log(`saved ${path}`);
}

async function screens(dataDir: string, seeded: Awaited<ReturnType<typeof seed>> | null, prefix: string): Promise<void> {
  const harness = await startWebHarness({ dataDir, port: 0, rendererDir: ensureRendererBuilt(ROOT), log: silentLogger });
  const browser = await launchChromium();
  try {
    await harness.core.call('testing.setTime', { at: AT });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', colorScheme: 'light' });
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    const heading = (name: string) => page.getByRole('heading', { name, level: 1, exact: true }).waitFor();

    let t = performance.now();
    await page.goto(`${harness.url}#/orders`);
    await heading('订单');
    await (seeded ? page.locator('.ant-table-row').first() : page.locator('.ant-empty').first()).waitFor();
    if (seeded) await page.getByText(/共 [\d,]+ 单/).first().waitFor();
    console.log(`orders screen shown in ${Math.round(performance.now() - t)} ms`);
    await shot(page, `${prefix}orders-table`);

    if (seeded) {
      // The order with a purchase is due within 24 h: open the list as Today's queue opens it.
      await page.goto(`${harness.url}#/orders?queue=due24h`);
      await page.locator('.ant-table-row').filter({ hasText: seeded.orderId }).first().click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText(`订单 ${seeded.orderId}`).waitFor();
      await drawer.locator('[data-section="purchase"]').waitFor();
      await shot(page, 'order-drawer');
      const slot = drawer.locator('[data-section="purchase"]');
      await slot.scrollIntoViewIfNeeded();
      await slot.getByTestId(/^purchase-\d+$/).first().waitFor();
      await shot(page, 'purchase-form');
      await page.keyboard.press('Escape');
    }

    t = performance.now();
    await page.goto(`${harness.url}#/aftersales`);
    await heading('售后');
    if (seeded) {
      await page.locator('.ant-table-row').first().waitFor();
      await page.getByTestId('case-counts').waitFor();
      await shot(page, 'aftersales-list');
      await page.goto(`${harness.url}#/aftersales?case=${encodeURIComponent(seeded.caseKey)}`);
      await page.getByRole('dialog').getByTestId('case-drawer').waitFor();
      await page.getByRole('dialog').getByTestId('return-card').waitFor();
      await shot(page, 'aftersale-case');
      await page.keyboard.press('Escape');
    } else {
      await page.locator('.ant-table-placeholder').getByText(/还没有售后单/).waitFor();
      await shot(page, `${prefix}aftersales-list`);
    }
    await page.getByRole('tab', { name: '供应商欠款' }).click();
    await (seeded ? page.getByTestId('supplier-balances') : page.getByRole('tabpanel').locator('.ant-empty')).first().waitFor();
    if (seeded) await page.getByTestId('supplier-balances').getByRole('row').filter({ hasText: LONG_SUPPLIER }).waitFor();
    await shot(page, `${prefix}supplier-balance`);
    if (seeded) {
      await page.getByTestId('supplier-balances').getByRole('link', { name: LONG_SUPPLIER }).click();
      await page.getByRole('dialog').getByTestId('supplier-owed-balance').waitFor();
      await page.getByRole('dialog').getByTestId('supplier-owed-balance').scrollIntoViewIfNeeded();
      await shot(page, 'supplier-drawer-balance');
    }
    await context.close();
  } finally {
    await browser.close();
    await harness.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const emptyOnly = args.includes('--empty-only');
  if (!emptyOnly) await bigShop();
  const empty = mkdtempSync(join(tmpdir(), 'shopdesk-shots-empty-'));
  try {
    await screens(empty, null, 'empty-');
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

async function bigShop(): Promise<void> {
  await prepare();
  const dataDir = join(WORK, 'data');
  const core = await createCore({ dataDir, log: silentLogger, clock: { now: () => new Date(AT) }, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
  let seeded: Awaited<ReturnType<typeof seed>>;
  try {
    seeded = await seed(core);
  } finally {
    await core.close();
  }
  await screens(dataDir, seeded, '');
}

await main();
