import type { PreloadBridge } from '../../../shared/preload-bridge';
import type { Port } from '../../../shared/rpc/envelope';
import { bridgePort } from './bridge-port';
import { connectWebSocketPort } from './websocket-port';

/** What the renderer runs in: the desktop app (with its extra native actions) or the browser harness. */
export type Host = { kind: 'desktop'; desktop: PreloadBridge['desktop'] } | { kind: 'browser' };

export type Transport = { port: Port; host: Host };

/**
 * The harness WebSocket address for a page served by the harness, or null without a token.
 * The token is the one the harness printed in the page URL (`?token=`).
 */
export function harnessSocketUrl(location: Pick<Location, 'host' | 'search'>): string | null {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return null;
  return `ws://${location.host}/rpc?token=${encodeURIComponent(token)}`;
}

/** The parts of `window` the choice depends on. */
export type TransportWindow = { appBridge?: PreloadBridge; location: Pick<Location, 'host' | 'search'> };

/**
 * The one place that picks the transport: the preload bridge when the desktop app provides it,
 * else the browser harness's WebSocket.
 */
export async function openTransport(win: TransportWindow = window): Promise<Transport> {
  const bridge = win.appBridge;
  if (bridge) return { port: bridgePort(bridge), host: { kind: 'desktop', desktop: bridge.desktop } };
  const url = harnessSocketUrl(win.location);
  if (url === null) throw new Error('no desktop bridge and no harness token in the address');
  return { port: await connectWebSocketPort(url), host: { kind: 'browser' } };
}
