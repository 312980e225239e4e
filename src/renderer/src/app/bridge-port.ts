import { parseMessage, type Port, type RpcMessage, type Unsubscribe } from '../../../shared/rpc/envelope';
import type { PreloadBridge } from '../../../shared/preload-bridge';

/**
 * The desktop preload bridge seen as a Port. The bridge itself has no "closed" signal (the core
 * process is restarted behind it by main), so only an explicit close() ends this port.
 */
export function bridgePort(bridge: Pick<PreloadBridge, 'send' | 'onMessage'>): Port {
  const messageListeners = new Set<(message: RpcMessage) => void>();
  const closeListeners = new Set<() => void>();
  let closed = false;
  const offBridge = bridge.onMessage((raw) => {
    // The bridge crosses a process boundary: check the shape as for any outside input.
    const message = parseMessage(raw);
    if (message && !closed) for (const listener of messageListeners) listener(message);
  });
  return {
    send(message) {
      if (!closed) bridge.send(message);
    },
    onMessage(listener): Unsubscribe {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onClose(listener): Unsubscribe {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      offBridge();
      for (const listener of closeListeners) listener();
    },
  };
}
