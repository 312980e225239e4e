import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupInfo, BackupKind } from '../../shared/rpc/contract';
import { fsyncDirectory, fsyncFile, openDatabase, quickCheck, readDatabaseHeader, type SqliteDb } from '../db/open-database';
import { mapSqliteError } from '../db/sqlite-errors';
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
    const header = readDatabaseHeader(path);
    if (header.kind === 'missing') return { ok: false, detail: 'missing' };
    if (header.kind !== 'sqlite') return { ok: false, detail: 'not a SQLite file' };
    if (header.isWal) return { ok: false, detail: 'not a rollback-journal file' };
    const db = openDatabase(path, { readonly: true });
    try {
      const problems = quickCheck(db);
      return problems.length === 0 ? { ok: true } : { ok: false, detail: problems.slice(0, 5).join('; ') };
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
 * VACUUM INTO a temp name (`.<id>.<pid>.tmp`, which never matches the backup pattern), verify,
 * fsync, then rename: a kill at any point never leaves a file with a final name that fails
 * verification, and a leftover temp file is never listed.
 * VACUUM INTO does not sync its output (SQLite docs), hence the explicit fsync before the rename.
 */
export function createBackup(db: SqliteDb, dir: string, kind: BackupKind, createdAt: Date, schemaVersion: number): BackupInfo {
  mkdirSync(dir, { recursive: true });
  const id = nextFreeId(dir, createdAt, kind, schemaVersion);
  const tmp = join(dir, `.${id}.${process.pid}.tmp`);
  rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const check = verifyBackupFile(tmp);
    if (!check.ok) throw new AppError('BACKUP_INVALID', `backup failed verification: ${check.detail}`);
    fsyncFile(tmp);
    renameSync(tmp, join(dir, id));
    fsyncDirectory(dir);
  } catch (error) {
    rmSync(tmp, { force: true });
    const mapped = mapSqliteError(error);
    if (mapped instanceof AppError && mapped.code === 'DISK_FULL') throw new AppError('DISK_FULL', 'not enough disk space for a backup');
    throw mapped;
  }
  const info = toInfo(dir, id);
  if (!info) throw new AppError('INTERNAL', 'backup vanished after writing');
  return info;
}

/**
 * Removes temp files (matching `pattern`) that a kill left behind. Only safe while none is being
 * written, i.e. when the session opens (one app instance owns the data folder).
 */
export function removeStaleTempFiles(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => pattern.test(n));
  for (const name of stale) rmSync(join(dir, name), { force: true });
  return stale;
}

/** Deletes the backups the rotation policy no longer keeps (never one of a schema newer than `appSchemaVersion`); returns the deleted ids. */
export function rotateBackups(dir: string, appSchemaVersion: number, policy?: RotationPolicy): string[] {
  const all = listBackups(dir).map((b) => ({ id: b.id, kind: b.kind, createdAt: new Date(b.createdAt), schemaVersion: b.schemaVersion }));
  const keep = backupsToKeep(all, policy, appSchemaVersion);
  const dropped = all.filter((b) => !keep.has(b.id)).map((b) => b.id);
  for (const id of dropped) rmSync(join(dir, id), { force: true });
  return dropped;
}
