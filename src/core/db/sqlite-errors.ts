import { AppError, type AppErrorCode } from '../../shared/errors';

// Prefixes, so extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_VTAB …) map too.
const BY_SQLITE_CODE: [prefix: string, code: AppErrorCode][] = [
  ['SQLITE_FULL', 'DISK_FULL'],
  ['SQLITE_READONLY', 'DB_READONLY'],
  ['SQLITE_CANTOPEN', 'DB_READONLY'],
  ['SQLITE_BUSY', 'DB_BUSY'],
  ['SQLITE_LOCKED', 'DB_BUSY'],
  ['SQLITE_CORRUPT', 'DB_CORRUPT'],
  ['SQLITE_NOTADB', 'DB_CORRUPT'],
];

// Node's fs errors met while writing backups, staging a restore or exporting (exact codes).
const BY_ERRNO: [errno: string, code: AppErrorCode][] = [
  ['ENOSPC', 'DISK_FULL'],
  ['EDQUOT', 'DISK_FULL'],
  ['EROFS', 'DB_READONLY'],
];

/** Turns a better-sqlite3 or fs error into the protocol's typed error; anything else passes through. */
export function mapSqliteError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const match = code.startsWith('SQLITE_') ? BY_SQLITE_CODE.find(([prefix]) => code.startsWith(prefix)) : BY_ERRNO.find(([errno]) => errno === code);
  if (!match) return error;
  const message = error instanceof Error ? error.message : code;
  return new AppError(match[1], message, code.startsWith('SQLITE_') ? { sqliteCode: code } : { errno: code });
}
