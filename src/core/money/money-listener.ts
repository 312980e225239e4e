import type { RpcEvent } from '../../shared/rpc/envelope';
import type { CoreContext } from '../core-context';
import { moneyDb } from './money-schema';
import { keepSnapshot } from './money-service';

/** The events after which the imported tables are other than the kept row says. */
const CHANGES_DATA: readonly string[] = ['imports.finished', 'imports.undone', 'backups.restored'];

/**
 * Listens to the core's own events: after every import, undo and restore has committed, the
 * money snapshot of the data as it now is goes to disk (money-snapshot.ts), so the next app start
 * answers Today, the reminders, the forecast and the reconciliation's summary from one row. `run`
 * puts the work through the core's request gate and write lock, so it never overlaps a restore or
 * another import. A failure costs only speed (the next start reads the lines), so it is logged,
 * not raised. `keepOnOpen` does the same once when the core opens, for a row that is missing or of
 * an older format (an app update; a backup from before migration 0019): without it every start
 * would read every line again until the next import.
 */
export function createMoneyListener(ctx: CoreContext, run: (task: () => Promise<void>) => Promise<void>) {
  const keep = (): void =>
    void run(async () => {
      if (ctx.session.current.mode !== 'normal') return;
      await keepSnapshot(moneyDb(ctx), ctx.clock.now());
    }).catch((error: unknown) => ctx.log.warn('keeping the money snapshot failed', { detail: (error as Error).message }));
  return {
    listener: (event: RpcEvent): void => {
      if (CHANGES_DATA.includes(event.event)) keep();
    },
    keepOnOpen: keep,
  };
}
