/*
 * Entry of the core's utility process (built as out/main/core-process.js). It runs in plain
 * Node inside Electron, so it must not import 'electron'; main starts it with
 * utilityProcess.fork and talks to it over process.parentPort.
 */
import { createCore } from '../core/create-core';
import { resolveDataDir } from '../core/data-dir';
import { createStderrLogger } from '../core/log';
import { runCoreProcess, type ParentPortLike } from './core-process-runtime';
import { parseLaunchArgs } from './launch-args';

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
const log = createStderrLogger('shopdesk-core');

if (!parentPort) {
  log.error('core-process must be started by the desktop app (utilityProcess.fork)');
  process.exit(1);
} else {
  void runCoreProcess({
    parentPort,
    dataDir: resolveDataDir(parseLaunchArgs(process.argv).dataDir),
    createCore,
    log,
    exit: (code) => process.exit(code),
  });
}
