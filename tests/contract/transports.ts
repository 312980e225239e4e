import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/core/create-core';
import { startWebHarness } from '../../src/core/hosts/web-harness';
import { silentLogger } from '../../src/core/log';
import { inMemoryPortPair } from '../../src/core/rpc/in-memory-port';
import { serveCore } from '../../src/core/rpc/serve-core';
import { connectWebSocketPort } from '../../src/renderer/src/app/websocket-port';
import { createClient, type RpcClient } from '../../src/shared/rpc/client';
import type { Port, RpcRequest, RpcResponse } from '../../src/shared/rpc/envelope';

/** One connected client, however it reaches the core. */
export type Connection = {
  client: RpcClient;
  /** The client's side of the transport, for raw envelopes. */
  port: Port;
  core: Core;
  /** The harness gives its core an adjustable clock; plain hosts do not. */
  hasTestingClock: boolean;
  close(): Promise<void>;
};

export type Transport = { name: string; connect(dataDir: string): Promise<Connection> };

/**
 * Node's WebSocket (undici) sends no Origin header, and the harness refuses a handshake without
 * one, so tests set it through undici's non-standard `headers` option, as a browser tab would.
 */
export function nodeWebSocket(url: string, origin: string | null): WebSocket {
  const WithHeaders = WebSocket as unknown as new (url: string, init: { headers: Record<string, string> }) => WebSocket;
  return new WithHeaders(url, { headers: origin === null ? {} : { origin } });
}

export const harnessSocketUrl = (harness: { port: number; token: string }, host = '127.0.0.1') =>
  `ws://${host}:${harness.port}/rpc?token=${encodeURIComponent(harness.token)}`;

/** A minimal built renderer for tests that do not need the real UI. */
export function fakeRendererDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shopdesk-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ShopDesk</title><script type="module" src="/assets/app.js"></script>');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const inMemoryTransport: Transport = {
  name: 'in-memory',
  async connect(dataDir) {
    const core = await createCore({ dataDir, log: silentLogger });
    const [serverSide, clientSide] = inMemoryPortPair();
    serveCore(core, serverSide);
    const client = createClient(clientSide);
    return {
      client,
      port: clientSide,
      core,
      hasTestingClock: false,
      async close() {
        client.close();
        await core.close();
      },
    };
  },
};

export const webSocketTransport: Transport = {
  name: 'websocket',
  async connect(dataDir) {
    const renderer = fakeRendererDir();
    const harness = await startWebHarness({ dataDir, port: 0, rendererDir: renderer.dir, log: silentLogger });
    const port = await connectWebSocketPort(nodeWebSocket(harnessSocketUrl(harness), `http://127.0.0.1:${harness.port}`));
    const client = createClient(port);
    return {
      client,
      port,
      core: harness.core,
      hasTestingClock: true,
      async close() {
        client.close();
        await harness.close();
        renderer.remove();
      },
    };
  },
};

export const TRANSPORTS: readonly Transport[] = [inMemoryTransport, webSocketTransport];

/** Sends one raw envelope and waits for the response with its id. */
export function rawCall(port: Port, request: RpcRequest): Promise<RpcResponse> {
  return new Promise((resolve) => {
    const off = port.onMessage((message) => {
      if (message.kind === 'response' && message.id === request.id) {
        off();
        resolve(message);
      }
    });
    port.send(request);
  });
}
