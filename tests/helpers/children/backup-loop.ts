/**
 * Child process for the kill-during-backup test: makes backups of the data folder's database in
 * a loop until it is killed, exactly as DatabaseSession.backup does (createBackup: VACUUM INTO a
 * temp name, verify, fsync, rename; then rotate). It skips the session itself only to start faster.
 *   node --import tsx tests/helpers/children/backup-loop.ts <dataDir>
 */
import { createBackup, rotateBackups } from '../../../src/core/backups/backup-store';
import { dataPaths } from '../../../src/core/db/data-paths';
import { openDatabase } from '../../../src/core/db/open-database';

const { dbFile, backupsDir } = dataPaths(process.argv[2] ?? '');
const db = openDatabase(dbFile);
let at = Date.now();
process.stdout.write('READY\n');
const loop = () => {
  at += 1000;
  const info = createBackup(db, backupsDir, 'manual', new Date(at), 1);
  rotateBackups(backupsDir, 1);
  process.stdout.write(`BACKUP ${info.id}\n`);
  setImmediate(loop);
};
loop();
