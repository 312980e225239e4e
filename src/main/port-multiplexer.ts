import type { Port, RpcMessage, RpcRequest, RpcResponse, Unsubscribe } from '../shared/rpc/envelope';

type Listeners = { message: Set<(m: RpcMessage) => void>; close: Set<() => void> };
type Route = { listeners: Listeners; id: number };

export type PortMultiplexer = {
  /** A new client-side port (the renderer's, main's own client). Its request ids are its own business. */
  connect(): Port;
  /** Connects (or, after a core restart, reconnects) the port to the core. */
  attach(upstream: Port): void;
  /** Ends every client port: pending and queued calls fail with TRANSPORT_CLOSED. */
  close(): void;
  /** True once close() ran: a port connected now is closed at once and drops what it is sent. */
  isClosed(): boolean;
};

const transportClosed = (id: number): RpcResponse => ({
  kind: 'response',
  id,
  ok: false,
  error: { code: 'TRANSPORT_CLOSED', message: 'connection to the core closed' },
});

/**
 * Lets several clients share the one connection to the core. Every request gets a fresh upstream
 * id and its response goes back, with the client's own id, to the client that asked; events go to
 * every client. While the core is being restarted, requests wait in a queue; a request that was
 * already sent when the core went away fails with TRANSPORT_CLOSED (it may or may not have run,
 * so it is never replayed).
 */
export function createPortMultiplexer(): PortMultiplexer {
  const clients = new Set<Listeners>();
  const inFlight = new Map<number, Route>();
  const queued: { request: RpcRequest; route: Route }[] = [];
  let upstream: Port | null = null;
  let detach: Unsubscribe = () => {};
  let nextId = 1;
  let closed = false;

  const deliver = (listeners: Listeners, message: RpcMessage) => {
    for (const listener of listeners.message) listener(message);
  };
  const forward = (request: RpcRequest, route: Route, port: Port) => {
    const upstreamId = nextId++;
    inFlight.set(upstreamId, route);
    port.send({ ...request, id: upstreamId });
  };
  const failInFlight = () => {
    const routes = [...inFlight.values()];
    inFlight.clear();
    for (const route of routes) deliver(route.listeners, transportClosed(route.id));
  };

  const onUpstreamMessage = (message: RpcMessage) => {
    if (message.kind === 'response') {
      const route = inFlight.get(message.id);
      if (!route) return;
      inFlight.delete(message.id);
      if (clients.has(route.listeners)) deliver(route.listeners, { ...message, id: route.id });
    } else if (message.kind === 'event') {
      for (const client of clients) deliver(client, message);
    }
  };

  return {
    connect(): Port {
      const listeners: Listeners = { message: new Set(), close: new Set() };
      clients.add(listeners);
      if (closed) queueMicrotask(() => listeners.close.forEach((l) => l()));
      return {
        send(message) {
          if (closed || !clients.has(listeners) || message.kind !== 'request') return;
          const route = { listeners, id: message.id };
          if (upstream) forward(message, route, upstream);
          else queued.push({ request: message, route });
        },
        onMessage(listener) {
          listeners.message.add(listener);
          return () => listeners.message.delete(listener);
        },
        onClose(listener) {
          listeners.close.add(listener);
          return () => listeners.close.delete(listener);
        },
        close() {
          if (!clients.delete(listeners)) return;
          for (const listener of listeners.close) listener();
        },
      };
    },
    attach(port) {
      if (closed) return;
      detach();
      failInFlight();
      upstream = port;
      const offMessage = port.onMessage(onUpstreamMessage);
      const offClose = port.onClose(() => {
        if (upstream !== port) return;
        upstream = null;
        failInFlight();
      });
      detach = () => {
        offMessage();
        offClose();
      };
      for (const { request, route } of queued.splice(0)) {
        if (clients.has(route.listeners)) forward(request, route, port);
      }
    },
    isClosed: () => closed,
    close() {
      if (closed) return;
      closed = true;
      detach();
      upstream = null;
      failInFlight();
      for (const { request, route } of queued.splice(0)) deliver(route.listeners, transportClosed(request.id));
      for (const client of [...clients]) {
        clients.delete(client);
        for (const listener of client.close) listener();
      }
    },
  };
}
