import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { osUserDataDir } from '../core/data-dir';
import { silentLogger } from '../core/log';
import { createFakeElectron, FAKE_APP_PATHS as PATHS, FakeWebContents } from '../../tests/helpers/fake-electron';
import { bootstrap } from './bootstrap';
import { RPC_CHANNEL } from '../shared/ipc-channels';
import { windowStateSaved } from './window-state';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function start(options: { lock?: boolean; isPackaged?: boolean; argv?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-bootstrap-'));
  dirs.push(dataDir);
  const fake = createFakeElectron(options);
  const result = bootstrap({
    electron: fake.api,
    argv: options.argv ?? ['/app/shopdesk', '--data-dir', dataDir],
    // Never the real user's folder: without --data-dir the temp folder comes through the variable.
    env: options.env ?? { SHOPDESK_DATA_DIR: dataDir },
    platform: 'linux',
    execPath: '/app/shopdesk',
    paths: PATHS,
    log: silentLogger,
  });
  return { fake, result, dataDir };
}

async function started(options: Parameters<typeof start>[0] = {}) {
  const s = start(options);
  if (!s.result.started) throw new Error('expected the app to start');
  await s.result.session;
  // The first settings are in (the close-to-tray explanation and the tray language depend on them).
  await s.fake.until(() => s.fake.forks[0]?.answered.includes('settings.get') ?? false);
  const window = s.fake.windows()[0]!;
  return { ...s, window };
}

describe('bootstrap: before ready', () => {
  it('a second instance quits before anything opens the database', () => {
    const { fake, result } = start({ lock: false });
    expect(result.started).toBe(false);
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows()).toHaveLength(0);
  });

  it('registers app:// and sets userData before asking for the lock', () => {
    const { fake } = start();
    expect(fake.calls.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'setPath:userData', 'requestSingleInstanceLock']);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) },
    ]);
  });

  it.each([
    ['--data-dir wins', ['/app/shopdesk', '--data-dir', '/tmp/flag'], { SHOPDESK_DATA_DIR: '/tmp/env' }, resolve('/tmp/flag')],
    ['then SHOPDESK_DATA_DIR', ['/app/shopdesk'], { SHOPDESK_DATA_DIR: '/tmp/env' }, resolve('/tmp/env')],
    ['then the OS user-data folder', ['/app/shopdesk'], { XDG_CONFIG_HOME: '/home/u/.config' }, osUserDataDir(process.platform, { XDG_CONFIG_HOME: '/home/u/.config' })],
  ])('data folder: %s', (_name, argv, env, expected) => {
    const { fake, result } = start({ lock: false, argv, env });
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', expected);
    expect(result.started).toBe(false);
  });
});

