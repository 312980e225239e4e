import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/log';
import { DESKTOP_EVENTS, RPC_CHANNEL } from '../shared/ipc-channels';
import type { RpcRequest } from '../shared/rpc/envelope';
import { createFakeElectron, FAKE_APP_PATHS, type FakeUtilityProcess } from '../../tests/helpers/fake-electron';
import { bootstrap } from './bootstrap';

/*
 * The faults the desktop host must survive, through the whole app (bootstrap with the fake
 * Electron): what the page and the user see when the renderer or the core fails.
 */

const tick = () => new Promise((r) => setTimeout(r, 0));
const PAGE_BEFORE = '0'.repeat(32);
const PAGE_AFTER = '1'.repeat(32);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function desktop() {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-faults-'));
  dirs.push(dataDir);
  const fake = createFakeElectron();
  const result = bootstrap({ electron: fake.api, argv: ['/app/shopdesk', '--data-dir', dataDir], env: {}, platform: 'linux', execPath: '/app/shopdesk', paths: FAKE_APP_PATHS, log: silentLogger });
  if (!result.started) throw new Error('expected the app to start');
  await result.session;
  await fake.until(() => fake.forks[0]?.answered.includes('settings.get') ?? false);
  const window = fake.windows()[0]!;
  const rpcListener = fake.electron.ipcMain.on.mock.calls.find(([channel]) => channel === RPC_CHANNEL)?.[1] as (event: unknown, frame: unknown) => void;
  const fromPage = (page: string, message: RpcRequest) => rpcListener({ sender: window.webContents, senderFrame: { url: 'app://shop/', parent: null } }, { page, message });
  const toPage = () => window.webContents.send.mock.calls.filter(([channel]) => channel === RPC_CHANNEL || channel === DESKTOP_EVENTS.coreStopped);
  return { fake, window, fromPage, toPage };
}

/** Makes a core hold the page's requests until the test answers them. */
function holdRequests(core: FakeUtilityProcess) {
  const held: RpcRequest[] = [];
  const answerNormally = core.postMessage.bind(core);
  core.postMessage = (message: unknown) => {
    const m = message as RpcRequest;
    if (m.kind === 'request' && m.method.startsWith('page.')) held.push(m);
    else answerNormally(message);
  };
  const answer = (index: number, value: unknown) => core.emit('message', { kind: 'response', id: held[index]!.id, ok: true, value });
  return { held, answer };
}

describe('desktop faults: the renderer', () => {
  it('a crashed renderer is reloaded and the user told; the reloaded page never gets the old page’s answer', async () => {
    const { fake, window, fromPage, toPage } = await desktop();
    const core = holdRequests(fake.forks[0]!);
    fromPage(PAGE_BEFORE, { kind: 'request', id: 1, method: 'page.slow', params: {} });
    await tick();
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ title: '窗口页面意外关闭，已重新加载' }));
    // The reloaded page starts its ids at 1 again.
    fromPage(PAGE_AFTER, { kind: 'request', id: 1, method: 'page.status', params: {} });
    await tick();
    core.answer(0, 'for the page that crashed');
    core.answer(1, 'for the reloaded page');
    await fake.until(() => toPage().length > 0);
    expect(toPage()).toEqual([[RPC_CHANNEL, { page: PAGE_AFTER, message: { kind: 'response', id: 1, ok: true, value: 'for the reloaded page' } }]]);
  });
});

describe('desktop faults: the core', () => {
  it('a fatal V8 error in the core process does not throw in main; the core restarts and answers', async () => {
    const { fake, fromPage, toPage } = await desktop();
    expect(() => fake.forks[0]!.emit('error', 'FatalError', 'Reached heap limit', '{}')).not.toThrow();
    expect(fake.forks).toHaveLength(2);
    fromPage(PAGE_BEFORE, { kind: 'request', id: 1, method: 'settings.get', params: {} });
    await fake.until(() => toPage().length > 0);
    expect(toPage()).toEqual([[RPC_CHANNEL, { page: PAGE_BEFORE, message: expect.objectContaining({ id: 1, ok: true }) }]]);
  });

  it('once the core has given up, the page’s calls are answered at once with CORE_STOPPED and the page is told', async () => {
    const { fake, fromPage, toPage } = await desktop();
    fromPage(PAGE_BEFORE, { kind: 'request', id: 1, method: 'settings.get', params: {} });
    await fake.until(() => toPage().length > 0);
    fake.electron.dialog.showMessageBox.mockImplementation(() => new Promise(() => {})); // the user has not answered yet
    for (let i = 0; i < 4; i += 1) fake.forks[i]?.exit(1);
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: '数据服务意外停止' }));
    expect(toPage().at(-1)).toEqual([DESKTOP_EVENTS.coreStopped]);
    const before = toPage().length;
    fromPage(PAGE_BEFORE, { kind: 'request', id: 2, method: 'settings.get', params: {} });
    // Answered synchronously: nothing waits for a core that will not come back.
    expect(toPage().slice(before)).toEqual([
      [RPC_CHANNEL, { page: PAGE_BEFORE, message: { kind: 'response', id: 2, ok: false, error: { code: 'CORE_STOPPED', message: expect.any(String) } } }],
      [DESKTOP_EVENTS.coreStopped],
    ]);
    expect(fake.forks).toHaveLength(4);
  });
});
