import { BACKUP_ID_PATTERN, type BackupKind } from '../../shared/rpc/contract';

export type BackupName = { id: string; kind: BackupKind; createdAt: Date; schemaVersion: number };

const compact = (d: Date): string => d.toISOString().replace(/[-:.]/g, ''); // 20261122T203000123Z

export function formatBackupId(createdAt: Date, kind: BackupKind, schemaVersion: number, seq = 0): string {
  const suffix = seq > 0 ? `-${seq}` : '';
  return `shopdesk-${compact(createdAt)}-${kind}-v${schemaVersion}${suffix}.sqlite`;
}

export function parseBackupId(id: string): BackupName | null {
  const m = BACKUP_ID_PATTERN.exec(id);
  if (!m) return null;
  const [, stamp = '', kind = '', version = '0'] = m;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { id, kind: kind as BackupKind, createdAt, schemaVersion: Number(version) };
}
