import type { RpcEvent } from '../../shared/rpc/envelope';
import type { CoreContext } from '../core-context';
import { linkFirstOrders } from './product-service';
import { sourcingDb } from './sourcing-schema';

/**
 * Listens to the core's own events: after every import (and undo) the listed products are
 * linked to their orders again, so the first order moves a product to 已出单 without the import
 * code knowing about products. `run` puts the work through the core's request gate, so it never
 * overlaps a restore.
 */
export function createSourcingListener(ctx: CoreContext, run: (task: () => Promise<void>) => Promise<void>) {
  return (event: RpcEvent): void => {
    if (event.event !== 'imports.finished' && event.event !== 'imports.undone') return;
    void run(async () => {
      if (ctx.session.current.mode !== 'normal') return;
      const result = await linkFirstOrders(sourcingDb(ctx), ctx.clock.now());
      if (result.movedToSelling.length > 0) ctx.emit('sourcing.changed', { ids: result.movedToSelling });
    }).catch((error: unknown) => ctx.log.warn('linking orders to products failed', { detail: (error as Error).message }));
  };
}
