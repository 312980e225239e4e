import type { WebContents } from 'electron';
import { parseMessage, type Port, type RpcRequest } from '../shared/rpc/envelope';
import { RPC_CHANNEL } from '../shared/ipc-channels';
import type { IpcRegistry } from './ipc-registry';

const asRequest = (raw: unknown): RpcRequest | null => {
  const message = parseMessage(raw);
  return message?.kind === 'request' ? message : null;
};

/**
 * Carries envelopes between the window and the core on the one RPC channel: requests from the
 * window's page (after the registry's sender check) go to the core; responses and events come
 * back to that page only. Params are not looked at here: the core validates them with zod.
 */
export function relayRendererToCore(registry: IpcRegistry, port: Port, target: () => Pick<WebContents, 'send' | 'isDestroyed'> | null): void {
  registry.on(RPC_CHANNEL, asRequest, (event, request) => {
    if (event.sender !== target()) return;
    port.send(request);
  });
  port.onMessage((message) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(RPC_CHANNEL, message);
  });
}
