import type { RpcEvent } from '../../shared/rpc/envelope';
import type { CoreContext } from '../core-context';
import { purchaseDb } from './purchase-schema';
import { applyShippedFromExports } from './shipped-by-export';

/**
 * After every import has committed (the core's own `imports.finished` event — not inside the
 * importer's writer), purchases whose lines the new export shows shipped move to 已发货. Runs
 * through the request gate like sourcing's listener, so it never overlaps a restore.
 */
export function createPurchaseListener(ctx: CoreContext, run: (task: () => Promise<void>) => Promise<void>) {
  return (event: RpcEvent): void => {
    if (event.event !== 'imports.finished') return;
    void run(async () => {
      if (ctx.session.current.mode !== 'normal') return;
      const ids = await applyShippedFromExports(purchaseDb(ctx), ctx.clock.now());
      ctx.emit('purchases.changed', { ids });
    }).catch((error: unknown) => ctx.log.warn('updating purchases from the order export failed', { detail: (error as Error).message }));
  };
}
