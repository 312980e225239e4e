import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { loadProfitViews, profitCsv, profitRange } from './profit-view';
import { purchaseDb } from './purchase-schema';

type ProfitHandlers = Pick<Handlers, 'reports.profitByDay' | 'reports.profitByProduct' | 'reports.profitCsv'>;

/** The profit view's methods (documented in src/shared/rpc/domains/profit-reports.ts). */
export const createProfitHandlers = (ctx: CoreContext): ProfitHandlers => {
  const load = (params: { from?: string; to?: string }) => loadProfitViews(purchaseDb(ctx), profitRange(params, ctx.clock.now()));
  return {
    'reports.profitByDay': async (params) => (await load(params)).byDay,
    'reports.profitByProduct': async (params) => (await load(params)).byProduct,
    'reports.profitCsv': async ({ by, locale, ...params }) => {
      const views = await load(params);
      return profitCsv(by, by === 'day' ? views.byDay : views.byProduct, locale === 'zh-CN');
    },
  };
};
