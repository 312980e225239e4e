import type * as Electron from 'electron';
import type { Logger } from '../core/log';

/** The Electron modules the host uses, passed in so tests can give fakes (index.ts passes the real ones). */
export type ElectronApi = Pick<
  typeof Electron,
  | 'app'
  | 'protocol'
  | 'session'
  | 'ipcMain'
  | 'BrowserWindow'
  | 'Menu'
  | 'Tray'
  | 'Notification'
  | 'nativeImage'
  | 'dialog'
  | 'shell'
  | 'screen'
  | 'utilityProcess'
  | 'powerMonitor'
>;

/** Files of the built app, computed in index.ts from its own location. */
export type AppPaths = {
  /** out/preload/index.cjs */
  preload: string;
  /** out/renderer (served as app://shop/) */
  renderer: string;
  /** out/main/core-process.js (the utility process entry) */
  coreProcess: string;
  /** out/main/icons/… */
  appIcon: string;
  trayIcon: string;
  trayIcon2x: string;
};

export type HostEnvironment = {
  electron: ElectronApi;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** process.execPath (the login item starts this file). */
  execPath: string;
  paths: AppPaths;
  log: Logger;
};
