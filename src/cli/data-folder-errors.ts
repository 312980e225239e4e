import { statSync } from 'node:fs';
import { AppError, isAppError } from '../shared/errors';
import { dataDirMissingText, dataFolderLockedText, noDatabaseText, type DataDirSource } from '../shared/i18n/data-folder-messages';
import type { Locale } from '../shared/i18n/error-messages';
import type { CliLang } from './command';
import { localeOf } from './cli-text';
import { EXIT, type ExitCode } from './exit-codes';

/** Where `--data-dir` came from, so a refusal names what the user typed. */
export const dataDirSource = (flag: string | undefined, env: NodeJS.ProcessEnv): DataDirSource =>
  flag ? 'flag' : env.SHOPDESK_DATA_DIR ? 'env' : 'default';

/**
 * A folder the user named (`--data-dir`, SHOPDESK_DATA_DIR) must exist: a mistyped path would
 * otherwise start an empty shop somewhere else. The default folder is created on first use.
 */
export function requireNamedDataDir(dataDir: string, source: DataDirSource): void {
  if (source === 'default') return;
  let isDir: boolean;
  try {
    isDir = statSync(dataDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new AppError('DATA_DIR_MISSING', `data folder ${dataDir} does not exist`, { dataDir, source });
}

const sentence = (error: AppError, locale: Locale): string | null => {
  const dataDir = String(error.details?.dataDir ?? '');
  const source = (error.details?.source as DataDirSource | undefined) ?? 'default';
  switch (error.code) {
    case 'DATA_FOLDER_LOCKED':
      return dataFolderLockedText(error.details?.holder, locale);
    case 'DATA_DIR_MISSING':
      return dataDirMissingText(dataDir, source, locale);
    case 'NO_DATABASE':
      return noDatabaseText(dataDir, locale);
    default:
      return null;
  }
};

/**
 * The data folder cannot be opened (another program holds it, it does not exist, it has no
 * database): one line in both languages, since the user may not have reached `--lang` yet.
 */
export function dataFolderReport(error: unknown, lang: CliLang): { exitCode: ExitCode; text: string; json: string } | null {
  if (!isAppError(error)) return null;
  const zh = sentence(error, 'zh-CN');
  const en = sentence(error, 'en-US');
  if (zh === null || en === null) return null;
  return {
    exitCode: EXIT.refused,
    text: `错误：${zh} / Error: ${en}`,
    json: JSON.stringify({ error: { code: error.code, message: localeOf(lang) === 'zh-CN' ? zh : en, details: error.details } }),
  };
}
