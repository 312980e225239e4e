import { setImmediate as nextTurn } from 'node:timers/promises';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/*
 * better-sqlite3 answers synchronously, so a screen's first call — a few dozen queries chained by
 * awaits that resolve as microtasks, several at once under Promise.all — held the core's event
 * loop for its whole length (Today at 500k lines: 138 ms in one block; issue 14: "The core's event
 * loop is never blocked more than 50 ms during an import or a screen load"). Here each query,
 * once it holds the connection, first lets the loop take a turn (import progress, the window's
 * other calls, timers), so only one query and the code up to the next run in one block.
 *
 * A transaction takes the connection once, before its BEGIN: the turn comes before it starts and
 * never between its statements, so no timer's work (the daily backup's VACUUM INTO on the same
 * connection) can run inside an undo or a restore's checks.
 */
class YieldingSqliteDriver extends SqliteDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    await nextTurn();
    return connection;
  }
}

export class YieldingSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new YieldingSqliteDriver(this.settings);
  }
}
