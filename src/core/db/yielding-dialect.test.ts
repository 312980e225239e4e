import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openDatabase } from './open-database';
import { YieldingSqliteDialect } from './yielding-dialect';

const tempDir = useTempDirs();
const one = sql<number>`1`.as('one');

describe('YieldingSqliteDialect', () => {
  const open = () => new Kysely<Record<string, never>>({ dialect: new YieldingSqliteDialect({ database: openDatabase(join(tempDir(), 'y.sqlite')) }) });

  it('lets the event loop turn before each query, also between queries started together', async () => {
    const db = open();
    const order: string[] = [];
    setImmediate(() => order.push('turn 1'));
    await db.selectNoFrom(one).execute();
    order.push('query 1');
    // Two at once (as under Promise.all): neither runs before the loop has turned.
    setImmediate(() => order.push('turn 2'));
    await Promise.all([db.selectNoFrom(one).execute().then(() => order.push('query 2')), db.selectNoFrom(one).execute().then(() => order.push('query 3'))]);
    expect(order).toEqual(['turn 1', 'query 1', 'turn 2', 'query 2', 'query 3']);
    await db.destroy();
  });

  it('never between the statements of a transaction', async () => {
    const db = open();
    const order: string[] = [];
    await db.transaction().execute(async (trx) => {
      setImmediate(() => order.push('turn'));
      await trx.selectNoFrom(one).execute();
      order.push('statement 1');
      await trx.selectNoFrom(one).execute();
      order.push('statement 2');
    });
    order.push('committed');
    expect(order).toEqual(['statement 1', 'statement 2', 'committed']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toContain('turn');
    await db.destroy();
  });
});
