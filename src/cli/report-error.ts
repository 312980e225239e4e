import { isAppError, type AppErrorCode } from '../shared/errors';
import { errorMessage } from '../shared/i18n/error-messages';
import { validationMessage } from '../shared/i18n/validation-messages';
import { isFieldKey } from '../shared/validation/field-specs';
import { issuesFromDetails } from '../shared/validation/issues';
import { CLI_TEXT, labelled, localeOf, translate, usageMessage } from './cli-text';
import type { CliLang } from './command';
import { dataFolderReport } from './data-folder-errors';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import type { UsageProblem } from './parse-args';

export type ErrorReport = { exitCode: ExitCode; text: string; json: string };

/** Why the database was unusable, when a call failed with RECOVERY_MODE. */
export type RecoveryReason = AppErrorCode | null;

const issuePaths = (details: Record<string, unknown> | undefined): string[] => {
  const issues = details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((i: unknown) => !(typeof i === 'object' && i !== null && 'field' in i && isFieldKey(i.field)))
    .map((i: unknown) => (typeof i === 'object' && i !== null && 'path' in i ? String(i.path) : ''))
    .map((p) => p || '(params)');
};

/**
 * Turns whatever a command threw into the stderr text (in the chosen language), the --json form
 * and the exit code. Raw English from the core never reaches a Chinese user: the message comes
 * from the shared translation table; only field names, IDs and the internal detail are verbatim.
 */
export function reportError(error: unknown, lang: CliLang, recoveryReason: RecoveryReason = null): ErrorReport {
  const locale = localeOf(lang);
  const folder = dataFolderReport(error, lang);
  if (folder) return folder;
  if (!isAppError(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = errorMessage('INTERNAL', locale);
    return {
      exitCode: EXIT.failed,
      text: `${labelled(lang, CLI_TEXT.error, message)}\n${labelled(lang, CLI_TEXT.detail, detail)}`,
      json: JSON.stringify({ error: { code: 'INTERNAL', message, details: { detail } } }),
    };
  }
  const message = errorMessage(error.code, locale);
  const lines = [labelled(lang, CLI_TEXT.error, message)];
  const id = error.details?.id;
  if (typeof id === 'string') lines.push(labelled(lang, CLI_TEXT.requestedId, id));
  // A refused field the catalogue knows says what is wrong and what is allowed, as in the app.
  for (const issue of issuesFromDetails(error.details)) if (issue.field) lines.push(`  ${validationMessage(issue, locale)}`);
  const paths = issuePaths(error.details);
  if (paths.length > 0) lines.push(labelled(lang, CLI_TEXT.invalidFields, paths.join(', ')));
  if (recoveryReason) lines.push(labelled(lang, CLI_TEXT.reason, errorMessage(recoveryReason, locale)));
  const details = recoveryReason ? { ...error.details, reason: recoveryReason } : error.details;
  return {
    exitCode: exitCodeFor(error.code),
    text: lines.join('\n'),
    json: JSON.stringify({ error: details === undefined ? { code: error.code, message } : { code: error.code, message, details } }),
  };
}

export function reportUsage(problem: UsageProblem, lang: CliLang): ErrorReport {
  const message = usageMessage(lang, problem);
  return {
    exitCode: EXIT.refused,
    text: `${labelled(lang, CLI_TEXT.error, message)}\n${translate(lang, CLI_TEXT.moreHelp)}`,
    json: JSON.stringify({ error: { code: 'USAGE', message, details: { ...problem } } }),
  };
}
