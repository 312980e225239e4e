import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { ImportService } from '../../src/core/imports/import-service';
import { LAYOUT_A, cellsFor, csvLine, orderCells, orderLines } from '../fixtures/douyin/generator';
import { ShopDeskPage } from './pages/shop-desk-page';
import { useE2eHarness } from './helpers/use-e2e-harness';

/*
 * The import screen end to end: the built renderer in headless Chromium, the real core behind the
 * browser harness, a fresh data folder. Files reach the page the way a user's would: dropped on
 * the window (a synthetic DataTransfer drop of a File made in the page from the fixture's bytes)
 * or chosen in the file picker. Every step waits on what the user sees, never on fixed sleeps.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'douyin');
// A byte-exact copy of ../shared/fixtures/douyin-orders-sample.csv, committed so the test needs nothing outside the repo.
const SAMPLE = readFileSync(join(FIXTURES, '1791213782_3edeb47b86bdb5b9.csv'));
/** A long Chinese name, as 抖店 users rename their downloads: it must be ellipsised, not wrap the table. */
const SAMPLE_NAME = '1791213782_抖店订单导出_商品维度_2026年8月1日至8月4日_全部订单_店铺一号.csv';

const BIG_NAME = '1791300000_9f8e7d6c5b4a3921.csv';
let cancelAsked: Promise<void> = Promise.resolve();
/**
 * The big file's import (not its preview) is held once its first batch is written, until the
 * core has received the user's Cancel: the click surely lands while the file is being written,
 * however fast or busy the machine is.
 */
const e2e = useE2eHarness('imports', {
  imports: {
    pauseMidUnit: async ({ file, mode }) => {
      if (file === BIG_NAME && mode === 'write') await cancelAsked;
    },
  },
});

type DropFile = { name: string; bytes: Buffer };

/** The previews the core keeps for their import (`<dataDir>/staging/<preview job>/`). */
const kept = (): string[] => {
  const dir = join(e2e.dataDir, 'staging');
  return existsSync(dir) ? readdirSync(dir) : [];
};

/** The import screen, described by what a user sees. */
class ImportsPage extends ShopDeskPage {
  static async openImports(page: Page): Promise<ImportsPage> {
    const app = new ImportsPage((await ShopDeskPage.open(page, e2e.harness.url)).page);
    await app.page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '导入数据' }).click();
    await app.heading('导入数据').waitFor();
    return app;
  }

  /**
   * Drags files over the window and, unless `release` is false, drops them: the events a real
   * drag from the file manager fires, carrying Files built in the page from the given bytes.
   */
  async drop(files: readonly DropFile[], { release = true } = {}): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
    await this.page.evaluate(
      ({ payload, release }) => {
        const transfer = new DataTransfer();
        for (const f of payload) {
          const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], f.name));
        }
        const target = document.querySelector('main') ?? document.body;
        const fire = (type: string) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        fire('dragenter');
        fire('dragover');
        if (release) fire('drop');
      },
      { payload, release },
    );
  }

  /** The table row of a file (by its name), in a section. */
  row(section: Locator, name: string): Locator {
    return section.getByRole('row').filter({ hasText: name });
  }

  async cellTexts(row: Locator): Promise<string[]> {
    return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
  }
}

const fixture = (name: string): DropFile => ({ name, bytes: readFileSync(join(FIXTURES, name)) });

