import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EventName, Events, Method, ParamsOf, Results } from '../../../shared/rpc/contract';
import type { RpcClient } from '../../../shared/rpc/client';
import { createInvalidationBus, type Invalidation, type InvalidationBus } from './invalidation-bus';

type RpcContextValue = { client: RpcClient; bus: InvalidationBus };

const RpcContext = createContext<RpcContextValue | null>(null);

/** Makes the typed client available to the data hooks below. */
export function RpcProvider({ client, children }: { client: RpcClient; children: ReactNode }) {
  const value = useMemo(() => ({ client, bus: createInvalidationBus() }), [client]);
  return createElement(RpcContext.Provider, { value }, children);
}

function useRpcContext(): RpcContextValue {
  const value = useContext(RpcContext);
  if (!value) throw new Error('RPC hooks need an <RpcProvider> above them');
  return value;
}

export const useClient = (): RpcClient => useRpcContext().client;

/** Reloads mounted queries: after a write, or when the core says data changed behind us. */
export function useInvalidate(): (what: Invalidation) => void {
  const { bus } = useRpcContext();
  return useCallback((what: Invalidation) => bus.invalidate(what), [bus]);
}

/** Calls `listener` for each push of `event` while the component is mounted. */
export function useRpcEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const { client } = useRpcContext();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}

export type QueryState<T> = {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  refetch(): void;
};

/**
 * A read: calls `method` on mount and whenever params change, when a mutation invalidates the
 * method, or when one of `refetchOn` events arrives. Answers to superseded calls are dropped.
 */
export function useRpcQuery<M extends Method>(
  method: M,
  params: ParamsOf<M>,
  options: { refetchOn?: readonly EventName[] } = {},
): QueryState<Results[M]> {
  const { client, bus } = useRpcContext();
  const [state, setState] = useState<{ data: Results[M] | undefined; error: unknown; isLoading: boolean }>({
    data: undefined,
    error: undefined,
    isLoading: true,
  });
  // Params are plain data: their JSON is a stable dependency even when the caller passes a new object.
  const paramsKey = JSON.stringify(params);
  const sequence = useRef(0);

  const load = useCallback(() => {
    const ticket = ++sequence.current;
    setState((s) => ({ ...s, isLoading: true }));
    client.call(method, JSON.parse(paramsKey) as ParamsOf<M>).then(
      (data) => {
        if (ticket === sequence.current) setState({ data, error: undefined, isLoading: false });
      },
      (error: unknown) => {
        if (ticket === sequence.current) setState((s) => ({ data: s.data, error, isLoading: false }));
      },
    );
  }, [client, method, paramsKey]);

  useEffect(() => {
    load();
    return bus.subscribe(method, load);
  }, [bus, method, load]);

  const eventsKey = (options.refetchOn ?? []).join('|');
  useEffect(() => {
    if (eventsKey === '') return;
    const offs = (eventsKey.split('|') as EventName[]).map((event) => client.on(event, () => load()));
    return () => offs.forEach((off) => off());
  }, [client, eventsKey, load]);

  return { ...state, refetch: load };
}

export type MutationState<M extends Method> = {
  mutate(params: ParamsOf<M>): Promise<Results[M]>;
  isPending: boolean;
};

/**
 * A write: `mutate` calls `method` and, on success, reloads the queries of `invalidates`.
 * It rejects with the AppError so the caller can show it (see useShowError).
 */
export function useRpcMutation<M extends Method>(method: M, options: { invalidates?: Invalidation } = {}): MutationState<M> {
  const { client, bus } = useRpcContext();
  const [pending, setPending] = useState(0);
  const invalidatesKey = JSON.stringify(options.invalidates ?? null);
  const mutate = useCallback(
    async (params: ParamsOf<M>) => {
      setPending((n) => n + 1);
      try {
        const result = await client.call(method, params);
        const what = JSON.parse(invalidatesKey) as Invalidation | null;
        if (what) bus.invalidate(what);
        return result;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [client, bus, method, invalidatesKey],
  );
  return { mutate, isPending: pending > 0 };
}
