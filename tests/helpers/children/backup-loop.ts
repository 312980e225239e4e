/**
 * Child process for the kill-during-backup test: makes backups of the data folder's database in
 * a loop until it is killed, exactly as DatabaseSession.backup does (createBackup: VACUUM INTO a
 * temp name, verify, fsync, rename; then rotate). It skips the session itself only to start faster.
 * With `hold`, the first backup stops for good once VACUUM INTO has written its temp file (before
 * verify and rename) and prints HELD: a kill then surely lands inside a backup, however busy the machine.
 *   node --import tsx tests/helpers/children/backup-loop.ts <dataDir> [hold]
 */
import { writeSync } from 'node:fs';
import { createBackup, rotateBackups } from '../../../src/core/backups/backup-store';
import { dataPaths } from '../../../src/core/db/data-paths';
import { openDatabase, type SqliteDb } from '../../../src/core/db/open-database';

/** The connection as createBackup sees it, with a pause point right after its VACUUM INTO. */
function holdingAfterVacuum(db: SqliteDb): SqliteDb {
  return new Proxy(db, {
    get(target, property) {
      if (property !== 'prepare') return Reflect.get(target, property, target) as unknown;
      return (source: string) => {
        const statement = target.prepare(source);
        if (!source.startsWith('VACUUM INTO')) return statement;
        return new Proxy(statement, {
          get(inner, name) {
            if (name !== 'run') return Reflect.get(inner, name, inner) as unknown;
            return (...params: unknown[]) => {
              const result = inner.run(...params);
              writeSync(1, 'HELD\n');
              Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
              return result;
            };
          },
        });
      };
    },
  });
}

const { dbFile, backupsDir } = dataPaths(process.argv[2] ?? '');
const opened = openDatabase(dbFile);
const db = process.argv[3] === 'hold' ? holdingAfterVacuum(opened) : opened;
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
