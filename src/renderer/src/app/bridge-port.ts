import { parseMessage, type Port } from '../../../shared/rpc/envelope';
import { portListeners } from '../../../shared/rpc/port-listeners';
import type { PreloadBridge } from '../../../shared/preload-bridge';

/**
 * The desktop preload bridge seen as a Port. The bridge itself has no "closed" signal (the core
 * process is restarted behind it by main), so only an explicit close() ends this port.
 */
export function bridgePort(bridge: Pick<PreloadBridge, 'send' | 'onMessage'>): Port {
  const listeners = portListeners();
  const offBridge = bridge.onMessage((raw) => {
    // The bridge crosses a process boundary: check the shape as for any outside input.
    const message = parseMessage(raw);
    if (message) listeners.deliver(message);
  });
  return {
    send(message) {
      if (!listeners.isClosed) bridge.send(message);
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
    close() {
      if (listeners.markClosed()) offBridge();
    },
  };
}
