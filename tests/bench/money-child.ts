/**
 * Money's three heavy reads alone, each twice (cold, then warm), in a fresh process:
 *   tsx tests/bench/money-child.ts <dataDir> [forecast|reconciliation|facts|all]
 * `facts` is what the reminder scheduler loads every 30 seconds (loadMoneyReminderFacts). Prints one
 * JSON line of milliseconds. Used to measure src/core/money (see its README); not part of `npm run bench`.
 */
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { loadMoneyReminderFacts } from '../../src/core/money/money-reminders';
import { moneyDb } from '../../src/core/money/money-schema';
import { DatabaseSession } from '../../src/core/db/database-session';
import { systemClock } from '../../src/shared/clock';

const [dataDir, which = 'all'] = process.argv.slice(2);
const out: Record<string, number> = {};
const timed = async (name: string, run: () => Promise<unknown>) => {
  for (const round of ['cold', 'warm']) {
    const started = performance.now();
    await run();
    out[`${name} ${round}`] = Math.round(performance.now() - started);
  }
};

if (which === 'facts') {
  const session = await DatabaseSession.open({ dataDir: dataDir!, clock: systemClock, log: silentLogger });
  const db = moneyDb({ session });
  await timed('facts', () => loadMoneyReminderFacts(db, systemClock.now()));
  await session.close();
} else {
  const core = await createCore({ dataDir: dataDir!, log: silentLogger, reminderCheckSeconds: 0 });
  if (which === 'all' || which === 'forecast') await timed('forecast', () => core.call('money.forecast', {}));
  if (which === 'all' || which === 'reconciliation') await timed('reconciliation', () => core.call('money.reconciliation', {}));
  await core.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
