import { mkdir } from 'node:fs/promises';
import { createStderrLogger, type Logger } from '../core/log';
import { createHostLogger, logFileOf, logsDirOf, logUncaught, type UncaughtSource } from '../core/logs/file-logger';
import type { MainStrings } from './main-strings';

/*
 * Main's sink for the data folder's log file (logs/shopdesk.log, shared with the core process; the
 * rotation and the redaction rule are in src/core/logs). Main resolves the data folder from the same
 * arguments as bootstrap(), so its very first line lands in the same file as the core's.
 */

/** Main's logger: stderr for a developer, the log file for the user; an uncaught exception is logged as main dies. */
export function openMainLog(dataDir: string, proc: UncaughtSource = process, stderr: Logger = createStderrLogger('shopdesk-main')): Logger {
  const log = createHostLogger(dataDir, 'main', stderr);
  logUncaught(log, proc);
  log.info('main started', { electron: process.versions.electron ?? null, platform: process.platform, arch: process.arch });
  return log;
}

/** Settings' "打开日志文件夹": the folder exists from the first line on, but a fresh one is made rather than failing. */
export async function openLogFolder(shell: { openPath(path: string): Promise<string> }, dataDir: string): Promise<void> {
  await mkdir(logsDirOf(dataDir), { recursive: true });
  const problem = await shell.openPath(logsDirOf(dataDir));
  if (problem) throw new Error(problem);
}

/** The core-stopped dialog's text: what happened, and which file to send us. */
export const coreFailedDetail = (strings: MainStrings, dataDir: string): string => `${strings.coreFailedBody}\n\n${strings.coreFailedLog.replace('{path}', logFileOf(dataDir))}`;
