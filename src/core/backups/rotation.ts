import type { BackupKind } from '../../shared/rpc/contract';
import { chinaDate, chinaMonth, chinaWeekStart } from '../../shared/domain/china-time';

export type RotationPolicy = {
  daily: number;
  weekly: number;
  monthly: number;
  /** How many of each manual / pre-operation kind to keep. */
  perOperationKind: number;
};

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, perOperationKind: 10 };

type Dated = { id: string; kind: BackupKind; createdAt: Date; schemaVersion?: number };

/**
 * Which backups to keep: a pure function of the list and the policy, so it can be property-tested.
 * Automatic (daily) backups thin out with age — the newest per China day for `daily` days, then
 * per week, then per month (grandfather-father-son). Manual and pre-operation backups keep their
 * newest N per kind. The newest backup of all is always kept, and so is every backup of a schema
 * newer than `appSchemaVersion`: a newer app's data set aside here (db/newer-database.ts) is not
 * this app's to judge, and the newer app finds it in this folder.
 */
export function backupsToKeep(backups: readonly Dated[], policy: RotationPolicy = DEFAULT_ROTATION, appSchemaVersion = Number.POSITIVE_INFINITY): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].id);
  for (const b of newestFirst) if ((b.schemaVersion ?? 0) > appSchemaVersion) keep.add(b.id);

  const daily = newestFirst.filter((b) => b.kind === 'daily');
  const buckets: [(d: Date) => string, number][] = [
    [chinaDate, policy.daily],
    [chinaWeekStart, policy.weekly],
    [chinaMonth, policy.monthly],
  ];
  for (const [bucketOf, limit] of buckets) {
    const seen = new Set<string>();
    for (const b of daily) {
      const bucket = bucketOf(b.createdAt);
      if (seen.has(bucket)) continue;
      if (seen.size >= limit) break;
      seen.add(bucket);
      keep.add(b.id);
    }
  }

  const counts = new Map<BackupKind, number>();
  for (const b of newestFirst) {
    if (b.kind === 'daily') continue;
    const n = counts.get(b.kind) ?? 0;
    if (n < policy.perOperationKind) keep.add(b.id);
    counts.set(b.kind, n + 1);
  }
  return keep;
}
