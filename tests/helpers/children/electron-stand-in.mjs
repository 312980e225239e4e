/*
 * The `electron` module for the built main process under plain Node (see electron-hooks.mjs): the
 * fake of tests/helpers/fake-electron.ts, except that utilityProcess.fork really starts the module
 * main asks for, as Electron would (tests/helpers/utility-process.ts). It reports to the test over
 * the IPC channel the test opened:
 *   { type: 'fork', modulePath, args }      main started the core
 *   { type: 'core', message }               a message the core sent to main
 *   { type: 'core-exit', code }
 *   { type: 'inspect', ... }                answer to { type: 'inspect' }: the window, the page
 *   { type: 'quit' }                        Electron would quit now (after { type: 'quit' } was asked)
 */
import { createFakeElectron } from '../fake-electron.ts';
import { forkUtilityProcess } from '../utility-process.ts';

const report = (message) => process.send?.(message);
const fake = createFakeElectron({ isPackaged: true });
const { electron } = fake;

electron.utilityProcess.fork = (modulePath, args, options = {}) => {
  report({ type: 'fork', modulePath, args, serviceName: options.serviceName });
  const child = forkUtilityProcess(modulePath, args, { env: options.env, stdio: 'inherit' });
  child.on('message', (message) => report({ type: 'core', message }));
  child.on('exit', (code) => report({ type: 'core-exit', code }));
  return child;
};

const quit = electron.app.quit;
electron.app.quit = (...args) => {
  quit(...args);
  // Electron ends the process once nothing prevents the quit; so does the stand-in.
  if (fake.hasQuit()) process.send?.({ type: 'quit' }, () => process.exit(0));
};

async function inspect() {
  const window = fake.windows()[0];
  const [, handler] = electron.protocol.handle.mock.calls[0] ?? [];
  const page = handler ? await handler(new Request(String(window?.loadURL.mock.calls[0]?.[0] ?? 'app://shop/'))) : null;
  return {
    type: 'inspect',
    windows: fake.windows().length,
    url: window?.loadURL.mock.calls[0]?.[0],
    preload: window?.options.webPreferences?.preload,
    page: page ? { status: page.status, body: await page.text() } : null,
    trays: fake.trays().length,
    iconPaths: electron.nativeImage.createFromPath.mock.calls.map((call) => call[0]),
  };
}

process.on('message', (message) => {
  if (message?.type === 'inspect') void inspect().then(report);
  if (message?.type === 'quit') electron.app.quit();
});

export const {
  app,
  protocol,
  session,
  ipcMain,
  BrowserWindow,
  Menu,
  Tray,
  Notification,
  nativeImage,
  dialog,
  shell,
  screen,
  powerMonitor,
  utilityProcess,
} = electron;
