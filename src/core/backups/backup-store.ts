import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupInfo, BackupKind } from '../../shared/rpc/contract';
import type { SqliteDb } from '../db/open-database';
import { formatBackupId, parseBackupId } from './backup-names';
import { backupsToKeep, type RotationPolicy } from './rotation';

const toInfo = (dir: string, id: string): BackupInfo | null => {
  const name = parseBackupId(id);
  if (!name) return null;
  try {
    const { size } = statSync(join(dir, id));
    return { id, kind: name.kind, createdAt: name.createdAt.toISOString(), sizeBytes: size, schemaVersion: name.schemaVersion };
  } catch {
    return null;
  }
};

/** Backups in the folder, newest first. Temp files and foreign files are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((id) => toInfo(dir, id))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/**
 * A backup is good when it is a self-contained rollback-journal file (header bytes 18–19 = 1,1:
 * opening it creates no -wal/-shm) and passes quick_check.
 */
export function verifyBackupFile(path: string): { ok: true } | { ok: false; detail: string } {
  try {
    const header = Buffer.alloc(20);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 20, 0);
    } finally {
      closeSync(fd);
    }
    if (header.subarray(0, 15).toString('latin1') !== 'SQLite format 3') return { ok: false, detail: 'not a SQLite file' };
    if (header[18] !== 1 || header[19] !== 1) return { ok: false, detail: 'not a rollback-journal file' };
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      const bad = rows.filter((r) => r.quick_check !== 'ok');
      return bad.length === 0 ? { ok: true } : { ok: false, detail: bad.map((r) => r.quick_check).join('; ') };
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

const nextFreeId = (dir: string, createdAt: Date, kind: BackupKind, schemaVersion: number): string => {
  for (let seq = 0; ; seq += 1) {
    const id = formatBackupId(createdAt, kind, schemaVersion, seq);
    try {
      statSync(join(dir, id));
    } catch {
      return id;
    }
  }
};

/**
 * VACUUM INTO a temp name, verify, then rename: a kill at any point never leaves a file with a
 * final name that fails verification. The temp name does not match the backup pattern, so a
 * leftover is never listed.
 */
export function createBackup(db: SqliteDb, dir: string, kind: BackupKind, createdAt: Date, schemaVersion: number): BackupInfo {
  mkdirSync(dir, { recursive: true });
  const id = nextFreeId(dir, createdAt, kind, schemaVersion);
  const tmp = join(dir, `.${id}.tmp`);
  rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const check = verifyBackupFile(tmp);
    if (!check.ok) throw new AppError('BACKUP_INVALID', `backup failed verification: ${check.detail}`);
    renameSync(tmp, join(dir, id));
  } catch (error) {
    rmSync(tmp, { force: true });
    if ((error as { code?: string }).code === 'SQLITE_FULL' || (error as { code?: string }).code === 'ENOSPC') {
      throw new AppError('DISK_FULL', 'not enough disk space for a backup');
    }
    throw error;
  }
  const info = toInfo(dir, id);
  if (!info) throw new AppError('INTERNAL', 'backup vanished after writing');
  return info;
}

/** Deletes the backups the rotation policy no longer keeps; returns the deleted ids. */
export function rotateBackups(dir: string, policy?: RotationPolicy): string[] {
  const all = listBackups(dir).map((b) => ({ id: b.id, kind: b.kind, createdAt: new Date(b.createdAt) }));
  const keep = backupsToKeep(all, policy);
  const dropped = all.filter((b) => !keep.has(b.id)).map((b) => b.id);
  for (const id of dropped) rmSync(join(dir, id), { force: true });
  return dropped;
}
