import { AppError, isAppErrorCode } from '../errors';
import type { Events, Method, ParamsOf, Results } from './contract';
import type { Port, RpcResponse, Unsubscribe } from './envelope';

export type RpcClient = {
  call<M extends Method>(method: M, params: ParamsOf<M>): Promise<Results[M]>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  close(): void;
};

/**
 * The one typed client every caller uses (renderer, CLI, tests). It knows no channel names:
 * it writes envelopes to a Port and rethrows failures as AppError.
 */
export function createClient(port: Port): RpcClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: RpcResponse) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  port.onMessage((message) => {
    if (message.kind === 'response') {
      pending.get(message.id)?.resolve(message);
      pending.delete(message.id);
    } else if (message.kind === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  });
  let isClosed = false;
  port.onClose(() => {
    isClosed = true;
    for (const [id, p] of pending) {
      p.resolve({ kind: 'response', id, ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'connection to the core closed' } });
    }
    pending.clear();
  });

  return {
    async call(method, params) {
      const id = nextId++;
      // A port that closed drops what is sent to it; answer at once instead of waiting forever.
      if (isClosed) throw new AppError('TRANSPORT_CLOSED', 'connection to the core closed');
      const response = await new Promise<RpcResponse>((resolve) => {
        pending.set(id, { resolve });
        port.send({ kind: 'request', id, method, params });
      });
      if (response.ok) return response.value as Results[typeof method];
      const { code, message, details } = response.error;
      throw new AppError(isAppErrorCode(code) ? code : 'INTERNAL', message, details);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    close: () => port.close(),
  };
}
