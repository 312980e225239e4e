import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SetAsideNewer } from '../../shared/rpc/contract';
import { createBackup } from '../backups/backup-store';
import type { DataPaths } from './data-paths';
import { openDatabase } from './open-database';
import { quarantineDatabase } from './quarantine';

/** The temp copy's name in the data folder (DatabaseSession.open removes a leftover one, like the restore's staged copy). */
const newerCopyName = (pid: number): string => `.newer-${pid}.tmp`;

/**
 * A database written by a newer ShopDesk leaves its place only when the user chose so (start fresh,
 * restore an older backup, both say so first), and then it is kept twice:
 * - byte for byte, its -wal included, in `quarantine/<stamp>-newer-v<N>/`;
 * - as a verified `pre-restore` backup of schema N in `backups/`: the folder every version lists and
 *   restores from, so the newer app, once installed again, offers it under 设置 → 备份 (and in its
 *   recovery screen). The rotation never deletes a backup of a schema newer than the app's own.
 * The backup is made from a copy of our own (SQLite folds the newer app's -wal into the copy), so
 * the original is never opened by this older app. Nothing is moved unless the backup was made.
 */
export function setAsideNewerDatabase(paths: DataPaths, schemaVersion: number, at: Date): SetAsideNewer {
  const copy = join(paths.dataDir, newerCopyName(process.pid));
  const copies = [copy, `${copy}-wal`, `${copy}-shm`];
  for (const f of copies) rmSync(f, { force: true });
  try {
    copyFileSync(paths.dbFile, copy);
    if (existsSync(`${paths.dbFile}-wal`)) copyFileSync(`${paths.dbFile}-wal`, `${copy}-wal`);
    const db = openDatabase(copy);
    let backup;
    try {
      backup = createBackup(db, paths.backupsDir, 'pre-restore', at, schemaVersion);
    } finally {
      db.close();
    }
    const quarantinedTo = quarantineDatabase(paths.dbFile, paths.quarantineDir, at, `newer-v${schemaVersion}`);
    if (quarantinedTo === null) throw new Error('the newer database disappeared while it was set aside');
    return { quarantinedTo, backup, schemaVersion };
  } finally {
    for (const f of copies) rmSync(f, { force: true });
  }
}