/** A realistic layout-A export of `lines` generated lines, written to disk for the file picker. */
async function writeBigExport(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${csvLine(LAYOUT_A)}\r\n`);
  let n = 0;
  for (const line of orderLines({ seed: 4242 })) {
    if (n++ >= lines) break;
    if (!out.write(`${csvLine(cellsFor(LAYOUT_A, orderCells(line)))}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('import screen over the browser harness', () => {
  it('imports a dropped order export: preview, import, summary, history, the same file again, undo', async () => {
    const app = await ImportsPage.openImports(await e2e.context.newPage());
    const { page } = app;

    // The empty state says what to export and where.
    await page.getByText('把导出的文件拖到这里').waitFor();
    await page.getByText(/订单管理 → 导出.*商品维度/).waitFor();
    await page.getByText(/资金 → 资金流水/).waitFor();
    const history = app.section('导入记录');
    await history.getByText('还没有导入记录。').waitFor();
    await app.screenshot('imports-empty');

    // Dragging files over the window shows where they go; dropping them starts the preview.
    const sample = { name: SAMPLE_NAME, bytes: SAMPLE };
    await app.drop([sample], { release: false });
    await page.getByText('松开即可导入').waitFor();
    await app.screenshot('imports-drop-overlay', { fullPage: false });
    await app.drop([sample]);
    await page.getByText('松开即可导入').waitFor({ state: 'hidden' });

    const preview = app.section('预览');
    const row = app.row(preview, SAMPLE_NAME);
    await row.getByText('订单', { exact: true }).waitFor();
    const cells = await app.cellTexts(row);
    // file (dates, export time) · kind (layout, encoding) · lines · new · updated · unchanged · notes · remove
    expect(cells[0]).toContain('2026-08-01 至 2026-08-04\n导出于 2026-10-05 23:23');
    expect(cells[1]).toBe('订单\n格式 A（74 列）\nUTF-8（带 BOM）');
    expect(cells.slice(2, 7)).toEqual(['5', '5', '0', '0', '没有发现问题']);
    await preview.getByText('可以导入的文件：1，无法导入的文件：0').waitFor();
    // The preview kept what it parsed beside the database, for the import to write without reading again.
    expect(kept()).toHaveLength(1);
    await app.screenshot('imports-preview');
    // The long name is cut with an ellipsis and shown whole in a tooltip.
    const name = row.locator('.ant-typography-ellipsis').first();
    expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await name.hover();
    await page.getByRole('tooltip').getByText(SAMPLE_NAME).waitFor();
    await app.screenshotOf(preview, 'imports-preview-tooltip');
    await page.mouse.move(0, 0);

    // Import: a summary with the counts and the backup taken first.
    await app.button('导入（1 个文件）', preview).click();
    const summary = app.section('导入完成');
    await summary.getByText('新增 5 行，更新 0 行，未变 0 行').waitFor();
    await summary.getByText(/导入前已自动备份（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/).waitFor();
    await summary.getByText(/备份文件：shopdesk-.*-pre-import-v\d+\.sqlite/).waitFor();
    expect((await app.cellTexts(app.row(summary, SAMPLE_NAME))).slice(1)).toEqual(['订单', '5', '0', '0', '已导入']);
    // Used once, then gone.
    expect(kept()).toEqual([]);
    await app.screenshot('imports-summary');

    // The history lists it, in China time.
    const entry = app.row(history, SAMPLE_NAME);
    await entry.getByText('已导入', { exact: true }).waitFor();
    const historyCells = await app.cellTexts(entry);
    expect(historyCells[1]).toBe('订单');
    expect(historyCells[2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(historyCells.slice(3, 5)).toEqual(['5', '5 / 0 / 0']);

    // The same file again is recognised: nothing to write.
    await app.button('继续导入其他文件', summary).click();
    await page.getByText('把导出的文件拖到这里').waitFor();
    await app.drop([sample]);
    const again = app.row(app.section('预览'), SAMPLE_NAME);
    await again.getByText('已导入过').waitFor();
    expect((await app.cellTexts(again)).slice(3, 6)).toEqual(['0', '0', '5']);
    await app.screenshot('imports-already-imported');
    await app.button('全部移除').click();
    await page.getByText('把导出的文件拖到这里').waitFor();

    await app.screenshotOf(history, 'imports-history');

    // Undo, after a confirmation that says what happens to which lines.
    await history.getByRole('button', { name: `撤销导入 ${SAMPLE_NAME}` }).click();
    const dialog = app.dialog();
    await dialog.getByText('这次导入新增的 5 行会被删除。').waitFor();
    await dialog.getByText(/其他数据不受影响/).waitFor();
    await dialog.getByText(/撤销之前，会先把当前的数据自动备份一次（类型“撤销导入前”）/).waitFor();
    await app.screenshot('imports-undo-confirm', { fullPage: false });
    await app.button('撤销导入', dialog).click();
    await app.message(/^已撤销：删除 5 行，恢复 0 行。撤销前的数据已备份（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）。$/).waitFor();
    await entry.getByText('已撤销', { exact: true }).waitFor();
    await entry.getByText(/^撤销于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).waitFor();
    expect(await history.getByRole('button', { name: `撤销导入 ${SAMPLE_NAME}` }).count()).toBe(0);

    expect(await app.rawErrorCodes()).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
    await page.close();
  });

  it('explains why an import cannot be undone while a later import changed its lines', async () => {
    const app = await ImportsPage.openImports(await e2e.context.newPage());
    const { page } = app;
    const history = app.section('导入记录');
    // The same export taken a day later: the two 待发货 lines of one order have shipped since.
    const first = { name: '1791213782_a1b2c3d4e5f60718.csv', bytes: SAMPLE };
    const later = { name: '1791300182_a1b2c3d4e5f60718.csv', bytes: Buffer.from(SAMPLE.toString('utf8').replaceAll('待发货', '已发货'), 'utf8') };

    const importOne = async (file: DropFile, counts: string[]) => {
      await app.drop([file]);
      const preview = app.section('预览');
      await app.row(preview, file.name).getByText('订单', { exact: true }).waitFor();
      expect((await app.cellTexts(app.row(preview, file.name))).slice(3, 6)).toEqual(counts);
      await app.button('导入（1 个文件）', preview).click();
      await app.button('继续导入其他文件', app.section('导入完成')).click();
      await app.row(history, file.name).getByText('已导入', { exact: true }).waitFor();
    };
    await importOne(first, ['5', '0', '0']);
    await importOne(later, ['0', '2', '3']);

    const undo = (name: string) => history.getByRole('button', { name: `撤销导入 ${name}` }).click();
    await undo(first.name);
    await app.button('撤销导入', app.dialog()).click();
    const refusal = page.getByRole('dialog').filter({ hasText: '无法撤销这次导入' });
    await refusal.getByText('之后的导入又改动了这次导入写入的行。请先撤销下面这些导入，再撤销这一次：').waitFor();
    await refusal.getByText(new RegExp(`^${later.name.replace('.', '\\.')}（涉及 \\d+ 行）$`)).waitFor();
    await app.screenshot('imports-undo-refused', { fullPage: false });
    await app.button('知道了', refusal).click();
    await refusal.waitFor({ state: 'hidden' });
    await app.row(history, first.name).getByText('已导入', { exact: true }).waitFor();

    // Undone newest first, both go.
    await undo(later.name);
    await app.button('撤销导入', app.dialog()).click();
    await app.message('已撤销：删除 0 行，恢复 2 行。').waitFor();
    await undo(first.name);
    await app.button('撤销导入', app.dialog()).click();
    await app.message('已撤销：删除 5 行，恢复 0 行。').waitFor();
    await app.row(history, first.name).getByText('已撤销', { exact: true }).waitFor();

    expect(await app.rawErrorCodes()).toEqual([]);
    await page.close();
  });

  it('refuses damaged files with a message that says what to do, lists line problems, and never sends refused files', async () => {
    const app = await ImportsPage.openImports(await e2e.context.newPage());
    const { page } = app;

    await app.drop(['orders-excel-ids.csv', 'orders-order-dimension.csv', 'legacy.xls', 'orders-row-problems.csv', 'orders-duplicates.csv'].map(fixture));
    const preview = app.section('预览');
    await preview.getByText(/^可以导入的文件：2，无法导入的文件：3$/).waitFor();
    const damaged = app.row(preview, 'orders-excel-ids.csv');
    await damaged.getByText('无法导入').waitFor();
    await damaged.getByText(/这个文件被 Excel 另存过，订单号已被破坏：请从抖店重新导出/).waitFor();
    await app.row(preview, 'orders-order-dimension.csv').getByText(/选择“商品维度”后重新导出/).waitFor();
    await app.row(preview, 'legacy.xls').getByText(/旧版 Excel（\.xls）/).waitFor();
    // Refusals are in the error colour.
    const colour = await damaged.locator('.ant-typography-danger').last().evaluate((el) => getComputedStyle(el).color);
    expect(colour).toMatch(/^rgb\(2\d\d, \d{1,2}, \d{1,2}\)$/);
    await app.row(preview, 'orders-duplicates.csv').getByText(/^文件内重复的行：1$/).waitFor();
    await app.screenshot('imports-refused');

    // Line problems: counted in the row, listed with line, column and what is wrong when expanded.
    const problems = app.row(preview, 'orders-row-problems.csv');
    const problemCount = await problems.getByText(/^有问题的行：\d+$/).innerText();
    await problems.getByRole('button', { name: /展开/ }).click();
    const issues = preview.getByRole('table', { name: '发现的问题: orders-row-problems.csv' });
    await issues.getByRole('row').nth(1).waitFor();
    expect(await issues.getByRole('row').count()).toBe(Number(problemCount.replace(/\D/g, '')) + 1);
    const first = await app.cellTexts(issues.getByRole('row').nth(1));
    expect(first[0]).toMatch(/^\d+$/);
    expect(first[2]).toMatch(new RegExp(`^第 ${first[0]} 行`));
    await app.screenshot('imports-issues');

    // Messages follow the language, also those already on screen.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await app.choose('English');
    await page.getByRole('menuitem', { name: 'Import data' }).click();
    await app.heading('Import data').waitFor();
    await app.row(app.section('Preview'), 'orders-excel-ids.csv').getByText(/re-saved by Excel and its order numbers were destroyed: export it again/).waitFor();
    await app.screenshot('imports-refused-en');
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await app.choose('中文');
    await page.getByRole('menuitem', { name: '导入数据' }).click();

    // Only the accepted files are imported.
    await app.button('导入（2 个文件）').click();
    const summary = app.section('导入完成');
    await app.row(summary, 'orders-row-problems.csv').getByText('已导入').waitFor();
    await app.row(summary, 'orders-duplicates.csv').getByText('已导入').waitFor();
    expect(await summary.getByRole('row').filter({ hasText: /orders-|legacy/ }).count()).toBe(2);

    expect(await app.rawErrorCodes()).toEqual([]);
    await page.close();
  });

  it('shows the progress of a big import and cancels it without changing the database', async () => {
    // Several batches, so the import is held (pauseMidUnit above) with most of the file still to write.
    const LINES = 5_000;
    const bigDir = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-big-'));
    const bigName = BIG_NAME;
    let asked = () => {};
    cancelAsked = new Promise((resolve) => (asked = resolve));
    const cancel = ImportService.prototype.cancel;
    vi.spyOn(ImportService.prototype, 'cancel').mockImplementation(function (this: ImportService, jobId: string) {
      const found = cancel.call(this, jobId);
      asked();
      return found;
    });
    const bigPath = join(bigDir, bigName);
    await writeBigExport(bigPath, LINES);
    try {
      const app = await ImportsPage.openImports(await e2e.context.newPage());
      const { page } = app;
      const historyRows = app.section('导入记录').getByRole('row');
      await historyRows.first().waitFor();
      const historyBefore = await historyRows.count();

      // Chosen with the file picker this time; its bytes are uploaded in chunks with a progress bar.
      await page.locator('input[type=file]').setInputFiles(bigPath);
      const preview = app.section('预览');
      await app.row(preview, bigName).getByText('订单', { exact: true }).waitFor();
      expect((await app.cellTexts(app.row(preview, bigName)))[2]).toBe(LINES.toLocaleString('zh-CN'));

      await app.button('导入（1 个文件）', preview).click();
      const progress = app.section('正在导入');
      const overall = progress.getByRole('progressbar', { name: '总进度' });
      await overall.waitFor();
      // The core reports lines processed while the file is held mid-write; then the user cancels.
      await progress.getByText(/^第 1\/1 个文件 · 已处理 [\d,]+ 行$/).waitFor();
      await app.screenshot('imports-progress');
      await app.button('取消导入', progress).click();
      const cancelled = app.section('已取消');
      await cancelled.getByText('已取消，数据库未改动。').waitFor();
      await app.row(cancelled, bigName).getByText(/导入已取消，这个文件的数据没有写入/).waitFor();
      await page.mouse.move(0, 0); // off the button that took the Cancel click's place
      await app.screenshot('imports-cancelled');
      expect(await historyRows.count()).toBe(historyBefore);

      expect(await app.rawErrorCodes()).toEqual([]);
      await page.close();
    } finally {
      vi.restoreAllMocks();
      rmSync(bigDir, { recursive: true, force: true });
    }
  });
});