describe('bootstrap: running', () => {
  it('starts the core in a utility process with the data folder', async () => {
    const { fake, dataDir } = await started();
    expect(fake.electron.utilityProcess.fork).toHaveBeenCalledExactlyOnceWith(PATHS.coreProcess, ['--data-dir', dataDir], expect.objectContaining({ serviceName: 'ShopDesk core' }));
    expect(fake.calls.indexOf('whenReady')).toBeLessThan(fake.calls.indexOf('utilityProcess.fork'));
  });

  it('serves app://, sets the permission handlers and opens one hardened window on app://shop/', async () => {
    const { fake, window } = await started();
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.windows()).toHaveLength(1);
    expect(window.options).toMatchObject({ show: false, webPreferences: { preload: PATHS.preload, sandbox: true, contextIsolation: true, devTools: false } });
    expect(window.loadURL).toHaveBeenCalledWith('app://shop/');
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('the packaged app lets only its app://shop page write to the clipboard', async () => {
    const { fake } = await started();
    const check = fake.electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as unknown as (c: unknown, p: string, o: string, d: { isMainFrame: boolean }) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'app://shop', { isMainFrame: true })).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'http://localhost:5173', { isMainFrame: true })).toBe(false);
    expect(check(null, 'media', 'app://shop', { isMainFrame: true })).toBe(false);
  });

  it('development loads the dev server and trusts its origin for IPC', async () => {
    const { fake, window } = await started({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(window.options).toMatchObject({ webPreferences: { devTools: true } });
    const listener = fake.electron.ipcMain.on.mock.calls.find(([c]) => c === RPC_CHANNEL)?.[1] as (e: unknown, m: unknown) => void;
    listener({ sender: window.webContents, senderFrame: { url: 'http://localhost:5173/', parent: null } }, { page: 'a'.repeat(32), message: { kind: 'request', id: 1, method: 'app.status', params: {} } });
    const isStatusRequest = (m: unknown) => (m as { kind?: string; method?: string }).kind === 'request' && (m as { method?: string }).method === 'app.status';
    await fake.until(() => fake.forks[0]?.received.some(isStatusRequest) ?? false);
    expect(fake.forks[0]?.received).toContainEqual(expect.objectContaining({ kind: 'request', method: 'app.status' }));
  });

  it('guards every webContents that is created', async () => {
    const { fake } = await started();
    const contents = new FakeWebContents();
    fake.emitApp('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
  });

  it('honours --hidden: the window waits in the tray', async () => {
    const { fake } = await started({ argv: ['/app/shopdesk', '--hidden'] });
    const window = fake.windows()[0]!;
    window.emit('ready-to-show');
    expect(window.show).not.toHaveBeenCalled();
    fake.emitApp('second-instance', {}, ['/app/shopdesk']);
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('a second launch brings the window back', async () => {
    const { fake, window } = await started();
    fake.emitApp('second-instance', {}, ['/app/shopdesk'], '/');
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('closing hides into the tray, explains once and records it; the window position is remembered', async () => {
    const { fake, window, dataDir } = await started();
    expect(window.userCloses()).toBe(true);
    await fake.until(() => fake.forks[0]?.settings.closeToTrayExplained === true);
    expect(window.hide).toHaveBeenCalled();
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(fake.forks[0]?.settings.closeToTrayExplained).toBe(true);
    window.userCloses();
    await windowStateSaved(dataDir);
    expect(window.hide).toHaveBeenCalledTimes(2);
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({ x: 10, y: 20, width: 1200, height: 700, isMaximized: false });
  });

  it('the tray menu follows the language setting and its Quit quits', async () => {
    const { fake } = await started();
    const tray = fake.trays()[0]!;
    const menu = () => (tray.setContextMenu.mock.calls.at(-1)?.[0] as { template: { id?: string; label?: string; click?: () => void }[] }).template;
    expect(menu().map((i) => i.label)).toContain('退出');
    fake.forks[0]?.postMessage({ kind: 'request', id: 500, method: 'settings.update', params: { language: 'en-US' } });
    await fake.until(() => menu().some((i) => i.label === 'Quit'));
    menu().find((i) => i.id === 'quit')?.click?.();
    await fake.until(fake.hasQuit);
    expect(fake.forks[0]?.exited).toBe(true);
  });
});

describe('bootstrap: quitting', () => {
  it('stops the core once, waits for it, then quits', async () => {
    const { fake, window } = await started();
    fake.electron.app.quit();
    fake.electron.app.quit();
    expect(fake.hasQuit()).toBe(false);
    await fake.until(fake.hasQuit);
    expect(fake.forks[0]?.shutdownRequests()).toBe(1);
    expect(fake.forks[0]?.exited).toBe(true);
    expect(fake.hasQuit()).toBe(true);
    expect(fake.trays()[0]?.destroy).toHaveBeenCalledOnce();
    // While quitting, closing the window is no longer turned into hiding.
    expect(window.userCloses()).toBe(false);
  });

  it('tells the user and offers a restart when the core keeps crashing', async () => {
    const { fake, dataDir } = await started();
    for (let i = 0; i < 4; i += 1) fake.forks[i]?.exit(1);
    // The dialog's answer (restart) relaunches, then quits.
    await fake.until(() => fake.electron.app.relaunch.mock.calls.length > 0);
    expect(fake.forks).toHaveLength(4);
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', title: '数据服务意外停止' }));
    // The dialog names the log file the user can send.
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.stringContaining(join(dataDir, 'logs', 'shopdesk.log')) }));
    expect(fake.electron.app.relaunch).toHaveBeenCalled();
    expect(fake.electron.app.quit).toHaveBeenCalled();
  });
});

describe('bootstrap: login item', () => {
  it('the tray checkbox writes the Linux autostart entry with --hidden and saves the setting', async () => {
    const configHome = mkdtempSync(join(tmpdir(), 'shopdesk-xdg-'));
    dirs.push(configHome);
    const { fake, dataDir } = await started({ env: { XDG_CONFIG_HOME: configHome } });
    const tray = fake.trays()[0]!;
    const item = (tray.setContextMenu.mock.calls.at(-1)?.[0] as { template: { id?: string; click?: (i: { checked: boolean }) => void }[] }).template.find((i) => i.id === 'start-at-login');
    item?.click?.({ checked: true });
    // The entry is written before the setting is saved in the core.
    await fake.until(() => fake.forks[0]?.settings.startAtLogin === true);
    expect(readFileSync(join(configHome, 'autostart', 'shopdesk.desktop'), 'utf8')).toContain(`\nExec=/app/shopdesk --data-dir ${dataDir} --hidden\n`);
    expect(fake.forks[0]?.settings).toMatchObject({ startAtLogin: true, startHidden: true });
  });
});
