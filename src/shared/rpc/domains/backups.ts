import { z } from 'zod';

export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import', 'pre-undo'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * A backup's id is its file name: `shopdesk-<UTC yyyymmddThhmmssSSS Z>-<kind>-v<schema>[-n].sqlite`.
 * Never a path, so it cannot point outside the backups folder.
 */
export const BACKUP_ID_PATTERN =
  /^shopdesk-(\d{8}T\d{9}Z)-(daily|manual|pre-migration|pre-restore|pre-import|pre-undo)-v(\d+)(?:-(\d+))?\.sqlite$/;
export const backupIdSchema = z.string().max(120).regex(BACKUP_ID_PATTERN, 'not a backup id');

export type BackupInfo = {
  id: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  schemaVersion: number;
};

/**
 * Where a database from a newer ShopDesk went when the user replaced it: byte for byte into
 * `quarantinedTo`, and as `backup` (a verified backup of its schema) that the newer app lists.
 */
export type SetAsideNewer = { quarantinedTo: string; backup: BackupInfo; schemaVersion: number };

export type RestoreResult = { restored: BackupInfo; safetyBackup: BackupInfo | null; quarantinedTo: string | null; setAsideNewer: SetAsideNewer | null };

/** Said by the user (the confirm dialog names where it goes) before a newer app's database is set aside. */
export const setAsideNewerSchema = z.literal(true).optional();

export const backupMethods = {
  /** Backups in the data folder, newest first. In recovery mode only verified ones are listed. */
  'backups.list': z.object({}).strict(),
  /** Makes a verified manual backup now; emits `backups.created`. */
  'backups.create': z.object({}).strict(),
  /**
   * Replaces the database with a verified backup. A `pre-restore` backup of the current state is
   * taken first (when there is a readable database); otherwise the old files go to `quarantine/`.
   * The database of a newer ShopDesk (recovery DB_NEWER_THAN_APP) is replaced only with
   * `setAsideNewer: true`, else DB_NEWER_THAN_APP (details.needsConfirmation); it is then kept as
   * `setAsideNewer` says. A failure after the database was closed reopens the previous one
   * (RESTORE_FAILED, details.cause).
   * Errors: BACKUP_NOT_FOUND, BACKUP_INVALID, DB_NEWER_THAN_APP, RESTORE_FAILED. Emits `backups.restored`.
   */
  'backups.restore': z.object({ id: backupIdSchema, setAsideNewer: setAsideNewerSchema }).strict(),
} as const;

export type BackupResults = {
  'backups.list': BackupInfo[];
  'backups.create': BackupInfo;
  'backups.restore': RestoreResult;
};

export type BackupEvents = {
  'backups.created': BackupInfo;
  'backups.restored': RestoreResult;
};
