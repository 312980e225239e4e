import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { groupByDay, groupByProduct, loadProfitLines, profitCsv, profitRange } from './profit-view';
import { purchaseDb } from './purchase-schema';

type ProfitHandlers = Pick<Handlers, 'reports.profitByDay' | 'reports.profitByProduct' | 'reports.profitCsv'>;

/** The profit view's methods (documented in src/shared/rpc/domains/profit-reports.ts). */
export const createProfitHandlers = (ctx: CoreContext): ProfitHandlers => {
  const load = async (params: { from?: string; to?: string }) => {
    const range = profitRange(params, ctx.clock.now());
    return { range, lines: await loadProfitLines(purchaseDb(ctx), range) };
  };
  return {
    'reports.profitByDay': async (params) => {
      const { range, lines } = await load(params);
      return groupByDay(range, lines);
    },
    'reports.profitByProduct': async (params) => {
      const { range, lines } = await load(params);
      return groupByProduct(range, lines);
    },
    'reports.profitCsv': async ({ by, locale, ...params }) => {
      const { range, lines } = await load(params);
      return profitCsv(by, by === 'day' ? groupByDay(range, lines) : groupByProduct(range, lines), locale === 'zh-CN');
    },
  };
};
