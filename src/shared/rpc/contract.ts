import { z } from 'zod';
import type { AppErrorCode } from '../errors';

/*
 * The one contract between the core and every host. A method is `domain.verb`, an event
 * `domain.pastTense`. Add a method here (schema + result type); the compiler then finds the
 * missing handler in the core and every caller that needs updating.
 */

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * A backup's id is its file name: `shopdesk-<UTC yyyymmddThhmmssSSS Z>-<kind>-v<schema>[-n].sqlite`.
 * Never a path, so it cannot point outside the backups folder.
 */
export const BACKUP_ID_PATTERN =
  /^shopdesk-(\d{8}T\d{9}Z)-(daily|manual|pre-migration|pre-restore|pre-import)-v(\d+)(?:-(\d+))?\.sqlite$/;
export const backupIdSchema = z.string().max(120).regex(BACKUP_ID_PATTERN, 'not a backup id');

const empty = z.object({}).strict();

export const methodSchemas = {
  /** Where the app stands: normal or recovery mode, versions, data folder, current time. */
  'app.status': empty,
  /** The user's preferences (language, theme, start at login …). */
  'settings.get': empty,
  /** Changes some preferences; emits `settings.changed`. */
  'settings.update': z
    .object({
      language: z.enum(LANGUAGES).optional(),
      theme: z.enum(THEMES).optional(),
      startAtLogin: z.boolean().optional(),
      startHidden: z.boolean().optional(),
      closeToTrayExplained: z.boolean().optional(),
    })
    .strict(),
  /** Runs `quick_check` (or the full `integrity_check`) and `foreign_key_check`. */
  'db.check': z.object({ full: z.boolean().optional() }).strict(),
  /** Backups in the data folder, newest first. In recovery mode only verified ones are listed. */
  'backups.list': empty,
  /** Makes a verified manual backup now; emits `backups.created`. */
  'backups.create': empty,
  /**
   * Replaces the database with a verified backup. A `pre-restore` backup of the current state is
   * taken first (when there is a readable database); the old files are moved to `quarantine/`.
   * Errors: BACKUP_NOT_FOUND, BACKUP_INVALID. Emits `backups.restored`.
   */
  'backups.restore': z.object({ id: backupIdSchema }).strict(),
  /** Recovery mode only: start with a new empty database; the damaged file stays in quarantine. */
  'recovery.startFresh': empty,
  /** Browser harness only (FORBIDDEN elsewhere): move the core's clock; `null` returns to real time. */
  'testing.setTime': z.object({ at: z.iso.datetime({ offset: true }).nullable() }).strict(),
} as const;

export type Method = keyof typeof methodSchemas;
export type ParamsOf<M extends Method> = z.input<(typeof methodSchemas)[M]>;
/** Params as a handler receives them, after the dispatcher has parsed them. */
export type ParsedParamsOf<M extends Method> = z.output<(typeof methodSchemas)[M]>;

export type Settings = {
  language: Language;
  theme: Theme;
  startAtLogin: boolean;
  startHidden: boolean;
  closeToTrayExplained: boolean;
};

export type RecoveryInfo = {
  reason: Extract<AppErrorCode, 'DB_CORRUPT' | 'DB_NEWER_THAN_APP' | 'DB_MIGRATION_FAILED'>;
  /** Folder the damaged files were moved to (DB_CORRUPT only); nothing is ever deleted. */
  quarantinedTo: string | null;
  detail: string;
};

export type AppStatus = {
  mode: 'normal' | 'recovery';
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  dbPath: string;
  /** ISO instant of the core's clock (moved in the harness by `testing.setTime`). */
  now: string;
  recovery: RecoveryInfo | null;
};

export type DbCheck = {
  integrity: 'ok' | 'failed';
  problems: string[];
  foreignKeyProblems: number;
  schemaVersion: number;
  sizeBytes: number;
  checkedAt: string;
};

export type BackupInfo = {
  id: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  schemaVersion: number;
};

export type RestoreResult = { restored: BackupInfo; safetyBackup: BackupInfo | null; quarantinedTo: string | null };

export type Results = {
  'app.status': AppStatus;
  'settings.get': Settings;
  'settings.update': Settings;
  'db.check': DbCheck;
  'backups.list': BackupInfo[];
  'backups.create': BackupInfo;
  'backups.restore': RestoreResult;
  'recovery.startFresh': AppStatus;
  'testing.setTime': { now: string };
};

export type Api = { [M in Method]: { params: ParamsOf<M>; result: Results[M] } };

/** Pushes from the core. */
export type Events = {
  'settings.changed': Settings;
  'backups.created': BackupInfo;
  'backups.restored': RestoreResult;
  'app.statusChanged': AppStatus;
};
export type EventName = keyof Events;
export const EVENT_NAMES = ['settings.changed', 'backups.created', 'backups.restored', 'app.statusChanged'] as const satisfies readonly EventName[];

/** Methods that work while the database is unusable (recovery mode). */
export const RECOVERY_METHODS: readonly Method[] = ['app.status', 'settings.get', 'backups.list', 'backups.restore', 'recovery.startFresh', 'testing.setTime'];

export const isMethod = (name: string): name is Method => Object.hasOwn(methodSchemas, name);
