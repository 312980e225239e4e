import { resolveDataDir } from '../core/data-dir';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-protocol';
import type { HostEnvironment } from './electron-api';
import { openExternalLink } from './external-links';
import { parseLaunchArgs } from './launch-args';
import { guardWebContents } from './navigation-guard';
import { startDesktopSession, type DesktopSession } from './desktop-session';

/** Windows groups notifications and taskbar entries by this id; it equals electron-builder's appId. */
export const APP_USER_MODEL_ID = 'com.shopdesk.app';

export type BootstrapResult =
  | { started: false }
  | {
      started: true;
      dataDir: string;
      /** Resolves once the window, tray and core are up (rejects if starting failed; the app then quits). */
      session: Promise<DesktopSession>;
    };

/**
 * The desktop app's lifecycle, with every Electron module passed in (index.ts gives the real
 * ones, tests give fakes). Order matters and is tested:
 * 1. the app:// scheme is registered as privileged (only possible before 'ready');
 * 2. the data folder is resolved (--data-dir, SHOPDESK_DATA_DIR, OS folder) and becomes userData,
 *    so the single-instance lock is per data folder;
 * 3. a second instance hands over to the first and quits before anything opens the database;
 * 4. quitting first stops the core gracefully (once), then lets Electron quit.
 */
export function bootstrap(host: HostEnvironment): BootstrapResult {
  const { app, protocol, shell } = host.electron;
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

  const args = parseLaunchArgs(host.argv);
  const dataDir = resolveDataDir(args.dataDir, host.env);
  app.setPath('userData', dataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: false };
  }
  if (host.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let quitting = false;
  let shutDown = false;
  let current: DesktopSession | null = null;

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, (url) => void openExternalLink(shell, url));
  });
  app.on('second-instance', () => current?.showWindow());
  app.on('activate', () => current?.showWindow());
  // The app lives in the tray: closing the last window does not quit (quitting goes through before-quit).
  app.on('window-all-closed', () => {});

  // macOS login items carry no --hidden; a login start there stays hidden unless the settings say otherwise.
  const openedAtLogin = host.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  const session = app.whenReady().then(() =>
    startDesktopSession({
      ...host,
      dataDir,
      hidden: args.hidden || openedAtLogin,
      showIfNotStartHidden: openedAtLogin,
      loginArgs: args.dataDir === undefined ? [] : ['--data-dir', dataDir],
      isQuitting: () => quitting,
    }),
  );
  session.then(
    (started) => {
      current = started;
    },
    (error: unknown) => {
      host.log.error('the desktop app could not start', { detail: (error as Error)?.stack ?? String(error) });
      app.quit();
    },
  );

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= session
      .then((started) => started.shutdown())
      .catch((error: unknown) => host.log.error('shutdown failed', { detail: (error as Error)?.message ?? String(error) }));
    return stopping;
  };

  app.on('before-quit', (event) => {
    quitting = true;
    if (shutDown) return;
    event.preventDefault();
    void stop().then(() => {
      shutDown = true;
      app.quit();
    });
  });

  return { started: true, dataDir, session };
}
