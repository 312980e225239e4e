/**
 * Money's three heavy reads alone, each twice (cold, then warm), in a fresh process:
 *   tsx tests/bench/money-child.ts <dataDir> [forecast|reconciliation|facts|all|reference]
 * `facts` is what the reminder scheduler loads every 30 seconds (loadMoneyReminderFacts); `reference`
 * times the implementation before the speed work (tests/helpers/money-reference.ts), for comparison. Prints one
 * JSON line of milliseconds. Used to measure src/core/money (see its README); not part of `npm run bench`.
 */
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { loadMoneyReminderFacts } from '../../src/core/money/money-reminders';
import { moneyDb } from '../../src/core/money/money-schema';
import { DatabaseSession } from '../../src/core/db/database-session';
import { systemClock } from '../../src/shared/clock';
import { chinaDate } from '../../src/shared/domain/china-time';
import { readProfile } from '../../src/core/money/money-profile';
import { loadCoverage, loadMovements } from '../../src/core/money/money-repository';
import { referenceMoney } from '../helpers/money-reference';

const [dataDir, which = 'all'] = process.argv.slice(2);
const out: Record<string, number> = {};
const timed = async (name: string, run: () => Promise<unknown>) => {
  for (const round of ['cold', 'warm']) {
    const started = performance.now();
    await run();
    out[`${name} ${round}`] = Math.round(performance.now() - started);
  }
};

if (which === 'reference') {
  const session = await DatabaseSession.open({ dataDir: dataDir!, clock: systemClock, log: silentLogger });
  const db = moneyDb({ session });
  const today = chinaDate(systemClock.now());
  const old = async () => {
    const [profile, { funds, bill }, coverage] = await Promise.all([readProfile(db), loadMovements(db), loadCoverage(db)]);
    return referenceMoney(db, { profile, funds, bill, coverage }, today);
  };
  // The old code computed the forecast and the reconciliation from the same full load each time.
  await timed('forecast+reconciliation (old)', old);
  await session.close();
} else if (which === 'facts') {
  const session = await DatabaseSession.open({ dataDir: dataDir!, clock: systemClock, log: silentLogger });
  const db = moneyDb({ session });
  await timed('facts', () => loadMoneyReminderFacts(db, systemClock.now()));
  await session.close();
} else {
  const core = await createCore({ dataDir: dataDir!, log: silentLogger, reminderCheckSeconds: 0 });
  if (which === 'all' || which === 'forecast') await timed('forecast', () => core.call('money.forecast', {}));
  if (which === 'all' || which === 'reconciliation') {
    await timed('reconciliation', () => core.call('money.reconciliation', {}));
    // Pages are slices of the held answer: the overdue queue's first page, a deep page of every line.
    await timed('reconciliation page overdue p1', () => core.call('money.reconciliationLines', { list: 'overdue', offset: 0, limit: 10 }));
    await timed('reconciliation page all @250000×200', () => core.call('money.reconciliationLines', { list: 'all', offset: 250_000, limit: 200 }));
  }
  await core.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
