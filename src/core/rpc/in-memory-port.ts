import type { Port } from '../../shared/rpc/envelope';
import { portListeners, type PortListeners } from '../../shared/rpc/port-listeners';

/**
 * Two connected ports in one process. Messages are structured-cloned and delivered on a later
 * microtask, so tests see the same plain-data, asynchronous behaviour as a real transport.
 */
export function inMemoryPortPair(): [Port, Port] {
  const a = portListeners();
  const b = portListeners();
  const port = (self: PortListeners, other: PortListeners): Port => ({
    send(message) {
      if (self.isClosed) return;
      const copy = structuredClone(message);
      queueMicrotask(() => other.deliver(copy));
    },
    onMessage: self.onMessage,
    onClose: self.onClose,
    close() {
      self.markClosed();
      other.markClosed();
    },
  });
  return [port(a, b), port(b, a)];
}
