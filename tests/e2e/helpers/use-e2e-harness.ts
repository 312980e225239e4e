import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startWebHarness, type WebHarness, type WebHarnessOptions } from '../../../src/core/hosts/web-harness';
import { silentLogger } from '../../../src/core/log';
import { ensureRendererBuilt } from './ensure-renderer-built';
import { launchChromium } from './launch-chromium';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/**
 * How long a step waits for what the user should see before it fails: a bound for a hang, not a
 * speed check. On a busy 2-core machine a 5-file preview (worker threads loading tsx) took > 15 s.
 */
export const E2E_WAIT_MS = 60_000;

export type E2eSession = {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly harness: WebHarness;
  /** The fresh data folder the harness's core opened. */
  readonly dataDir: string;
};

export type E2eOptions = {
  viewport?: { width: number; height: number };
  permissions?: string[];
  /** Beijing time the harness clock starts at (`YYYY-MM-DDTHH:MM:SS`). */
  at?: string;
  /** The importer's test hooks, for the harness's core (e.g. `pauseMidUnit`). */
  imports?: WebHarnessOptions['imports'];
};

/**
 * One e2e file's set-up: the built renderer, headless Chromium (zh-CN, light), the browser harness
 * on a fresh data folder, torn down after the file. The session's fields are read inside tests,
 * once beforeAll has run.
 */
export function useE2eHarness(name: string, options: E2eOptions = {}): E2eSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let harness: WebHarness | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    const rendererDir = ensureRendererBuilt(ROOT);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: 'zh-CN', colorScheme: 'light' });
    context.setDefaultTimeout(E2E_WAIT_MS);
    if (options.permissions) await context.grantPermissions(options.permissions);
    dataDir = mkdtempSync(join(tmpdir(), `shopdesk-e2e-${name}-`));
    harness = await startWebHarness({ dataDir, port: 0, rendererDir, log: silentLogger, imports: options.imports });
    if (options.at) await harness.core.call('testing.setTime', { at: `${options.at}+08:00` });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the e2e ${what} is used before beforeAll ran`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get context() {
      return ready(context, 'context');
    },
    get harness() {
      return ready(harness, 'harness');
    },
    get dataDir() {
      return ready(dataDir, 'data folder');
    },
  };
}
