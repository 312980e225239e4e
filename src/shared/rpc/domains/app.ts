import { z } from 'zod';
import type { AppErrorCode } from '../../errors';
import { setAsideNewerSchema, type SetAsideNewer } from './backups';

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
  /** The log file a user can send when something fails (`logs/shopdesk.log` in the data folder; no personal data in it). */
  logFile: string;
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

const empty = z.object({}).strict();

export const appMethods = {
  /** Where the app stands: normal or recovery mode, versions, data folder, current time. */
  'app.status': empty,
  /** Runs `quick_check` (or the full `integrity_check`) and `foreign_key_check`. */
  'db.check': z.object({ full: z.boolean().optional() }).strict(),
  /**
   * Recovery mode only: start with a new empty database; the damaged file stays in quarantine. A
   * newer app's database is set aside only with `setAsideNewer: true` (see backups.restore).
   */
  'recovery.startFresh': z.object({ setAsideNewer: setAsideNewerSchema }).strict(),
  /** Browser harness only (FORBIDDEN elsewhere): move the core's clock; `null` returns to real time. */
  'testing.setTime': z.object({ at: z.iso.datetime({ offset: true }).nullable() }).strict(),
} as const;

export type AppResults = {
  'app.status': AppStatus;
  'db.check': DbCheck;
  'recovery.startFresh': AppStatus & { setAsideNewer: SetAsideNewer | null };
  'testing.setTime': { now: string };
};

export type AppEvents = {
  'app.statusChanged': AppStatus;
};
