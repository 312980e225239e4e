import { parseMessage, type Port } from '../../../shared/rpc/envelope';
import { portListeners } from '../../../shared/rpc/port-listeners';

/**
 * The browser-harness side of the WebSocket transport. It uses only the standard global WebSocket,
 * so the same file runs in the renderer and in Node 22's contract tests.
 *
 * Pass a URL (the renderer: `ws://<host>/rpc?token=…`), or a WebSocket you created yourself when the
 * handshake needs something the standard constructor cannot express (Node tests set an Origin
 * header through undici's `headers` option; browsers set Origin themselves).
 *
 * Resolves once the socket is open; rejects if it closes or fails first (wrong token, harness down).
 */
export function connectWebSocketPort(target: string | WebSocket): Promise<Port> {
  const socket = typeof target === 'string' ? new WebSocket(target) : target;
  const listeners = portListeners();

  socket.addEventListener('message', (event) => {
    // The harness only sends JSON text frames; anything else is not ours to interpret.
    if (typeof event.data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(event.data);
    } catch {
      return;
    }
    const message = parseMessage(raw);
    if (message) listeners.deliver(message);
  });

  const port: Port = {
    send(message) {
      // After a drop the message is dropped too: the client answers its waiting calls with
      // TRANSPORT_CLOSED when this port reports the close (src/shared/rpc/client.ts).
      if (!listeners.isClosed && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
    close() {
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000, 'closed');
    },
  };

  return new Promise<Port>((resolve, reject) => {
    let opened = false;
    let ended = false;
    // Until the socket opens, a failure rejects the promise instead of closing a port nobody has.
    // Runs once, on whichever comes first: 'close', or an 'error' that some runtimes (Node's undici
    // after a refused handshake) do not follow with 'close'.
    const end = (why: string) => {
      if (ended) return;
      ended = true;
      if (!opened) {
        reject(new Error(`WebSocket to the core failed before it opened (${why})`));
        return;
      }
      listeners.markClosed();
    };
    socket.addEventListener('open', () => {
      opened = true;
      resolve(port);
    });
    socket.addEventListener('close', (event) => end(`code ${event.code}`));
    socket.addEventListener('error', () => end('error'));
    if (socket.readyState === WebSocket.OPEN) {
      opened = true;
      resolve(port);
    } else if (socket.readyState !== WebSocket.CONNECTING) {
      end('already closed');
    }
  });
}
