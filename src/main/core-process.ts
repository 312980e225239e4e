/*
 * Entry of the core's utility process (built as out/main/core-process.js). It runs in plain
 * Node inside Electron, so it must not import 'electron'; main starts it with
 * utilityProcess.fork and talks to it over process.parentPort.
 */
import { createCore } from '../core/create-core';
import { resolveDataDir } from '../core/data-dir';
import { createStderrLogger } from '../core/log';
import { createHostLogger, logUncaught } from '../core/logs/file-logger';
import { runCoreProcess, type ParentPortLike } from './core-process-runtime';
import { parseLaunchArgs } from './launch-args';

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
const stderr = createStderrLogger('shopdesk-core');

if (!parentPort) {
  stderr.error('core-process must be started by the desktop app (utilityProcess.fork)');
  process.exit(1);
} else {
  const dataDir = resolveDataDir(parseLaunchArgs(process.argv).dataDir);
  // This process's lines, also those before the core is up and an uncaught exception, go to the log file.
  const log = createHostLogger(dataDir, 'core', stderr);
  logUncaught(log);
  void runCoreProcess({
    parentPort,
    dataDir,
    createCore: (options) => createCore({ ...options, logFile: false }),
    log,
    exit: (code) => process.exit(code),
  });
}
