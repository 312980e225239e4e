import type { CoreContext } from '../core-context';
import { loadDeclineWatch } from '../orders/decline-watch';
import type { Handlers } from '../rpc/dispatcher';

type DeclineHandlers = Pick<Handlers, 'reports.decline'>;

/** `reports.decline` (documented in src/shared/rpc/domains/decline.ts). */
export const createDeclineHandlers = (ctx: CoreContext): DeclineHandlers => ({
  'reports.decline': ({ at }) => loadDeclineWatch(ctx.session.require().db, at ? new Date(at) : ctx.clock.now()),
});
