/*
 * Entry of Electron's main process (out/main/index.js). It only hands the real Electron modules
 * and the built files' locations to bootstrap(); all behaviour lives in tested modules.
 */
import * as electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../core/data-dir';
import { bootstrap } from './bootstrap';
import { parseLaunchArgs } from './launch-args';
import { openMainLog } from './main-log';

const here = dirname(fileURLToPath(import.meta.url));

bootstrap({
  electron,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  execPath: process.execPath,
  log: openMainLog(resolveDataDir(parseLaunchArgs(process.argv).dataDir, process.env)),
  paths: {
    preload: join(here, '../preload/index.cjs'),
    renderer: join(here, '../renderer'),
    coreProcess: join(here, 'core-process.js'),
    appIcon: join(here, 'icons/icon.png'),
    trayIcon: join(here, 'icons/tray-icon.png'),
    trayIcon2x: join(here, 'icons/tray-icon@2x.png'),
  },
});
