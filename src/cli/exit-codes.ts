import type { AppErrorCode } from '../shared/errors';

export const EXIT = { ok: 0, failed: 1, refused: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * 2 when the app understood the request and refused it (bad input, missing backup, a database it
 * must not touch, a full disk); 1 when something broke inside. A record, so a new error code
 * cannot be added without deciding which it is.
 */
const EXIT_BY_CODE: Record<AppErrorCode, ExitCode> = {
  VALIDATION: EXIT.refused,
  NOT_FOUND: EXIT.refused,
  FORBIDDEN: EXIT.refused,
  RECOVERY_MODE: EXIT.refused,
  DB_NEWER_THAN_APP: EXIT.refused,
  DB_CORRUPT: EXIT.refused,
  DB_MIGRATION_FAILED: EXIT.refused,
  DB_READONLY: EXIT.refused,
  DB_BUSY: EXIT.refused,
  DISK_FULL: EXIT.refused,
  BACKUP_NOT_FOUND: EXIT.refused,
  BACKUP_INVALID: EXIT.refused,
  DATA_DIR_UNUSABLE: EXIT.refused,
  DATA_FOLDER_LOCKED: EXIT.refused,
  DATA_DIR_MISSING: EXIT.refused,
  NO_DATABASE: EXIT.refused,
  RESTORE_FAILED: EXIT.failed,
  UNKNOWN_METHOD: EXIT.failed,
  INTERNAL: EXIT.failed,
  TRANSPORT_CLOSED: EXIT.failed,
  CORE_STOPPED: EXIT.failed,
};

export const exitCodeFor = (code: AppErrorCode): ExitCode => EXIT_BY_CODE[code];
