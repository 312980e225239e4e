import { parseMessage, type Port } from '../../../shared/rpc/envelope';
import { portListeners } from '../../../shared/rpc/port-listeners';
import type { PreloadBridge } from '../../../shared/preload-bridge';

/**
 * The desktop preload bridge seen as a Port. Main restarts a crashed core behind the bridge, so
 * the port stays open through restarts; it closes when the bridge reports that the core has
 * stopped for good (then the client answers every call at once instead of waiting), or on close().
 */
export function bridgePort(bridge: Pick<PreloadBridge, 'send' | 'onMessage' | 'onClosed'>): Port {
  const listeners = portListeners();
  const offBridge = bridge.onMessage((raw) => {
    // The bridge crosses a process boundary: check the shape as for any outside input.
    const message = parseMessage(raw);
    if (message) listeners.deliver(message);
  });
  let offClosed = () => {};
  const close = () => {
    if (!listeners.markClosed()) return;
    offBridge();
    offClosed();
  };
  offClosed = bridge.onClosed(close);
  return {
    send(message) {
      if (!listeners.isClosed) bridge.send(message);
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
    close,
  };
}
