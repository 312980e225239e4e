import { homedir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../shared/rpc/client';
import { createAppProtocolHandler, APP_ORIGIN, APP_SCHEME, APP_START_URL } from './app-protocol';
import { createCloseToTrayHandler } from './close-to-tray';
import { coreProcessArgs, coreProcessEnv } from './core-control';
import { startCoreHost } from './core-host';
import { createDesktopPreferences, type DesktopPreferences } from './desktop-preferences';
import { registerDesktopIpc } from './desktop-ipc';
import type { HostEnvironment } from './electron-api';
import { openExternalLink } from './external-links';
import { originOf, registerIpc } from './ipc-registry';
import { createLinuxAutostart } from './linux-autostart';
import { createElectronLoginItem } from './login-item';
import { coreFailedDetail, openLogFolder } from './main-log';
import { mainStrings } from './main-strings';
import { createMainWindow } from './main-window';
import { createElectronNotifier, openNotificationSubject } from './notifier';
import { allowOnlyClipboardWrite } from './permissions';
import { relayRendererToCore } from './relay';
import { recoverRenderer } from './renderer-recovery';
import { startIdleWatch } from './idle-watch';
import { showReminderNotifications, startRoutineTrayFeed } from './routine-tray-feed';
import { createTrayController } from './tray-controller';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

export type DesktopSessionInput = HostEnvironment & {
  dataDir: string;
  /** Start into the tray (login item) without showing the window. */
  hidden: boolean;
  /** Started at login on macOS: show the window after all if the startHidden setting is off. */
  showIfNotStartHidden: boolean;
  /** Arguments a login item must repeat (an explicit --data-dir). */
  loginArgs: readonly string[];
  isQuitting(): boolean;
};

export type DesktopSession = {
  showWindow(): void;
  /** Remembers the window, removes the tray and stops the core gracefully; idempotent. */
  shutdown(): Promise<void>;
};

/** Everything that runs once Electron is ready: core, protocol, window, IPC, tray. */
export async function startDesktopSession(input: DesktopSessionInput): Promise<DesktopSession> {
  const { electron, paths, log, dataDir, platform, env } = input;
  const { app, BrowserWindow, Menu, Tray, dialog, shell, screen, utilityProcess } = electron;
  const isDev = !app.isPackaged;
  const devServerUrl = isDev ? env.ELECTRON_RENDERER_URL : undefined;
  // Assigned once the tray exists; callbacks that may fire earlier (a crashing core) read it safely.
  let preferences: DesktopPreferences | null = null;
  const strings = () => mainStrings(preferences?.settings()?.language);

  const core = startCoreHost({
    fork: () =>
      utilityProcess.fork(paths.coreProcess, coreProcessArgs(dataDir), {
        serviceName: 'ShopDesk core',
        stdio: 'inherit',
        env: coreProcessEnv(process.env, process.platform),
      }),
    log,
    onGiveUp: () => {
      const s = strings();
      void dialog
        .showMessageBox({ type: 'error', title: s.coreFailedTitle, message: s.coreFailedTitle, detail: coreFailedDetail(s, dataDir), buttons: [s.restart, s.quit], defaultId: 0, cancelId: 1 })
        .then(({ response }) => {
          if (response === 0) app.relaunch();
          app.quit();
        });
    },
  });
  const client = createClient(core.connect());

  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
  const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl)].filter((o): o is string => o !== null) : [])];
  allowOnlyClipboardWrite(electron.session.defaultSession, trustedOrigins);
  Menu.setApplicationMenu(platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null);

  const primary = screen.getPrimaryDisplay().workArea;
  const state = fitToDisplays(await loadWindowState(dataDir), screen.getAllDisplays().map((d) => d.workArea), primary);
  const main = createMainWindow({
    BrowserWindow,
    state,
    startUrl: devServerUrl ?? APP_START_URL,
    showOnReady: !input.hidden,
    isDev,
    preloadPath: paths.preload,
    title: mainStrings(undefined).appName,
    icon: paths.appIcon,
  });
  const rememberWindow = () =>
    saveWindowState(dataDir, main.currentState()).catch((error: unknown) => log.warn('could not save the window position', { detail: (error as Error).message }));

  const registry = registerIpc(electron.ipcMain, { trustedOrigins, onRejected: (channel, reason) => log.warn('refused an IPC message', { channel, reason }) });
  const mainContents = () => (main.window.isDestroyed() ? null : main.window.webContents);
  const relay = relayRendererToCore(registry, core, mainContents, { isQuitting: input.isQuitting });
  // A crashed or hung page is reloaded (and the user told); the relay forgets the page that ended.
  recoverRenderer({ window: main.window, dialog, strings, onPageEnded: relay.endPage, isQuitting: input.isQuitting, quit: () => app.quit(), log });

  const trayImage = electron.nativeImage.createFromPath(paths.trayIcon);
  trayImage.addRepresentation({ scaleFactor: 2, dataURL: electron.nativeImage.createFromPath(paths.trayIcon2x).toDataURL() });
  const tray = createTrayController({
    Tray,
    Menu,
    icon: trayImage,
    actions: {
      open: () => main.show(),
      setStartAtLogin: (enabled) => void preferences?.setStartAtLogin(enabled, preferences.settings()?.startHidden ?? true),
      quit: () => app.quit(),
      routine: {
        pause: () => void client.call('routine.pause', {}).catch((error: unknown) => log.warn('could not pause the routine', { detail: (error as Error).message })),
        resume: () => void client.call('routine.resume', {}).catch((error: unknown) => log.warn('could not resume the routine', { detail: (error as Error).message })),
        next: () => void client.call('routine.next', {}).catch((error: unknown) => log.warn('could not start the next block', { detail: (error as Error).message })),
      },
    },
    showsTitle: platform === 'darwin',
  });
  const routineFeed = startRoutineTrayFeed({ client, tray, log });
  // System idle time and sleep while a block runs become a question in the window, never booked silently.
  const stopIdleWatch = startIdleWatch({ powerMonitor: electron.powerMonitor, client, log });
  const loginItem =
    platform === 'linux'
      ? createLinuxAutostart({ configHome: env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), execPath: env.APPIMAGE ?? input.execPath, extraArgs: input.loginArgs, name: 'ShopDesk' })
      : createElectronLoginItem(app, input.loginArgs);
  const prefs = createDesktopPreferences({
    client,
    loginItem,
    tray,
    log,
    onFirstSettings: (settings) => {
      if (input.showIfNotStartHidden && !settings.startHidden) main.show();
    },
  });
  preferences = prefs;
  // A click shows the window and opens what the notification is about.
  const notifier = createElectronNotifier({ Notification: electron.Notification, onClick: openNotificationSubject({ show: () => main.show(), target: mainContents }), icon: paths.appIcon });
  // The core fires reminders (also while the window is closed to the tray); they show here.
  const stopReminderNotifications = showReminderNotifications(client, notifier);

  registerDesktopIpc(registry, {
    openDataFolder: async () => {
      const problem = await shell.openPath(dataDir);
      if (problem) throw new Error(problem);
    },
    openLogFolder: () => openLogFolder(shell, dataDir),
    openLink: (url) => openExternalLink(shell, url),
    getStartAtLogin: () => prefs.getStartAtLogin(),
    setStartAtLogin: (enabled, hidden) => prefs.setStartAtLogin(enabled, hidden),
  });

  const onClose = createCloseToTrayHandler({
    isQuitting: input.isQuitting,
    hide: () => main.window.hide(),
    wasExplained: () => prefs.settings()?.closeToTrayExplained ?? null,
    explain: async () => {
      const s = strings();
      if (notifier.isSupported) notifier.notify({ key: 'close-to-tray', title: s.closeToTrayTitle, body: s.closeToTrayBody });
      else await dialog.showMessageBox({ type: 'info', title: s.closeToTrayTitle, message: s.closeToTrayTitle, detail: s.closeToTrayBody, buttons: [s.ok] });
    },
    markExplained: () => prefs.markCloseToTrayExplained(),
    onError: (error) => log.warn('could not record the close-to-tray explanation', { detail: (error as Error).message }),
  });
  main.window.on('close', (event) => {
    void rememberWindow();
    onClose(event);
  });

  let stopping: Promise<void> | null = null;
  return {
    showWindow: () => main.show(),
    shutdown() {
      stopping ??= (async () => {
        if (!main.window.isDestroyed()) await rememberWindow();
        routineFeed.stop();
        stopIdleWatch();
        stopReminderNotifications();
        tray.destroy();
        client.close();
        await core.stop();
      })();
      return stopping;
    },
  };
}
