import type { Method } from '../../../shared/rpc/contract';
import type { Unsubscribe } from '../../../shared/rpc/envelope';

/** Which queries to reload: some methods, or every query on screen (after a restore). */
export type Invalidation = { methods: readonly Method[] } | 'all';

export type InvalidationBus = {
  invalidate(what: Invalidation): void;
  subscribe(method: Method, reload: () => void): Unsubscribe;
};

/** Tells mounted queries to reload after a write; queries subscribe by the method they call. */
export function createInvalidationBus(): InvalidationBus {
  const byMethod = new Map<Method, Set<() => void>>();
  return {
    invalidate(what) {
      const targets = what === 'all' ? [...byMethod.keys()] : what.methods;
      const reloads = new Set<() => void>();
      for (const method of targets) for (const reload of byMethod.get(method) ?? []) reloads.add(reload);
      for (const reload of reloads) reload();
    },
    subscribe(method, reload) {
      const set = byMethod.get(method) ?? new Set();
      byMethod.set(method, set);
      set.add(reload);
      return () => {
        set.delete(reload);
        if (set.size === 0) byMethod.delete(method);
      };
    },
  };
}
