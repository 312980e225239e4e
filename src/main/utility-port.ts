import { parseMessage, type Port, type Unsubscribe } from '../shared/rpc/envelope';

/** The part of Electron's UtilityProcess that main uses (a fake in tests). */
export type UtilityProcessLike = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
};

/**
 * Main's side of the connection to the core: a Port over a utility process. Incoming messages are
 * shape-checked like any outside input; the port closes when the process exits.
 */
export function utilityProcessPort(child: UtilityProcessLike): Port {
  const messageListeners = new Set<Parameters<Port['onMessage']>[0]>();
  const closeListeners = new Set<() => void>();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const listener of closeListeners) listener();
  };
  child.on('message', (raw) => {
    const message = closed ? null : parseMessage(raw);
    if (message) for (const listener of messageListeners) listener(message);
  });
  child.on('exit', close);
  return {
    send(message) {
      if (!closed) child.postMessage(message);
    },
    onMessage(listener): Unsubscribe {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onClose(listener): Unsubscribe {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close,
  };
}
