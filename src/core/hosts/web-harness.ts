import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AdjustableClock } from '../../shared/clock';
import { createCore, type Core, type CoreOptions } from '../create-core';
import { createStderrLogger, type Logger } from '../log';
import { CLOSE_CODES, MAX_WEBSOCKET_MESSAGE_BYTES, webSocketPort } from '../rpc/websocket-port';
import { serveCore } from '../rpc/serve-core';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { checkUpgrade, isAllowedHost } from './harness-guards';
import { serveStatic } from './static-files';

export type WebHarnessOptions = {
  dataDir: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  log?: Logger;
  /** Test hooks of the importer (e2e tests hold an import mid-file with `pauseMidUnit`). */
  imports?: CoreOptions['imports'];
};

export type WebHarness = {
  /** What to open in a browser: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  port: number;
  token: string;
  core: Core;
  close(): Promise<void>;
};

/** Loopback only: the harness must never be reachable from the network. */
export const HARNESS_HOST = '127.0.0.1';

// Sent with every answer. The token travels in the page URL, so no Referer may carry it anywhere.
const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

const refuseUpgrade = (socket: Duplex) => {
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  socket.destroy();
};

/**
 * The browser harness (development and end-to-end tests only, never the packaged app): one HTTP
 * server on 127.0.0.1 that serves the built renderer and carries the RPC protocol over a
 * WebSocket at /rpc, guarded by a per-launch token, a Host check and an Origin check.
 * The core gets an adjustable clock, so `testing.setTime` works here and nowhere else.
 * Every connected tab receives every event.
 */
export async function startWebHarness(options: WebHarnessOptions): Promise<WebHarness> {
  const log = options.log ?? createStderrLogger('shopdesk-web');
  const token = randomBytes(32).toString('base64url');
  const core = await createCore({ dataDir: options.dataDir, log, testingClock: new AdjustableClock(), opener: 'harness', logFile: 'web', imports: options.imports });
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WEBSOCKET_MESSAGE_BYTES, perMessageDeflate: false });
  let port = 0;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed');
      return;
    }
    serveStatic(options.rendererDir, req, res);
  };

  const server = createServer(onRequest);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = checkUpgrade({ url: req.url, host: req.headers.host, origin: req.headers.origin }, port, token);
    if (refusal) {
      // Never log the URL: it would hold the (wrong, or a leaked right) token.
      log.warn('harness refused a websocket', { reason: refusal, origin: req.headers.origin ?? null });
      refuseUpgrade(socket);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      serveCore(core, webSocketPort(ws, { log }));
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: HARNESS_HOST, port: options.port ?? 0, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const ws of sockets) ws.close(CLOSE_CODES.goingAway, 'harness stopping');
      server.closeAllConnections();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // A tab that never answers the closing handshake must not keep the process alive.
      const stragglers = setTimeout(() => {
        for (const ws of sockets) ws.terminate();
      }, 1000);
      await waitUntilClosed(sockets);
      clearTimeout(stragglers);
      await serverClosed;
      await core.close();
    })();
    return closing;
  };

  return { url: `http://${HARNESS_HOST}:${port}/?token=${token}`, port, token, core, close };
}

const waitUntilClosed = (sockets: Set<WebSocket>) =>
  Promise.all(
    [...sockets].map(
      (ws) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve()))),
    ),
  );
