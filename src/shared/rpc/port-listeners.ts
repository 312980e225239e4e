import type { Port, RpcMessage, Unsubscribe } from './envelope';

export type PortListeners = Pick<Port, 'onMessage' | 'onClose'> & {
  readonly isClosed: boolean;
  /** Hands a message to every listener, unless the port has closed. */
  deliver(message: RpcMessage): void;
  /** Marks the port closed and tells the close listeners, once; false if it was closed already. */
  markClosed(): boolean;
};

/**
 * The listener bookkeeping every Port adapter needs (in-memory, WebSocket on both sides, the
 * Electron bridge and utility process), so each adapter only says how its transport sends and ends.
 */
export function portListeners(): PortListeners {
  const messageListeners = new Set<(message: RpcMessage) => void>();
  const closeListeners = new Set<() => void>();
  let closed = false;
  return {
    get isClosed() {
      return closed;
    },
    deliver(message) {
      if (closed) return;
      for (const listener of [...messageListeners]) listener(message);
    },
    markClosed() {
      if (closed) return false;
      closed = true;
      const toTell = [...closeListeners];
      closeListeners.clear();
      messageListeners.clear();
      for (const listener of toTell) listener();
      return true;
    },
    onMessage(listener): Unsubscribe {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onClose(listener): Unsubscribe {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  };
}
