import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { startWebHarness, type WebHarness } from '../../src/core/hosts/web-harness';
import { silentLogger } from '../../src/core/log';
import { MAX_WEBSOCKET_MESSAGE_BYTES } from '../../src/core/rpc/websocket-port';
import { connectWebSocketPort } from '../../src/renderer/src/app/websocket-port';
import { AppError } from '../../src/shared/errors';
import { createClient } from '../../src/shared/rpc/client';
import type { Settings } from '../../src/shared/rpc/contract';
import { harnessSocketUrl, nodeWebSocket } from '../contract/transports';

/*
 * The harness is reachable by any web page the developer has open (a page can make requests to
 * 127.0.0.1), so these tests act as that page: wrong tokens, foreign origins, rebinding hosts,
 * path tricks. Only our own page, with this launch's token, may reach the core.
 */

let base: string;
let harness: WebHarness;
let origin: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'shopdesk-harness-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ShopDesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET');
  harness = await startWebHarness({ dataDir: join(base, 'data'), port: 0, rendererDir, log: silentLogger });
  origin = `http://127.0.0.1:${harness.port}`;
});

afterAll(async () => {
  await harness?.close();
  rmSync(base, { recursive: true, force: true });
});

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** A raw HTTP request: the path goes on the wire exactly as given (no client-side normalising). */
function http(path: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: harness.port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${harness.port}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A raw WebSocket handshake; resolves with 101 when the harness accepts it, else the HTTP status. */
function handshake(options: { path?: string; host?: string; origin?: string | null }): Promise<number> {
  const headers: Record<string, string> = {
    host: options.host ?? `127.0.0.1:${harness.port}`,
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': randomBytes(16).toString('base64'),
  };
  const wantedOrigin = options.origin === undefined ? origin : options.origin;
  if (wantedOrigin !== null) headers.origin = wantedOrigin;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: harness.port, path: options.path ?? `/rpc?token=${harness.token}`, headers });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const connectClient = async () => createClient(await connectWebSocketPort(nodeWebSocket(harnessSocketUrl(harness), origin)));

