import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const APT_LOG = '/tmp/apt.log';

/** The machine's setup installs Debian's chromium in the background; wait for it when it is still running. */
async function waitForChromium(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(CHROMIUM)) {
    const log = existsSync(APT_LOG) ? readFileSync(APT_LOG, 'utf8') : '';
    if (log.includes('APT_DONE') || Date.now() > deadline) throw new Error(`${CHROMIUM} is not installed`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Headless system Chromium, driven by playwright-core (no browser download). */
export async function launchChromium(): Promise<Browser> {
  await waitForChromium(120_000);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
