import { AppError, type AppErrorCode } from '../../shared/errors';

const BY_SQLITE_CODE: [prefix: string, code: AppErrorCode][] = [
  ['SQLITE_FULL', 'DISK_FULL'],
  ['SQLITE_READONLY', 'DB_READONLY'],
  ['SQLITE_CANTOPEN', 'DB_READONLY'],
  ['SQLITE_BUSY', 'DB_BUSY'],
  ['SQLITE_LOCKED', 'DB_BUSY'],
  ['SQLITE_CORRUPT', 'DB_CORRUPT'],
  ['SQLITE_NOTADB', 'DB_CORRUPT'],
];

/** Turns a better-sqlite3 error into the protocol's typed error; anything else passes through. */
export function mapSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const match = BY_SQLITE_CODE.find(([prefix]) => code.startsWith(prefix));
  if (!match) return error;
  return new AppError(match[1], (error as Error).message, { sqliteCode: code });
}
