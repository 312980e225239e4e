import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { makeRng } from '../fixtures/douyin/generator';
import { writeOrdersExport } from '../bench/write-export';
import { useTempDirs } from '../helpers/temp-dir';
import { killAndWait, spawnTs } from '../helpers/ts-child';

const tempDir = useTempDirs();
const CHILD = fileURLToPath(new URL('../helpers/children/import-file.ts', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../fixtures/douyin/1791213782_3edeb47b86bdb5b9.csv', import.meta.url));
const LINES = 6_000;
const KILLS = 10;
/** Rounds held mid-write until the kill. */
const HELD_ROUNDS = 3;

/** What is on disk after the kill, read without the app: checks, and how many lines / imports. */
function onDisk(dbFile: string) {
  const db = openDatabase(dbFile);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: db.pragma('foreign_key_check'),
      imports: db.prepare('SELECT lines, inserted FROM imports ORDER BY id').all() as { lines: number; inserted: number }[],
      lines: db.prepare('SELECT count(*) FROM order_lines').pluck().get() as number,
      // The data tables reference imports without a FOREIGN KEY clause (bulk speed): checked here.
      orphans: db
        .prepare('SELECT count(*) FROM order_lines WHERE first_import_id NOT IN (SELECT id FROM imports) OR last_import_id NOT IN (SELECT id FROM imports)')
        .pluck()
        .get() as number,
    };
  } finally {
    db.close();
  }
}

describe('kill -9 during an import (R13)', () => {
  let template = '';
  let big = '';
  beforeAll(async () => {
    const dir = tempDir();
    template = join(dir, 'template');
    mkdirSync(template);
    const core = await createCore({ dataDir: template, log: silentLogger, imports: { pipeline: 'one-thread' } });
    const sample = join(dir, 'sample.csv');
    copyFileSync(SAMPLE, sample);
    await core.call('imports.run', { jobId: 'template-job', sources: [{ type: 'path', path: sample }] });
    await core.close();
    big = join(dir, '1791213800_big.csv');
    await writeOrdersExport(big, LINES, 17);
  });

  it(`leaves an intact database with all of the file or none of it (${KILLS} kills at random points)`, { timeout: 180_000 }, async () => {
    const rnd = makeRng(2026);
    const seen = { none: 0, all: 0 };
    for (let k = 0; k < KILLS; k += 1) {
      const dataDir = tempDir();
      mkdirSync(join(dataDir, 'backups'), { recursive: true });
      copyFileSync(dataPaths(template).dbFile, dataPaths(dataDir).dbFile);
      // The first rounds are held mid-write until killed (surely none of the file), the last one
      // runs to its end (surely all of it); between them the kill lands at a random moment: most
      // while lines are written (after the first progress with lines), some at the start (hashing,
      // backup) and some late (commit, checkpoint). Either outcome is right for those.
      const held = k < HELD_ROUNDS;
      const child = spawnTs(CHILD, held ? [dataDir, big, 'hold'] : [dataDir, big]);
      await child.waitForLine(/^STARTED/);
      if (held) await child.waitForLine(/^HELD$/);
      else if (k === KILLS - 1) await child.waitForLine(/^DONE /);
      else {
        if (k % 4 !== 3) await child.waitForLine(/^PROGRESS importing [1-9]/).catch(() => undefined);
        await new Promise((r) => setTimeout(r, Math.floor(rnd() * (k % 4 === 3 ? 300 : 600))));
      }
      await killAndWait(child);
      const state = onDisk(dataPaths(dataDir).dbFile);
      expect(state.integrity).toBe('ok');
      expect(state.foreignKeys).toEqual([]);
      expect(state.orphans).toBe(0);
      if (held) expect(state.imports, 'killed mid-write').toHaveLength(1);
      if (k === KILLS - 1) expect(state.imports, 'killed after its end').toHaveLength(2);
      if (state.imports.length === 1) {
        expect(state.lines).toBe(5);
        seen.none += 1;
      } else {
        expect(state.imports).toHaveLength(2);
        expect(state.lines).toBe(5 + state.imports[1]!.inserted);
        expect(state.imports[1]!.lines).toBe(LINES);
        seen.all += 1;
      }
    }
    expect(seen.none + seen.all).toBe(KILLS);
  });
});
