import { chinaDate } from '../../shared/domain/china-time';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { healthDb } from './health-schema';
import { loadHealthLog, removeEntry, saveEntry, updateHealthSettings } from './health-service';

type HealthHandlers = Pick<Handlers, 'health.add' | 'health.list' | 'health.remove' | 'health.updateSettings'>;

/** The `health.*` methods (documented in src/shared/rpc/domains/health.ts); a change rechecks the reminders. */
export const createHealthHandlers = (ctx: CoreContext, remindersChanged: () => void): HealthHandlers => {
  const changed = () => {
    ctx.emit('health.changed', {});
    remindersChanged();
  };
  return {
    'health.add': async (params) => {
      const now = ctx.clock.now();
      const result = await saveEntry(healthDb(ctx), { ...params, date: params.date ?? chinaDate(now) }, now);
      changed();
      return result;
    },
    'health.list': (params) => loadHealthLog(healthDb(ctx), params, ctx.clock.now()),
    'health.remove': async ({ date }) => {
      const result = await removeEntry(healthDb(ctx), date);
      if (result.removed) changed();
      return result;
    },
    'health.updateSettings': async (patch) => {
      const result = await updateHealthSettings(healthDb(ctx), patch, ctx.clock.now());
      changed();
      return result;
    },
  };
};
