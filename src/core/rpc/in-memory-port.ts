import type { Port, RpcMessage, Unsubscribe } from '../../shared/rpc/envelope';

/**
 * Two connected ports in one process. Messages are structured-cloned and delivered on a later
 * microtask, so tests see the same plain-data, asynchronous behaviour as a real transport.
 */
export function inMemoryPortPair(): [Port, Port] {
  const make = () => {
    const messageListeners = new Set<(m: RpcMessage) => void>();
    const closeListeners = new Set<() => void>();
    return { messageListeners, closeListeners, closed: false };
  };
  const a = make();
  const b = make();
  const port = (self: ReturnType<typeof make>, other: ReturnType<typeof make>): Port => ({
    send(message) {
      if (self.closed) return;
      const copy = structuredClone(message);
      queueMicrotask(() => {
        if (!other.closed) for (const l of other.messageListeners) l(copy);
      });
    },
    onMessage(listener): Unsubscribe {
      self.messageListeners.add(listener);
      return () => self.messageListeners.delete(listener);
    },
    onClose(listener): Unsubscribe {
      self.closeListeners.add(listener);
      return () => self.closeListeners.delete(listener);
    },
    close() {
      if (self.closed) return;
      self.closed = true;
      other.closed = true;
      for (const l of [...self.closeListeners, ...other.closeListeners]) l();
    },
  });
  return [port(a, b), port(b, a)];
}
