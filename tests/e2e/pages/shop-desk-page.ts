import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { APP_ERROR_CODES } from '../../../src/shared/errors';

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', '.artifacts', 'screenshots');

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const RAW_CODE = new RegExp(`\\b(${APP_ERROR_CODES.join('|')}|SQLITE_[A-Z_]+)\\b`);

/** The ShopDesk window in the browser, described by what a user sees (roles and names). */
export class ShopDeskPage {
  constructor(readonly page: Page) {}

  /** Records CSP violations from the first script on, before the app's own code runs. */
  static async open(page: Page, url: string): Promise<ShopDeskPage> {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(url);
    return new ShopDeskPage(page);
  }

  heading(name: string | RegExp, level = 1): Locator {
    return this.page.getByRole('heading', { name, level, exact: typeof name === 'string' ? true : undefined });
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  radio(name: string): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  /** Picks an option of a button-style radio group: its input is visually hidden, the label takes the click. */
  async choose(name: string): Promise<void> {
    await this.page.locator('label').filter({ has: this.radio(name) }).click();
    await this.radio(name).isChecked();
  }

  button(name: string | RegExp, scope: Locator | Page = this.page): Locator {
    return scope.getByRole('button', { name, exact: typeof name === 'string' ? true : undefined });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Rows of the backups table whose kind cell reads `kind`. */
  backupRows(scope: Locator, kind: string): Locator {
    return scope.getByRole('row').filter({ has: this.page.getByRole('cell', { name: kind, exact: true }) });
  }

  message(text: string | RegExp): Locator {
    return this.page.locator('.ant-message').getByText(text);
  }

  async theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme);
  }

  /** Relative luminance (0 black … 1 white) of the layout background the user sees. */
  async backgroundLuminance(): Promise<number> {
    const color = await this.page.locator('.ant-layout').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => window.__cspViolations ?? []);
  }

  /** True when the page's CSP blocks eval (no 'unsafe-eval'). */
  async evalIsBlocked(): Promise<boolean> {
    return evalIsBlocked(this.page);
  }

  /** Any error code or SQLite code shown as text instead of a translated sentence. */
  async rawErrorCodes(): Promise<string[]> {
    const text = await this.page.locator('body').innerText();
    return [...text.matchAll(new RegExp(RAW_CODE, 'g'))].map((m) => m[0]);
  }

  /** The whole page, or only the window (`fullPage: false`) when a modal dialog is open. */
  async screenshot(name: string, { fullPage = true } = {}): Promise<void> {
    await this.settle();
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
  }

  async screenshotOf(part: Locator, name: string): Promise<void> {
    await this.settle();
    await part.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  }

  /** Lets antd's motion finish so a picture shows the final state, not a fade. */
  private async settle(): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
  }
}

/**
 * Tries eval from an ordinary task of the page. Not directly inside page.evaluate: DevTools
 * evaluations are allowed to eval even under a CSP (CDP's allowUnsafeEvalBlockedByCSP).
 */
export function evalIsBlocked(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        setTimeout(() => {
          try {
            (0, eval)('1');
            resolve(false);
          } catch {
            resolve(true);
          }
        }, 0);
      }),
  );
}
