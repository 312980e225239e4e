import { homedir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../shared/clock';
import { teeLogger, type Logger } from '../log';
import { dropPersonalFields, redactLogText } from './log-redaction';
import { openRotatingLogFile } from './rotating-log-file';

/** `<dataDir>/logs/`: the desktop app's main and core processes, the harness and the CLI write here. */
export const logsDirOf = (dataDir: string): string => join(dataDir, 'logs');
export const LOG_BASE_NAME = 'shopdesk';
/** The live file the user is pointed at; older lines are in shopdesk.1.log and shopdesk.2.log. */
export const logFileOf = (dataDir: string): string => join(logsDirOf(dataDir), `${LOG_BASE_NAME}.log`);
/** 2 MB × 3 files: weeks of ordinary lines, small enough to attach to a message. */
export const LOG_LIMITS = { maxBytes: 2 * 1024 * 1024, files: 3 } as const;
/** A stack of a deep failure fits; a runaway message does not fill the file (the cut is marked). */
const MAX_LINE_CHARS = 16_000;

/** Which process wrote a line. */
export type LogSource = 'main' | 'core' | 'cli' | 'web';

export type FileLoggerOptions = {
  dataDir: string;
  source: LogSource;
  /** Wall-clock time for the line (the host's real clock, not the harness's adjustable one). */
  now: () => Date;
  /** Replaced by `~` in every line; the OS home folder by default. */
  home?: string;
  maxBytes?: number;
  files?: number;
  /** Told once if the file cannot be written (the app carries on; stderr still has the lines). */
  onFailure?(error: Error): void;
};

export type FileLogger = Logger & { readonly path: string };

/** One line: `2026-12-06T08:00:00.000Z warn  core#4242 message {"key":1}`, masked by log-redaction.ts. */
export function formatLogLine(at: Date, level: string, source: LogSource, pid: number, message: string, data: Record<string, unknown> | undefined, home: string): string {
  const extra = data === undefined ? '' : ` ${JSON.stringify(dropPersonalFields(data)) ?? ''}`;
  const text = redactLogText(`${message}${extra}`, { home }).replace(/\r?\n/g, '\\n');
  const body = text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}… [${text.length - MAX_LINE_CHARS} more characters]` : text;
  return `${at.toISOString()} ${level.padEnd(5)} ${source}#${pid} ${body}`;
}

/** A Logger that appends to the data folder's rotating log file. */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const home = options.home ?? homedir();
  const file = openRotatingLogFile({
    dir: logsDirOf(options.dataDir),
    baseName: LOG_BASE_NAME,
    maxBytes: options.maxBytes ?? LOG_LIMITS.maxBytes,
    files: options.files ?? LOG_LIMITS.files,
    onFailure: options.onFailure,
  });
  const write = (level: string) => (message: string, data?: Record<string, unknown>) =>
    file.append(formatLogLine(options.now(), level, options.source, process.pid, message, data, home));
  return { path: file.path, info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * A host's logger: its own (stderr) lines, and the same lines masked into the data folder's log
 * file, tagged with the process that wrote them. If the file cannot be written, stderr says so once.
 */
export function createHostLogger(dataDir: string, source: LogSource, base: Logger, now: () => Date = () => systemClock.now()): Logger {
  const file = createFileLogger({ dataDir, source, now, onFailure: (error) => base.warn('could not write the log file', { detail: error.message }) });
  return teeLogger(base, file);
}

/** The part of `process` logUncaught listens to. */
export type UncaughtSource = { on(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown };

/** Writes an uncaught exception's stack to the log as the process dies (a monitor: Node's own handling is unchanged). */
export function logUncaught(log: Logger, proc: UncaughtSource = process): void {
  proc.on('uncaughtExceptionMonitor', (error, origin) => {
    log.error(`uncaught ${origin === 'unhandledRejection' ? 'rejection' : 'exception'}`, { stack: (error as Error)?.stack ?? String(error) });
  });
}
