import type { ImportFailureCode } from '../../shared/rpc/domains/imports';

/** A writer's SQLite error code as the import failure the user is shown. */
export function failureCode(sqliteCode: string | undefined): ImportFailureCode {
  if (sqliteCode === undefined) return 'INTERNAL';
  if (sqliteCode.startsWith('SQLITE_FULL') || sqliteCode === 'ENOSPC') return 'DISK_FULL';
  if (sqliteCode.startsWith('SQLITE_BUSY') || sqliteCode.startsWith('SQLITE_LOCKED')) return 'DB_BUSY';
  if (sqliteCode.startsWith('SQLITE_READONLY') || sqliteCode.startsWith('SQLITE_CANTOPEN')) return 'DB_READONLY';
  return 'INTERNAL';
}
