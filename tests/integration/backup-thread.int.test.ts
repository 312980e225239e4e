import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, quickCheck } from '../../src/core/db/open-database';
import { backupInThread } from '../../src/core/imports/backup-thread';
import { AppError } from '../../src/shared/errors';
import { openSession } from '../helpers/data-folder';
import { dumpTables } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * Issue 14: "The core's event loop is never blocked more than 50 ms during an import" — the
 * pre-import backup (2–3 s at 500k lines) is made in the import worker's thread, on a connection
 * of its own. It must be the same verified backup the core's thread made, and fail the same way.
 */
const tempDir = useTempDirs();

describe('the pre-import backup in a thread', () => {
  it('holds the last commit, passes its check, is rotated like the others, and leaves the core free meanwhile', async () => {
    const session = await openSession(tempDir());
    const { sqlite } = session.require();
    sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('locale', '"en-US"', '2026-09-01T00:00:00.000Z')`).run();
    let turns = 0;
    let counting = true;
    const count = () => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const info = await session.backupWith('pre-import', backupInThread);
    counting = false;
    // The core's loop went on turning while the thread worked.
    expect(turns).toBeGreaterThan(1);
    expect(info.kind).toBe('pre-import');
    expect(session.listBackups().map((b) => b.id)).toContain(info.id);
    const copy = openDatabase(join(session.paths.backupsDir, info.id), { readonly: true });
    expect(quickCheck(copy)).toEqual([]);
    expect(dumpTables(copy)['settings']).toEqual(dumpTables(sqlite)['settings']);
    copy.close();
    await session.close();
  });

  it('fails as createBackup does, and writes nothing', async () => {
    const dataDir = tempDir();
    const session = await openSession(dataDir);
    const blocked = join(dataDir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const failure = backupInThread({ dbPath: session.paths.dbFile, dir: blocked, kind: 'pre-import', createdAt: new Date(), schemaVersion: 1 });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    expect(session.listBackups().filter((b) => b.kind === 'pre-import')).toEqual([]);
    await session.close();
  });
});
