/**
 * The closed set of error codes that may cross the protocol. The UI translates each one
 * (see renderer locales `errors.*`); the CLI prints the same translations.
 */
export const APP_ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'FORBIDDEN',
  'INTERNAL',
  'TRANSPORT_CLOSED',
  'CORE_STOPPED',
  'RECOVERY_MODE',
  'DB_NEWER_THAN_APP',
  'DB_CORRUPT',
  'DB_MIGRATION_FAILED',
  'DB_READONLY',
  'DB_BUSY',
  'DISK_FULL',
  'BACKUP_NOT_FOUND',
  'BACKUP_INVALID',
  'RESTORE_FAILED',
  'DATA_DIR_UNUSABLE',
  'DATA_FOLDER_LOCKED',
  'DATA_DIR_MISSING',
  'NO_DATABASE',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type AppErrorData = {
  code: AppErrorCode;
  message: string;
  details?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const isAppErrorCode = (value: unknown): value is AppErrorCode =>
  typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value);

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
