import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listBackups, verifyBackupFile } from '../../src/core/backups/backup-store';
import { BACKUP_ID_PATTERN } from '../../src/shared/rpc/contract';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase, quickCheck } from '../../src/core/db/open-database';
import { openSession } from '../helpers/data-folder';
import { seedSettingsRows, sizeOf } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';
import { killAndWait, spawnTs } from '../helpers/ts-child';

const tempDir = useTempDirs();
const KILLS = 10;

describe('kill -9 during backups (R18)', () => {
  let dataDir = '';
  beforeAll(async () => {
    // A ledger of ~12 MB, so one backup (VACUUM INTO, verify, fsync) takes ~0.1 s and a random
    // kill usually lands inside one; small enough to keep the test quick on 2 cores.
    dataDir = tempDir();
    const session = await openSession(dataDir);
    seedSettingsRows(session.require().sqlite, 'bulk', 11_000, 1000);
    await session.close();
  });

  it(`never leaves a file with a backup name that fails verification (${KILLS} kills, most at random moments)`, async () => {
    const { dbFile, backupsDir } = dataPaths(dataDir);
    expect(sizeOf(dbFile)).toBeGreaterThan(10 * 1024 * 1024);
    let killedWithTempFile = 0;
    let completedBackups = 0;
    const verified = new Set<string>(); // a verified file is not re-read each round
    for (let round = 0; round < KILLS; round += 1) {
      // The first round is killed after a backup completed, the last one surely inside a backup
      // (held after VACUUM INTO wrote its temp file); the rounds between at a random moment.
      const last = round === KILLS - 1;
      const child = spawnTs('tests/helpers/children/backup-loop.ts', last ? [dataDir, 'hold'] : [dataDir]);
      await child.waitForLine(/^READY$/);
      if (round === 0) await child.waitForLine(/^BACKUP /);
      else if (last) await child.waitForLine(/^HELD$/);
      else await new Promise((r) => setTimeout(r, Math.random() * 250));
      await killAndWait(child, 'SIGKILL');

      const names = readdirSync(backupsDir);
      const temp = names.filter((n) => n.endsWith('.tmp'));
      if (temp.length > 0) killedWithTempFile += 1;
      const finalNames = names.filter((n) => BACKUP_ID_PATTERN.test(n));
      for (const name of finalNames.filter((n) => !verified.has(n))) {
        expect(verifyBackupFile(join(backupsDir, name)), name).toEqual({ ok: true });
        verified.add(name);
      }
      expect(listBackups(backupsDir).map((b) => b.id).sort()).toEqual(finalNames.sort());
      completedBackups = Math.max(completedBackups, finalNames.length);
      // Keep one leftover for the final check of the session's clean-up; clear the rest so the
      // next round's count of "killed mid-backup" means that round.
      if (!last) for (const name of temp) rmSync(join(backupsDir, name));
    }
    // The kills really landed inside backups, and backups really completed between them.
    expect(killedWithTempFile).toBeGreaterThan(0);
    expect(readdirSync(backupsDir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    expect(completedBackups).toBeGreaterThan(0);

    const db = openDatabase(dbFile, { readonly: true });
    expect(quickCheck(db)).toEqual([]);
    db.close();
    // The next start clears what the kills left behind.
    const session = await openSession(dataDir);
    expect(readdirSync(backupsDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await session.close();
  });
});
