import { parseMessage, type Port, type RpcMessage, type Unsubscribe } from '../../../shared/rpc/envelope';

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
  const messageListeners = new Set<(message: RpcMessage) => void>();
  const closeListeners = new Set<() => void>();
  let closed = false;

  const deliver = (message: RpcMessage) => {
    for (const listener of [...messageListeners]) listener(message);
  };

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
    if (message) deliver(message);
  });

  const port: Port = {
    send(message) {
      if (!closed && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
        return;
      }
      // Answer locally so a call made after the connection dropped fails instead of hanging.
      if (message.kind === 'request') {
        const { id } = message;
        queueMicrotask(() =>
          deliver({ kind: 'response', id, ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'connection to the core closed' } }),
        );
      }
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
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000, 'closed');
    },
  };

  return new Promise<Port>((resolve, reject) => {
    let opened = false;
    // Runs once, on whichever comes first: 'close', or an 'error' that some runtimes (Node's undici
    // after a refused handshake) do not follow with 'close'.
    const ended = (why: string) => {
      if (closed) return;
      closed = true;
      if (!opened) {
        reject(new Error(`WebSocket to the core failed before it opened (${why})`));
        return;
      }
      for (const listener of [...closeListeners]) listener();
      closeListeners.clear();
    };
    socket.addEventListener('open', () => {
      opened = true;
      resolve(port);
    });
    socket.addEventListener('close', (event) => ended(`code ${event.code}`));
    socket.addEventListener('error', () => ended('error'));
    if (socket.readyState === WebSocket.OPEN) {
      opened = true;
      resolve(port);
    } else if (socket.readyState !== WebSocket.CONNECTING) {
      ended('already closed');
    }
  });
}
