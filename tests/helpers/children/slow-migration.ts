import { sql } from 'kysely';
import { migrations, type Migration } from '../../../src/core/db/migrations/index';

export const SLOW_CHUNKS = 20;
export const SLOW_ROWS_PER_CHUNK = 1500;

/**
 * The app's migrations plus a deliberately slow one that creates a table and fills it chunk by
 * chunk inside its transaction, printing `CHUNK <n>` after each, so a test can kill it half-way.
 * With `pauseAfterChunk` it stops there (still inside the transaction) until it is killed, so
 * the kill is sure to land mid-migration however loaded the machine is.
 */
export function withSlowMigration(print: (line: string) => void = () => {}, pauseAfterChunk?: number): Migration[] {
  return [
    ...migrations,
    {
      version: migrations.length + 1,
      name: 'slow-bulk-table',
      up: async (db) => {
        await db.schema.createTable('bulk').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('body', 'blob', (c) => c.notNull()).execute();
        for (let chunk = 0; chunk < SLOW_CHUNKS; chunk += 1) {
          const first = chunk * SLOW_ROWS_PER_CHUNK + 1;
          await sql`WITH RECURSIVE n(x) AS (SELECT ${first} UNION ALL SELECT x + 1 FROM n WHERE x < ${first + SLOW_ROWS_PER_CHUNK - 1})
                    INSERT INTO bulk (id, body) SELECT x, randomblob(100) FROM n`.execute(db);
          print(`CHUNK ${chunk}`);
          if (chunk === pauseAfterChunk) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
        }
      },
    },
  ];
}
