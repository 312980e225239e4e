import type { BackupKind } from '../shared/rpc/contract';
import type { Text } from './command';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** `2026-11-22 20:30:05` in China time, whatever the computer's zone (business days are China days). */
export const chinaDateTime = (iso: string): string =>
  new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const BACKUP_KIND_TEXT: Record<BackupKind, Text> = {
  daily: { zh: '每日自动', en: 'daily' },
  manual: { zh: '手动', en: 'manual' },
  'pre-migration': { zh: '升级前', en: 'before upgrade' },
  'pre-restore': { zh: '恢复前', en: 'before restore' },
  'pre-import': { zh: '导入前', en: 'before import' },
  'pre-undo': { zh: '撤销导入前', en: 'before undoing an import' },
};
