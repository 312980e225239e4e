import { existsSync, mkdirSync, statSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import type { LockHolderKind } from '../../shared/i18n/data-folder-messages';
import { DataFolderLock } from './data-folder-lock';
import { dataPaths } from './data-paths';

export type ClaimOptions = {
  opener: LockHolderKind;
  /** Read-only openers: a missing folder or database is refused, never created. */
  existingOnly: boolean;
  now: Date;
};

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The first thing any host does with a data folder: make sure it may (the folder exists, or may
 * be created) and take its lock. Only after this do the session's clean-up, checks, quarantine and
 * migrations run, so none of them can happen under another running opener.
 * Errors: DATA_DIR_MISSING / NO_DATABASE (existingOnly), DATA_DIR_UNUSABLE, DATA_FOLDER_LOCKED.
 */
export function claimDataFolder(dataDir: string, options: ClaimOptions): DataFolderLock {
  if (options.existingOnly) {
    if (!isDirectory(dataDir)) throw new AppError('DATA_DIR_MISSING', `data folder ${dataDir} does not exist`, { dataDir });
    if (!existsSync(dataPaths(dataDir).dbFile)) throw new AppError('NO_DATABASE', `no database in ${dataDir}`, { dataDir });
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    return DataFolderLock.acquire(dataDir, options.opener, options.now);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('DATA_DIR_UNUSABLE', `data folder ${dataDir} cannot be used: ${(error as Error).message}`, { dataDir });
  }
}
