import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Migration } from './migrations/index';

export type MigrationOutcome = { from: number; to: number; applied: string[] };

export async function readUserVersion(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return rows[0]?.user_version ?? 0;
}

/**
 * A small user_version migrator. Kysely's own Migrator does not wrap SQLite migrations in a
 * transaction (SqliteAdapter.supportsTransactionalDdl is false), so a migration failing half-way
 * would leave half a schema behind and block every later start. Here each migration and its
 * version bump commit together or not at all.
 */
export async function migrateToLatest(db: Kysely<unknown>, list: readonly Migration[]): Promise<MigrationOutcome> {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration versions must be consecutive from 1: ${m.name}`);
  });
  const latest = sorted.at(-1)?.version ?? 0;
  const from = await readUserVersion(db);
  if (from > latest) {
    throw new AppError('DB_NEWER_THAN_APP', `database schema ${from} is newer than this app (${latest})`, {
      schemaVersion: from,
      appSchemaVersion: latest,
    });
  }
  const applied: string[] = [];
  for (const migration of sorted.filter((m) => m.version > from)) {
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx);
        // PRAGMA takes no bound parameters; the version is an integer from our own list.
        await sql.raw(`PRAGMA user_version = ${Math.trunc(migration.version)}`).execute(trx);
      });
    } catch (error) {
      throw new AppError('DB_MIGRATION_FAILED', `migration ${migration.name} failed: ${(error as Error).message}`, {
        migration: migration.name,
      });
    }
    applied.push(migration.name);
  }
  return { from, to: Math.max(from, latest), applied };
}
