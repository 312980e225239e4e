import type { RawData, WebSocket } from 'ws';
import { parseMessage, type Port } from '../../shared/rpc/envelope';
import { portListeners } from '../../shared/rpc/port-listeners';
import type { Logger } from '../log';

/**
 * Largest message the harness accepts from a browser tab. Requests are small (params, ids);
 * anything bigger is a bug or an attack, and parsing it would block the core's event loop.
 */
export const MAX_WEBSOCKET_MESSAGE_BYTES = 8 * 1024 * 1024;

/** Close codes from RFC 6455 §7.4.1 that the browser side can show or log. */
export const CLOSE_CODES = { normal: 1000, goingAway: 1001, unsupportedData: 1003, invalidPayload: 1007, tooBig: 1009 } as const;

const byteLength = (data: RawData): number =>
  Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;

const toText = (data: RawData): string =>
  Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');

/**
 * Wraps one server-side `ws` socket (browser harness only, never the packaged app) as a Port:
 * one JSON envelope per text frame. A frame that is binary, too big, not JSON or not an envelope
 * closes the socket instead of being ignored, so the other side fails fast (its pending calls end
 * with TRANSPORT_CLOSED) rather than waiting for an answer that never comes.
 */
export function webSocketPort(socket: WebSocket, options: { maxBytes?: number; log?: Logger } = {}): Port {
  const maxBytes = options.maxBytes ?? MAX_WEBSOCKET_MESSAGE_BYTES;
  const listeners = portListeners();

  const refuse = (code: number, reason: string) => {
    options.log?.warn('websocket message refused', { reason });
    socket.close(code, reason);
  };

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (listeners.isClosed) return;
    if (isBinary) return refuse(CLOSE_CODES.unsupportedData, 'binary frames are not accepted');
    if (byteLength(data) > maxBytes) return refuse(CLOSE_CODES.tooBig, 'message too big');
    let raw: unknown;
    try {
      raw = JSON.parse(toText(data));
    } catch {
      return refuse(CLOSE_CODES.invalidPayload, 'not JSON');
    }
    const message = parseMessage(raw);
    if (!message) return refuse(CLOSE_CODES.invalidPayload, 'not an envelope');
    listeners.deliver(message);
  });
  // `ws` emits 'error' (e.g. a frame over maxPayload) before 'close'; without a listener it would throw.
  socket.on('error', (error: Error) => options.log?.warn('websocket error', { detail: error.message }));
  socket.on('close', () => listeners.markClosed());

  return {
    send(message) {
      if (listeners.isClosed || socket.readyState !== socket.OPEN) return;
      socket.send(JSON.stringify(message));
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
    close() {
      if (!listeners.isClosed) socket.close(CLOSE_CODES.normal, 'closed');
    },
  };
}
