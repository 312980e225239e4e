import { formatChinaTime } from '../../../shared/ui/format';

/**
 * The time stamp in a backup id (`shopdesk-20260801T020304005Z-pre-import-v2.sqlite`, see
 * BACKUP_ID_PATTERN in shared/rpc/domains/backups.ts). Matched here rather than imported: that
 * module builds zod schemas on load, and zod probes `new Function`, which the window's CSP
 * reports as a violation.
 */
const STAMP = /^shopdesk-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(?:daily|manual|pre-migration|pre-restore|pre-import|pre-undo)-v\d+(?:-\d+)?\.sqlite$/;

/** When a backup was taken, read from its id, as an ISO instant; null for anything that is not a backup id. */
export function backupTimeFromId(id: string): string | null {
  const match = STAMP.exec(id);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  const time = Date.parse(iso);
  // Date.parse accepts some out-of-range fields (it rolls them over); a real stamp round-trips.
  return Number.isNaN(time) || new Date(time).toISOString() !== iso ? null : iso;
}

/** A backup's time for people (China time), or its id when the id carries no time stamp. */
export function formatBackupTime(id: string): string {
  const iso = backupTimeFromId(id);
  return iso === null ? id : formatChinaTime(iso);
}
