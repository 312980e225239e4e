import { statSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import type { CoreContext } from '../core-context';
import { quickCheck } from '../db/open-database';
import type { Handlers } from '../rpc/dispatcher';

type AppHandlers = Pick<Handlers, 'app.status' | 'db.check' | 'recovery.startFresh' | 'testing.setTime'>;

export const createAppHandlers = (ctx: CoreContext): AppHandlers => ({
  'app.status': () => ctx.status(),
  'db.check': ({ full }) => {
    const { sqlite, schemaVersion } = ctx.session.require();
    const problems = quickCheck(sqlite, full ?? false);
    const foreignKeyProblems = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    return {
      integrity: problems.length === 0 ? 'ok' : 'failed',
      problems,
      foreignKeyProblems,
      schemaVersion,
      sizeBytes: statSync(ctx.session.paths.dbFile).size,
      checkedAt: ctx.clock.now().toISOString(),
    };
  },
  'recovery.startFresh': async ({ setAsideNewer }) => {
    const result = await ctx.session.startFresh({ setAsideNewer });
    const status = ctx.status();
    ctx.emit('app.statusChanged', status);
    return { ...status, ...result };
  },
  'testing.setTime': async ({ at }) => {
    if (!ctx.testingClock) throw new AppError('FORBIDDEN', 'moving the clock is only possible in the test harness');
    ctx.testingClock.set(at === null ? null : new Date(at));
    ctx.dailyBackup();
    await ctx.timeMoved();
    return { now: ctx.clock.now().toISOString() };
  },
});
