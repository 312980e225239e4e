import type { RpcEvent } from '../../shared/rpc/envelope';
import type { CoreContext } from '../core-context';
import { moneyDb } from './money-schema';
import { keepSnapshot } from './money-service';

/**
 * Listens to the core's own events: after every import and undo has committed, the forecast's
 * snapshot of the data as it now is goes to disk (money-snapshot.ts), so the next app start
 * answers Today, the reminders and the forecast from one row. `run` puts the work through the
 * core's request gate and write lock, so it never overlaps a restore or another import. A failure
 * costs only speed (the next start reads the lines), so it is logged, not raised.
 */
export function createMoneyListener(ctx: CoreContext, run: (task: () => Promise<void>) => Promise<void>) {
  return (event: RpcEvent): void => {
    if (event.event !== 'imports.finished' && event.event !== 'imports.undone') return;
    void run(async () => {
      if (ctx.session.current.mode !== 'normal') return;
      await keepSnapshot(moneyDb(ctx), ctx.clock.now());
    }).catch((error: unknown) => ctx.log.warn('keeping the money snapshot failed', { detail: (error as Error).message }));
  };
}
