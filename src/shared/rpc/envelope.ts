import type { AppErrorData } from '../errors';

/** What a client sends: one call, answered by exactly one {@link RpcResponse} with the same id. */
export type RpcRequest = { kind: 'request'; id: number; method: string; params: unknown };

export type RpcResponse =
  | { kind: 'response'; id: number; ok: true; value: unknown }
  | { kind: 'response'; id: number; ok: false; error: AppErrorData };

/** A push from the core, not tied to a request. */
export type RpcEvent = { kind: 'event'; event: string; payload: unknown };

export type RpcMessage = RpcRequest | RpcResponse | RpcEvent;

export type Unsubscribe = () => void;

/** Carries envelopes; in-memory, WebSocket and Electron adapters implement it. */
export interface Port {
  send(message: RpcMessage): void;
  onMessage(listener: (message: RpcMessage) => void): Unsubscribe;
  onClose(listener: () => void): Unsubscribe;
  close(): void;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks the outer shape of a message that arrived from outside (a socket, an IPC channel). */
export function parseMessage(raw: unknown): RpcMessage | null {
  if (!isObject(raw)) return null;
  if (raw.kind === 'request') {
    return typeof raw.id === 'number' && Number.isSafeInteger(raw.id) && typeof raw.method === 'string'
      ? { kind: 'request', id: raw.id, method: raw.method, params: raw.params }
      : null;
  }
  if (raw.kind === 'response') {
    if (typeof raw.id !== 'number') return null;
    if (raw.ok === true) return { kind: 'response', id: raw.id, ok: true, value: raw.value };
    if (raw.ok === false && isObject(raw.error) && typeof raw.error.code === 'string') {
      return { kind: 'response', id: raw.id, ok: false, error: raw.error as AppErrorData };
    }
    return null;
  }
  if (raw.kind === 'event') {
    return typeof raw.event === 'string' ? { kind: 'event', event: raw.event, payload: raw.payload } : null;
  }
  return null;
}
