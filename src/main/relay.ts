import type { WebContents } from 'electron';
import { DESKTOP_EVENTS, RPC_CHANNEL } from '../shared/ipc-channels';
import { parsePageRequest, type PageFrame } from '../shared/page-frame';
import type { Port, RpcResponse } from '../shared/rpc/envelope';
import type { IpcRegistry } from './ipc-registry';

/** The part of the core host the relay uses. */
export type RelayCore = { connect(): Port; isClosed(): boolean };

export type RendererRelay = {
  /** The page is gone (its renderer crashed, or it is being reloaded): its connection closes, and late answers for it are dropped. */
  endPage(): void;
};

type PageTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

const coreStopped = (id: number): RpcResponse => ({
  kind: 'response',
  id,
  ok: false,
  error: { code: 'CORE_STOPPED', message: 'the data service has stopped and is not restarted' },
});

/**
 * Carries envelopes between the window's page and the core on the one RPC channel. Requests from
 * the window's page (after the registry's sender check) go to the core; answers and events go
 * back to that page only. Params are not looked at here: the core validates them with zod.
 *
 * Every page (document) has its own connection to the core, keyed by the page key the preload
 * draws at each load: a reloaded page starts its request ids at 1 again, so it must never get
 * the answers still owed to the page before. When a new page speaks, the previous one's
 * connection closes and its key is retired; frames of a retired page are dropped.
 *
 * Once the core is stopped for good, every request is answered at once with CORE_STOPPED and the
 * page is told (DESKTOP_EVENTS.coreStopped); not while the app quits.
 */
export function relayRendererToCore(registry: IpcRegistry, core: RelayCore, target: () => PageTarget | null, options: { isQuitting(): boolean }): RendererRelay {
  const retired = new Set<string>();
  let current: { key: string; port: Port } | null = null;

  const toPage = (channel: string, payload?: PageFrame) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) {
      if (payload === undefined) contents.send(channel);
      else contents.send(channel, payload);
    }
  };
  const endPage = () => {
    const ended = current;
    current = null;
    if (!ended) return;
    retired.add(ended.key);
    ended.port.close();
  };
  const connectPage = (key: string) => {
    endPage();
    const page = { key, port: core.connect() };
    current = page;
    page.port.onMessage((message) => {
      if (current === page) toPage(RPC_CHANNEL, { page: key, message });
    });
    page.port.onClose(() => {
      if (current === page && core.isClosed() && !options.isQuitting()) toPage(DESKTOP_EVENTS.coreStopped);
    });
    return page;
  };

  registry.on(RPC_CHANNEL, parsePageRequest, (event, { page: key, message }) => {
    if (event.sender !== target() || retired.has(key)) return;
    if (core.isClosed()) {
      toPage(RPC_CHANNEL, { page: key, message: coreStopped(message.id) });
      toPage(DESKTOP_EVENTS.coreStopped);
      return;
    }
    const page = current?.key === key ? current : connectPage(key);
    page.port.send(message);
  });
  return { endPage };
}
