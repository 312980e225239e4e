import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, type WebHarness } from '../../src/core/hosts/web-harness';
import { silentLogger } from '../../src/core/log';
import { ensureRendererBuilt } from './helpers/ensure-renderer-built';
import { launchChromium } from './helpers/launch-chromium';
import { E2E_WAIT_MS } from './helpers/use-e2e-harness';
import { evalIsBlocked, ShopDeskPage } from './pages/shop-desk-page';

/*
 * The renderer shell end to end: the built renderer in headless Chromium, talking to the real core
 * through the browser harness, with a fresh data folder for this file. Every step waits on what
 * the user would see (roles and names), never on fixed sleeps.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

let browser: Browser;
let context: BrowserContext;
let rendererDir: string;
let dataDir: string;
const harnesses: WebHarness[] = [];

const startHarness = async () => {
  const harness = await startWebHarness({ dataDir, port: 0, rendererDir, log: silentLogger });
  harnesses.push(harness);
  return harness;
};

// Polls a page-side value until it matches, like Playwright's expect(locator) does for elements.
const eventually = (read: () => Promise<unknown>) => expect.poll(read, { timeout: E2E_WAIT_MS });

beforeAll(async () => {
  rendererDir = ensureRendererBuilt(ROOT);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', colorScheme: 'light' });
  context.setDefaultTimeout(E2E_WAIT_MS);
  dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-'));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  for (const harness of harnesses) await harness.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('renderer shell over the browser harness', () => {
  it('shows settings in Chinese, switches language and theme, backs up and restores', async () => {
    const harness = await startHarness();
    const app = await ShopDeskPage.open(await context.newPage(), `${harness.url}#/settings`); // Today is the first screen; these checks are about Settings.
    const { page } = app;

    // Chinese by default.
    await app.heading('设置').waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '设置' }).waitFor();
    await page.getByText('小店工作台', { exact: true }).first().waitFor();
    await app.section('备份').getByRole('row').nth(1).waitFor(); // today's automatic backup
    await app.section('数据库检查').getByText('正常', { exact: true }).waitFor();
    await page.getByText('仅桌面版可用').waitFor();
    expect(await page.getByRole('switch').isDisabled()).toBe(true);
    await app.screenshot('settings-zh');

    // English, remembered by the core across a reload.
    await app.choose('English');
    await app.heading('Settings').waitFor();
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await page.reload();
    await app.heading('Settings').waitFor();
    await page.getByRole('menuitem', { name: 'Settings' }).waitFor();
    await app.screenshot('settings-en');

    // Back up now → listed.
    const backups = app.section('Backups');
    await app.backupRows(backups, 'Daily').first().waitFor();
    await app.button('Back up now', backups).click();
    await app.message(/Backup done/).waitFor();
    await app.backupRows(backups, 'Manual').first().waitFor();
    await app.screenshotOf(backups, 'backups-list');

    // Restore it, after a confirmation that says what happens.
    await app.backupRows(backups, 'Manual').first().getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = app.dialog();
    await dialog.getByText(/current data is backed up automatically/).waitFor();
    await dialog.getByText(/reloads its data/).waitFor();
    await app.screenshot('restore-confirm', { fullPage: false });
    await app.button('Restore', dialog).click();
    await app.message(/^Restored the backup of .* The data from before the restore was saved as a backup/).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await app.backupRows(backups, 'Before restore').first().waitFor();

    // The log file: where it is (a browser can only show the path; the desktop app opens the folder).
    const logs = app.section('Log file');
    await logs.getByText(join(dataDir, 'logs', 'shopdesk.log')).waitFor();
    await logs.getByText(/never buyer names, phones, addresses/).waitFor();
    expect(await logs.getByRole('button', { name: 'Open log folder' }).count()).toBe(0);

    // Dark theme, chosen and remembered; then following the system live.
    await app.choose('Dark');
    await eventually(() => app.theme()).toBe('dark');
    await page.reload();
    await app.heading('Settings').waitFor();
    await eventually(() => app.theme()).toBe('dark');
    await eventually(() => app.backgroundLuminance()).toBeLessThan(0.1);
    await app.screenshot('settings-dark');
    await app.choose('Follow system');
    await eventually(() => app.theme()).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(() => app.theme()).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(() => app.theme()).toBe('light');
    await eventually(() => app.backgroundLuminance()).toBeGreaterThan(0.8);

    // Back to Chinese for the recovery part below (the backups made from here on are Chinese).
    await app.choose('中文');
    await app.heading('设置').waitFor();

    expect(await app.rawErrorCodes()).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
    expect(await app.evalIsBlocked()).toBe(true);
    await page.close();

    // The probe itself works: without a CSP, eval runs.
    const blank = await context.newPage();
    expect(await evalIsBlocked(blank)).toBe(false);
    await blank.close();
  });

  it('shows the recovery page for a damaged database and restores a verified backup', async () => {
    // Make one more backup that is known to be Chinese, then stop the core and damage its file.
    const first = harnesses[0]!;
    const good = await first.core.call('backups.create', {});
    await first.close();
    writeFileSync(join(dataDir, 'shopdesk.sqlite'), 'this is not a database '.repeat(200));
    // A backup that fails verification must not be offered.
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'backups', 'shopdesk-20240102T030405006Z-manual-v1.sqlite'), 'garbage');

    const harness = await startHarness();
    const app = await ShopDeskPage.open(await context.newPage(), `${harness.url}#/settings`);
    const { page } = app;

    await app.heading('需要恢复数据').waitFor();
    await page.getByText('数据库文件已损坏', { exact: true }).waitFor();
    await page.getByText(join(dataDir, 'quarantine'), { exact: false }).first().waitFor();
    await page.getByText(join(dataDir, 'logs', 'shopdesk.log')).waitFor();
    const backups = app.section('可以恢复的备份（都已通过校验）');
    await app.backupRows(backups, '手动').first().waitFor();
    expect(await backups.getByText('2024-01-02 11:04').count()).toBe(0);
    expect(await page.getByRole('menuitem').count()).toBe(0);
    await app.screenshot('recovery');

    // Starting fresh is offered, with the promise that the damaged file stays in quarantine.
    await app.button('从空白数据开始').click();
    await app.dialog().getByText(/留在隔离文件夹里，不会删除/).waitFor();
    await app.button('取消', app.dialog()).click();
    await app.dialog().waitFor({ state: 'hidden' });

    const goodTime = await page.evaluate((iso) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '), good.createdAt);
    await backups.getByRole('button', { name: `恢复 ${goodTime} 的备份` }).first().click();
    await app.dialog().getByText(/原来的文件会移到隔离文件夹/).waitFor();
    await app.screenshot('recovery-restore-confirm', { fullPage: false });
    await app.button('恢复', app.dialog()).click();

    // The normal layout is back, on the restored data.
    await app.heading('设置').waitFor();
    await page.getByRole('menuitem', { name: '设置' }).waitFor();
    await app.message(/已恢复到 .* 的备份/).waitFor();
    await app.section('数据库检查').getByText('正常', { exact: true }).waitFor();
    await app.screenshot('recovery-restored');

    expect(await app.rawErrorCodes()).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);

    // Losing the core shows a clear banner instead of silently failing.
    await harness.close();
    const lost = page.getByRole('alert').filter({ hasText: '连接已断开' });
    await lost.waitFor();
    // It says where the log file is, which says what went wrong.
    await lost.getByText(join(dataDir, 'logs', 'shopdesk.log')).waitFor();
    await app.screenshot('connection-lost');
    expect(await app.rawErrorCodes()).toEqual([]);
  });
});
