import { Kysely, SqliteDialect, sql } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { migrateToLatest, readUserVersion } from './migrate';
import type { Migration } from './migrations/index';
import { openDatabase, type SqliteDb } from './open-database';

const tempDir = useTempDirs();

const tableNames = (sqlite: SqliteDb) =>
  sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];

function database() {
  const sqlite = openDatabase(join(tempDir(), 'm.sqlite'));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}

const createTable = (version: number, table: string): Migration => ({
  version,
  name: `${String(version).padStart(4, '0')}-${table}`,
  up: async (db) => {
    await db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey()).execute();
  },
});

const halfDone = (version: number): Migration => ({
  version,
  name: `${String(version).padStart(4, '0')}-half-done`,
  up: async (db) => {
    await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
    await sql`INSERT INTO half_done (id) VALUES (1)`.execute(db);
    throw new Error('planned failure half-way');
  },
});

describe('migrateToLatest (R21)', () => {
  it('applies pending migrations in order and records each as user_version', async () => {
    const { sqlite, db } = database();
    expect(await migrateToLatest(db, [createTable(2, 'b'), createTable(1, 'a')])).toEqual({ from: 0, to: 2, applied: ['0001-a', '0002-b'] });
    expect(await migrateToLatest(db, [createTable(1, 'a'), createTable(2, 'b')])).toEqual({ from: 2, to: 2, applied: [] });
    expect(tableNames(sqlite)).toEqual(['a', 'b']);
    await db.destroy();
  });

  it('rolls a failing migration back whole: previous version, no partial table, then a fixed run succeeds', async () => {
    const { sqlite, db } = database();
    await expect(migrateToLatest(db, [createTable(1, 'a'), halfDone(2)])).rejects.toMatchObject({
      code: 'DB_MIGRATION_FAILED',
      details: { migration: '0002-half-done' },
    });
    expect(await readUserVersion(db)).toBe(1);
    expect(tableNames(sqlite)).toEqual(['a']);
    expect(sqlite.inTransaction).toBe(false);
    expect(await migrateToLatest(db, [createTable(1, 'a'), createTable(2, 'half_done')])).toMatchObject({ from: 1, to: 2 });
    expect(tableNames(sqlite)).toEqual(['a', 'half_done']);
    await db.destroy();
  });

  it('refuses a database newer than its list, changing nothing', async () => {
    const { sqlite, db } = database();
    sqlite.pragma('user_version = 5');
    await expect(migrateToLatest(db, [createTable(1, 'a')])).rejects.toMatchObject({ code: 'DB_NEWER_THAN_APP' });
    expect(tableNames(sqlite)).toEqual([]);
    await db.destroy();
  });

  it('rejects a list with a gap or a duplicate', async () => {
    const { db } = database();
    await expect(migrateToLatest(db, [createTable(1, 'a'), createTable(3, 'c')])).rejects.toThrow(/consecutive/);
    await expect(migrateToLatest(db, [createTable(1, 'a'), createTable(1, 'b')])).rejects.toThrow(/consecutive/);
    await db.destroy();
  });
});