describe('the harness address', () => {
  it('is printed as http://127.0.0.1:PORT/?token=TOKEN with a long random token', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/?token=${harness.token}`);
    expect(harness.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('listens on 127.0.0.1 only', async () => {
    // Only an address that may drop packets gets an idle timeout, and it can only answer "not
    // reachable" (what is expected there); the loopback connect waits for its answer however long.
    const reachable = (host: string, timeout?: number) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: harness.port, ...(timeout === undefined ? {} : { timeout }) });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
        socket.once('timeout', () => {
          socket.destroy();
          resolve(false);
        });
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of otherAddresses) expect(await reachable(address, 2000)).toBe(false);
    expect(await reachable('::1', 2000)).toBe(false);
  });
});

describe('static files', () => {
  it('serves index.html with the desktop CSP and safe headers', async () => {
    const answer = await http('/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('<title>ShopDesk</title>');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends the shared CSP (the desktop app sends the same one), without unsafe script sources', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toMatch(/unsafe|\*|data:/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/settings/backups', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const answer = await http(path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
  });

  it('answers HEAD without a body and a missing asset with 404', async () => {
    const head = await http('/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect((await http('/assets/missing.js')).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const answer = await http('/', { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/secret.txt',
    '/%2e%2e/',
    '/..%5c..%5csecret.txt',
    '/..%2f..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%00',
  ])('keeps %s inside the renderer folder', async (path) => {
    const answer = await http(path);
    expect([400, 403, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('TOP-SECRET');
    expect(answer.body).not.toContain('"name"');
  });

  it('refuses a request whose Host is not ours (DNS rebinding)', async () => {
    expect((await http('/', { host: `evil.example:${harness.port}` })).status).toBe(403);
    expect((await http('/', { host: `localhost:${harness.port}` })).status).toBe(200);
  });
});

describe('the /rpc WebSocket', () => {
  it('accepts our page with the right token', async () => {
    expect(await handshake({})).toBe(101);
    expect(await handshake({ host: `localhost:${harness.port}`, origin: `http://localhost:${harness.port}` })).toBe(101);
  });

  it.each([
    ['no token', { path: '/rpc' }],
    ['an empty token', { path: '/rpc?token=' }],
    ['a wrong token', { path: '/rpc?token=not-the-token' }],
    ['another path', { path: `/rpc2?token=TOKEN` }],
    ['no Origin', { origin: null }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['a look-alike Origin', { origin: 'http://127.0.0.1.evil.example' }],
    ['another local port as Origin', { origin: 'http://127.0.0.1:5173' }],
    ['the null Origin', { origin: 'null' }],
    ['a rebinding Host', { host: 'evil.example:PORT' }],
    ['another port in Host', { host: '127.0.0.1:80' }],
  ] as [string, { path?: string; host?: string; origin?: string | null }][])('refuses %s with 403', async (_name, options) => {
    const resolved = {
      ...options,
      path: options.path?.replace('TOKEN', harness.token),
      host: options.host?.replace('PORT', String(harness.port)),
    };
    expect(await handshake(resolved)).toBe(403);
  });

  it('refuses a token that differs only in its last character', async () => {
    const last = harness.token.at(-1) === 'A' ? 'B' : 'A';
    expect(await handshake({ path: `/rpc?token=${harness.token.slice(0, -1)}${last}` })).toBe(403);
  });

  it('makes connectWebSocketPort reject when the harness refuses', async () => {
    await expect(connectWebSocketPort(nodeWebSocket(`ws://127.0.0.1:${harness.port}/rpc?token=wrong`, origin))).rejects.toThrow();
    await expect(connectWebSocketPort(nodeWebSocket(harnessSocketUrl(harness), 'http://evil.example'))).rejects.toThrow();
  });

  it('delivers events to every connected tab', async () => {
    const [a, b] = await Promise.all([connectClient(), connectClient()]);
    const seen = (client: typeof a) => new Promise<Settings>((resolve) => client.on('settings.changed', resolve));
    const both = Promise.all([seen(a), seen(b)]);
    await a.call('settings.update', { theme: 'dark' });
    const [ofA, ofB] = await both;
    expect(ofA.theme).toBe('dark');
    expect(ofB).toEqual(ofA);
    a.close();
    b.close();
  });

  it('closes a socket that sends more than the size cap, and stays up for others', async () => {
    const socket = nodeWebSocket(harnessSocketUrl(harness), origin);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
    socket.send(JSON.stringify({ kind: 'request', id: 1, method: 'app.status', params: { pad: 'x'.repeat(MAX_WEBSOCKET_MESSAGE_BYTES) } }));
    expect(await closed).toBe(1009);
    const client = await connectClient();
    expect((await client.call('app.status', {})).mode).toBe('normal');
    client.close();
  });

  it.each([
    ['not JSON', 'hello'],
    ['JSON that is not an envelope', '{"kind":"request","id":"x"}'],
  ])('closes a socket that sends %s', async (_name, frame) => {
    const socket = nodeWebSocket(harnessSocketUrl(harness), origin);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
    socket.send(frame);
    expect(await closed).toBe(1007);
  });

  it('fails a call made after the connection dropped instead of leaving it pending', async () => {
    const port = await connectWebSocketPort(nodeWebSocket(harnessSocketUrl(harness), origin));
    const client = createClient(port);
    const gone = new Promise<void>((resolve) => port.onClose(resolve));
    port.close();
    await gone;
    const error = await client.call('app.status', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TRANSPORT_CLOSED');
  });
});

describe('closing the harness', () => {
  it('closes open tabs, stops listening and closes the core', async () => {
    const own = await startWebHarness({ dataDir: join(base, 'data-close'), port: 0, rendererDir: join(base, 'renderer'), log: silentLogger });
    const port = await connectWebSocketPort(nodeWebSocket(harnessSocketUrl(own), `http://127.0.0.1:${own.port}`));
    const gone = new Promise<void>((resolve) => port.onClose(resolve));
    await own.close();
    await gone;
    await own.close();
    await expect(own.core.call('app.status', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: own.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
