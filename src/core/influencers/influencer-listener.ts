import type { RpcEvent } from '../../shared/rpc/envelope';
import type { CoreContext } from '../core-context';
import { influencerDb } from './influencer-schema';
import { syncOrderInfluencers } from './order-influencers';

/**
 * After every import has committed (the core's own `imports.finished`), each 达人ID of the orders
 * becomes known to the CRM and renamed influencers take the newest export's nickname. Runs through
 * the request gate like the purchases' listener, so it never overlaps a restore.
 */
export function createInfluencerListener(ctx: CoreContext, run: (task: () => Promise<void>) => Promise<void>) {
  return (event: RpcEvent): void => {
    if (event.event !== 'imports.finished') return;
    void run(async () => {
      if (ctx.session.current.mode !== 'normal') return;
      const ids = await syncOrderInfluencers(influencerDb(ctx), ctx.clock.now());
      if (ids.length > 0) ctx.emit('influencers.changed', { ids });
    }).catch((error: unknown) => ctx.log.warn('adding influencers from the order export failed', { detail: (error as Error).message }));
  };
}
