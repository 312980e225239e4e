import { AppError, isAppError } from '../../shared/errors';
import type { RpcEvent, RpcRequest, RpcResponse } from '../../shared/rpc/envelope';
import type { Core } from '../create-core';
import type { Logger } from '../log';
import { callThrough } from './call-through';

const isLocked = (error: unknown): error is AppError => isAppError(error) && error.code === 'DATA_FOLDER_LOCKED';

/**
 * The desktop core when its data folder belongs to another program (the harness, a CLI command):
 * instead of exiting (the host would restart it and finally report a crash), it answers every call
 * with DATA_FOLDER_LOCKED naming the holder, and tries to open the folder again on each call, so
 * the window's "retry" works once the other program has closed. Any other start failure is thrown.
 */
export async function openCoreWhenFree(open: () => Promise<Core>, log: Logger): Promise<Core> {
  try {
    return await open();
  } catch (error) {
    if (!isLocked(error)) throw error;
    log.warn('the data folder is in use by another program; waiting for it', { holder: error.details?.holder ?? null });
    return lockedOut(open, error, log);
  }
}

function lockedOut(open: () => Promise<Core>, firstError: AppError, log: Logger): Core {
  const listeners = new Set<(event: RpcEvent) => void>();
  let inner: Core | null = null;
  let lastError: AppError = firstError;
  let attempt: Promise<void> | null = null;
  let closed = false;

  const tryOpen = () => {
    attempt ??= open().then(
      (core) => {
        if (closed) return core.close();
        inner = core;
        for (const l of listeners) core.onEvent(l);
        log.info('the data folder is free again; the core is open');
      },
      (error: unknown) => {
        attempt = null;
        if (isLocked(error)) lastError = error;
        else throw error;
      },
    );
    return attempt;
  };

  const handle = async (request: RpcRequest): Promise<RpcResponse> => {
    if (!inner && !closed) {
      try {
        await tryOpen();
      } catch (error) {
        const data = isAppError(error) ? error.toData() : { code: 'INTERNAL' as const, message: 'the core could not start' };
        return { kind: 'response', id: request.id, ok: false, error: data };
      }
    }
    if (inner) return inner.handle(request);
    return { kind: 'response', id: request.id, ok: false, error: lastError.toData() };
  };

  return {
    handle,
    call: callThrough(handle),
    onEvent(listener) {
      listeners.add(listener);
      const off = inner?.onEvent(listener);
      return () => {
        listeners.delete(listener);
        off?.();
      };
    },
    dataDir: firstError.details?.dataDir as string,
    async close() {
      closed = true;
      await attempt?.catch(() => undefined);
      await inner?.close();
    },
  };
}
