import type { Kysely } from 'kysely';
import { chinaDate } from '../../shared/domain/china-time';
import type { CoreContext } from '../core-context';
import type { Database } from '../db/schema';
import type { Handlers } from '../rpc/dispatcher';
import { loadAnalyticsSettings, removeNote, saveAnalyticsSettings, setNote } from './analytics-notes';
import { breakdown } from './breakdown';
import { productMix } from './product-mix';
import { repeatBuyers } from './repeat-buyers';
import { volume } from './volume';

type AnalyticsMethod = Extract<keyof Handlers, `analytics.${string}`>;

/** The `analytics.*` methods (documented in src/shared/rpc/domains/analytics.ts). */
export const createAnalyticsHandlers = (ctx: CoreContext): Pick<Handlers, AnalyticsMethod> => {
  const db = () => ctx.session.require().db as unknown as Kysely<Database>;
  return {
    'analytics.volume': (p) => volume(db(), p, chinaDate(ctx.clock.now())),
    'analytics.breakdown': async (p) => breakdown(db(), p, await loadAnalyticsSettings(db())),
    'analytics.productMix': (p) => productMix(db(), p),
    'analytics.repeatBuyers': (p) => repeatBuyers(db(), p),
    'analytics.setNote': (p) => setNote(db(), p, ctx.clock.now()),
    'analytics.removeNote': (p) => removeNote(db(), p),
    'analytics.settings': () => loadAnalyticsSettings(db()),
    'analytics.updateSettings': (p) => saveAnalyticsSettings(db(), p, ctx.clock.now()),
  };
};
