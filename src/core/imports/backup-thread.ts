import { AppError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/rpc/domains/backups';
import { openDatabase } from '../db/open-database';
import { createBackup } from '../backups/backup-store';
import { spawnImportWorker } from './spawn-import-worker';
import type { BackupData, BackupReply } from './worker-protocol';

/*
 * The pre-import backup (VACUUM INTO a temp file, quick_check of the copy, fsync, rename) on a
 * connection of its own in the import worker's thread, not on the core's: at 500k lines it takes
 * 2–3 s, and on the core's thread it held the event loop that long before a re-export's import
 * (issue 14: never more than 50 ms during an import). A second connection's read transaction
 * sees the last commit, which is what the backup must hold: the import that follows has not
 * begun, and the core's own writes wait while an import is running (db/write-scheduler.ts).
 */

export type BackupRequest = Omit<BackupData, 'role' | 'createdAt'> & { createdAt: Date };

/** In the worker: makes the backup and says how it went (never throws). */
export function runBackup(data: BackupData): BackupReply {
  let db;
  try {
    db = openDatabase(data.dbPath, { readonly: true });
    return { ok: true, info: createBackup(db, data.dir, data.kind, new Date(data.createdAt), data.schemaVersion) };
  } catch (error) {
    const known = error instanceof AppError ? error : new AppError('INTERNAL', (error as Error).message);
    return { ok: false, code: known.code, message: known.message, details: known.details ?? null };
  } finally {
    db?.close();
  }
}

/** On the core: the backup made in a thread; its failure as the AppError createBackup threw. */
export function backupInThread(request: BackupRequest): Promise<BackupInfo> {
  const data: BackupData = { role: 'backup', ...request, createdAt: request.createdAt.toISOString() };
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = spawnImportWorker(data, []);
    worker.once('message', (reply: BackupReply) => {
      settled = true;
      if (reply.ok) resolve(reply.info);
      else reject(new AppError(reply.code, reply.message, reply.details ?? undefined));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new AppError('INTERNAL', `the backup thread stopped (exit code ${code})`));
    });
  });
}
