import type { Core, CoreOptions } from '../core/create-core';
import type { Logger } from '../core/log';
import { openCoreWhenFree } from '../core/rpc/core-when-free';
import { serveCore } from '../core/rpc/serve-core';
import { parseMessage, type Port, type RpcMessage } from '../shared/rpc/envelope';
import { isShutdownMessage } from './core-control';

/** The part of Electron's `process.parentPort` the core process uses. */
export type ParentPortLike = {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
};

export type CoreProcessDeps = {
  parentPort: ParentPortLike;
  dataDir: string;
  createCore(options: CoreOptions): Promise<Core>;
  log: Logger;
  exit(code: number): void;
};

/** Minutes between checks for today's automatic backup while the app runs. */
export const DAILY_BACKUP_CHECK_MINUTES = 30;

/**
 * The body of the utility process: opens the core and serves it over `parentPort`. Requests that
 * arrive while the database is still opening are held and answered in order once it is open.
 * The shutdown message closes the core (waiting for running writes) and then exits, once.
 */
export function runCoreProcess(deps: CoreProcessDeps): Promise<void> {
  const { parentPort, log } = deps;
  const held: RpcMessage[] = [];
  let deliver: ((message: RpcMessage) => void) | null = null;
  let shuttingDown = false;

  // Another program holding the folder is answered per call (DATA_FOLDER_LOCKED), not a crash loop.
  const corePromise = openCoreWhenFree(() => deps.createCore({ dataDir: deps.dataDir, log, dailyBackupCheckMinutes: DAILY_BACKUP_CHECK_MINUTES, opener: 'desktop' }), log);

  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    let code = 0;
    try {
      const core = await corePromise.catch(() => null);
      await core?.close();
    } catch (error) {
      code = 1;
      log.error('closing the core failed', { detail: (error as Error).message });
    }
    deps.exit(code);
  };

  parentPort.on('message', ({ data }) => {
    if (isShutdownMessage(data)) {
      void shutdown();
      return;
    }
    const message = parseMessage(data);
    if (message === null || shuttingDown) return;
    if (deliver) deliver(message);
    else held.push(message);
  });

  const port: Port = {
    send: (message) => parentPort.postMessage(message),
    onMessage(listener) {
      deliver = listener;
      for (const message of held.splice(0)) listener(message);
      return () => {
        deliver = null;
      };
    },
    // The channel to main lives as long as this process; main ends it with the shutdown message.
    onClose: () => () => {},
    close: () => void shutdown(),
  };

  return corePromise.then(
    (core) => {
      if (!shuttingDown) serveCore(core, port);
    },
    (error: unknown) => {
      log.error('the core could not start', { detail: (error as Error)?.message ?? String(error) });
      deps.exit(1);
    },
  );
}
