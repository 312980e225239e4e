import { parseMessage, type Port } from '../shared/rpc/envelope';
import { portListeners } from '../shared/rpc/port-listeners';

/** The part of Electron's UtilityProcess that main uses (a fake in tests). */
export type UtilityProcessLike = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  /** A V8 fatal error (out of memory …); Electron emits 'exit' after it. Unheard, it would throw in main. */
  on(event: 'error', listener: (type: string, location: string) => void): unknown;
  kill(): boolean;
};

/**
 * Main's side of the connection to the core: a Port over a utility process. Incoming messages are
 * shape-checked like any outside input; the port closes when the process exits.
 */
export function utilityProcessPort(child: UtilityProcessLike): Port {
  const listeners = portListeners();
  child.on('message', (raw) => {
    const message = listeners.isClosed ? null : parseMessage(raw);
    if (message) listeners.deliver(message);
  });
  child.on('exit', () => listeners.markClosed());
  return {
    send(message) {
      if (!listeners.isClosed) child.postMessage(message);
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
    close: () => {
      listeners.markClosed();
    },
  };
}
