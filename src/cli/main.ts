import { resolveDataDir } from '../core/data-dir';
import { createCore, type Core } from '../core/create-core';
import { createStderrLogger, type Logger } from '../core/log';
import { isAppError, type AppErrorCode } from '../shared/errors';
import { labelled, translate } from './cli-text';
import type { CommandContext, CommandGroup } from './command';
import { COMMAND_GROUPS } from './commands/index';
import { dataDirSource, requireNamedDataDir } from './data-folder-errors';
import { EXIT, type ExitCode } from './exit-codes';
import { renderHelp } from './help';
import { parseCommandLine } from './parse-args';
import { reportError, reportUsage } from './report-error';
import { OptionError } from './option-values';

export type CliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
};

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** The core's own diagnostics: warnings and errors only, so normal output stays clean for scripts. */
const cliLogger = (): Logger => {
  const stderr = createStderrLogger('shopdesk');
  return { info: () => {}, warn: stderr.warn, error: stderr.error };
};

/**
 * Runs one `shopdesk` command line and returns the exit code. The core runs in this process
 * (no daily-backup timer) and is always closed before returning, also after a failure.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo, groups: readonly CommandGroup[] = COMMAND_GROUPS): Promise<ExitCode> {
  const parsed = parseCommandLine(argv, groups);
  const { lang, json } = parsed.globals;

  if (parsed.kind === 'help') {
    io.stdout(renderHelp(groups, parsed.group, parsed.command));
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') {
    const report = reportUsage(parsed.problem, lang);
    const help = parsed.problem.kind === 'missingCommand' && !json ? `\n\n${renderHelp(groups, parsed.group)}` : '\n';
    io.stderr(`${json ? report.json : report.text}${help}`);
    return report.exitCode;
  }

  let core: Core | null = null;
  const ctx: CommandContext = {
    lang,
    t: (text) => translate(lang, text),
    field: (label, value) => labelled(lang, label, value),
    async core(options) {
      if (core) return core;
      // No reminder scheduler: a command line must not fire (and so use up) the app's reminders.
      const clock = options?.at ? { now: () => new Date(options.at?.getTime() ?? 0) } : undefined;
      const dataDir = resolveDataDir(parsed.globals.dataDir, io.env);
      requireNamedDataDir(dataDir, dataDirSource(parsed.globals.dataDir, io.env));
      // Read-only commands never create a folder or a database (issue 10); every command takes the folder's lock.
      const existingOnly = options?.readsOnly ?? parsed.command.readsOnly ?? false;
      core = await createCore({ dataDir, log: cliLogger(), dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0, clock, opener: 'cli', existingOnly, logFile: 'cli' });
      return core;
    },
  };

  try {
    const result = await parsed.command.run(ctx, { args: parsed.args, flags: parsed.flags, lists: parsed.lists });
    io.stdout(`${json ? JSON.stringify(result.data) : result.text}\n`);
    return result.exitCode ?? EXIT.ok;
  } catch (error) {
    const report = error instanceof OptionError ? reportUsage(error.problem, lang) : reportError(error, lang, await recoveryReason(core, error));
    io.stderr(`${json ? report.json : report.text}\n`);
    return report.exitCode;
  } finally {
    await (core as Core | null)?.close();
  }
}

/** RECOVERY_MODE alone does not say why; the status does (a newer app's file, a damaged file …). */
async function recoveryReason(core: Core | null, error: unknown): Promise<AppErrorCode | null> {
  if (!core || !isAppError(error) || error.code !== 'RECOVERY_MODE') return null;
  try {
    return (await core.call('app.status', {})).recovery?.reason ?? null;
  } catch {
    return null;
  }
}
