import { parseMessage, type RpcMessage, type RpcRequest } from './rpc/envelope';

/*
 * What crosses the desktop RPC channel (RPC_CHANNEL) in both directions: an envelope tagged with
 * the page it belongs to. The preload draws a new key for every document it runs in (each load and
 * reload), so main keeps one connection to the core per page, and a page drops whatever is tagged
 * for another: request ids restart at 1 after a reload, and an answer meant for the page before
 * must never resolve a call of the new one.
 */

export type PageFrame = { page: string; message: RpcMessage };

/** 128 random bits as 32 lowercase hex digits. */
export const isPageKey = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);

/** A page key from 16 random bytes (the preload passes crypto.getRandomValues' result). */
export const pageKeyFrom = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A request frame from a page (main checks every one like outside input), or null. */
export function parsePageRequest(raw: unknown): { page: string; message: RpcRequest } | null {
  if (!isObject(raw) || !isPageKey(raw.page)) return null;
  const message = parseMessage(raw.message);
  return message?.kind === 'request' ? { page: raw.page, message } : null;
}

/** The envelope of a frame from main if it is tagged for `page`, else null (the renderer checks its shape). */
export const messageFor = (raw: unknown, page: string): unknown => (isObject(raw) && raw.page === page ? raw.message ?? null : null);
