import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { ordersReport } from './orders-report';

type ReportHandlers = Pick<Handlers, 'reports.orders'>;

/** The `reports.*` methods (documented in src/shared/rpc/domains/reports.ts). */
export const createReportHandlers = (ctx: CoreContext): ReportHandlers => ({
  'reports.orders': (params) => ordersReport(ctx.session.require().db, params),
});
