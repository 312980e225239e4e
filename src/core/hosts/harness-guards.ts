import { createHash, timingSafeEqual } from 'node:crypto';

/** The only names the harness answers to: a DNS-rebinding page arrives with its own Host. */
export const allowedHosts = (port: number): readonly string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** Pages allowed to open the RPC socket: the harness's own, and nothing else (not even `null`). */
export const allowedOrigins = (port: number): readonly string[] => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

export const RPC_PATH = '/rpc';

// Hash both sides so the comparison is constant-time even when the lengths differ.
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time token comparison; an empty or missing token never matches. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given || expected.length === 0) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

export type UpgradeRequest = { url: string | undefined; host: string | undefined; origin: string | undefined };

export type UpgradeRefusal = 'path' | 'token' | 'host' | 'origin';

/**
 * Decides whether a WebSocket upgrade may reach the core. Every check must pass: the exact
 * `/rpc` path, this launch's token, a loopback Host with our port, and our own page as Origin.
 * Browsers always send Origin on WebSocket handshakes, so a missing one is refused as well.
 */
export function checkUpgrade(request: UpgradeRequest, port: number, token: string): UpgradeRefusal | null {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (path !== RPC_PATH) return 'path';
  const given = new URLSearchParams(query === -1 ? '' : url.slice(query + 1)).getAll('token');
  if (given.length !== 1 || !tokenMatches(token, given[0])) return 'token';
  if (!request.host || !allowedHosts(port).includes(request.host.toLowerCase())) return 'host';
  if (!request.origin || !allowedOrigins(port).includes(request.origin.toLowerCase())) return 'origin';
  return null;
}

/** Plain HTTP requests (the static renderer) only need a Host that names us. */
export const isAllowedHost = (host: string | undefined, port: number): boolean =>
  host !== undefined && allowedHosts(port).includes(host.toLowerCase());
