import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

/*
 * index.ts is the only main-process file that imports the real 'electron' module; here that module
 * is the fake, so this test sees exactly what the entry hands to bootstrap.
 */
const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../../tests/helpers/fake-electron');
  return createFakeElectron();
});
vi.mock('electron', () => fake.electron);

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-index-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('src/main/index.ts', () => {
  it('boots the app with the built files next to it and the data folder from the environment', async () => {
    vi.stubEnv('SHOPDESK_DATA_DIR', dataDir);
    await import('./index');
    await fake.until(() => fake.windows().length === 1);
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fake.electron.utilityProcess.fork).toHaveBeenCalledWith(join(here, 'core-process.js'), ['--data-dir', dataDir], expect.anything());
    expect(fake.windows()[0]?.options).toMatchObject({ webPreferences: { preload: join(here, '../preload/index.cjs') } });
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    fake.electron.app.quit();
    await fake.until(fake.hasQuit);
    vi.unstubAllEnvs();
  });
});
