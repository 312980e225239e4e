import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { latestSchemaVersion } from '../../src/core/db/migrations/index';
import { quickCheck } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { openSession } from '../helpers/data-folder';
import { dumpFile, schemaOf, type SchemaRow } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const FIXTURES = fileURLToPath(new URL('../fixtures/db/', import.meta.url));
const SNAPSHOT = join(FIXTURES, 'schema-snapshot.json');

type Snapshot = { userVersion: number; objects: SchemaRow[] };

async function freshSchema(): Promise<Snapshot> {
  const session = await openSession(tempDir());
  const { sqlite } = session.require();
  const snapshot = { userVersion: sqlite.pragma('user_version', { simple: true }) as number, objects: schemaOf(sqlite) };
  await session.close();
  return snapshot;
}

describe('schema snapshot (STYLE.md point 14)', () => {
  it('a fresh database migrated to latest matches tests/fixtures/db/schema-snapshot.json', async () => {
    const actual = await freshSchema();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = existsSync(SNAPSHOT) ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot) : null;
    expect(
      actual,
      'The schema changed. If that is intended, review the diff, then run\n' +
        '  UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/db-schema.int.test.ts\n' +
        'and commit tests/fixtures/db/schema-snapshot.json. After a release, changes must be additive.',
    ).toEqual(expected);
  });
});

describe('migrating every released schema version (R22)', () => {
  const fixtures = readdirSync(FIXTURES)
    .filter((n) => /^v\d+\.sqlite$/.test(n))
    .sort((a, b) => Number(a.slice(1, -7)) - Number(b.slice(1, -7)));

  // A version gets its frozen fixture when it ships in a release (before that its migration may
  // still change). So fixtures run from v1 without gaps and never past the app's latest version.
  it('has frozen fixtures from v1 on, without gaps, none newer than the app', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    expect(
      fixtures,
      'Freeze a released schema version with: npx tsx tests/fixtures/db/make-db-fixture.ts <N> (add its seed rows there first)',
    ).toEqual(fixtures.map((_, i) => `v${i + 1}.sqlite`));
    expect(fixtures.length).toBeLessThanOrEqual(latestSchemaVersion());
  });

  it.each(fixtures)('%s migrates to latest: checks pass, data kept, schema equal to a fresh database', async (name) => {
    const dataDir = tempDir();
    const { dbFile } = dataPaths(dataDir);
    copyFileSync(join(FIXTURES, name), dbFile);
    const before = dumpFile(join(FIXTURES, name));
    expect(Object.values(before).flat().length, 'a fixture must hold data').toBeGreaterThan(0);

    const session = await openSession(dataDir);
    expect(session.current).toMatchObject({ mode: 'normal', schemaVersion: latestSchemaVersion() });
    const { sqlite } = session.require();
    expect(quickCheck(sqlite, true)).toEqual([]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const after = dumpFile(dbFile);
    // Every row the old version held is still there. A migration that deliberately rewrites old
    // rows gets its own test (STYLE.md point 14) and an exception here.
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(schemaOf(sqlite)).toEqual((await freshSchema()).objects);
    await session.close();
  });

  it('v1 settings, Chinese text included, read back through the core', async () => {
    const dataDir = tempDir();
    copyFileSync(join(FIXTURES, 'v1.sqlite'), dataPaths(dataDir).dbFile);
    const core = await createCore({ dataDir, log: silentLogger });
    expect(await core.call('settings.get', {})).toMatchObject({ language: 'zh-CN', theme: 'dark', startHidden: false });
    await core.close();
    const rows = dumpFile(dataPaths(dataDir).dbFile).settings?.map((r) => JSON.parse(r) as { key: string; value: string });
    expect(rows?.find((r) => r.key === 'shopName')?.value).toBe(JSON.stringify('小熊杂货铺 🧸（抖店）'));
  });
});
