import type { Logger } from '../core/log';
import type { Port } from '../shared/rpc/envelope';
import { SHUTDOWN_MESSAGE } from './core-control';
import { createPortMultiplexer } from './port-multiplexer';
import { utilityProcessPort, type UtilityProcessLike } from './utility-port';

export type CoreHostOptions = {
  /** Starts the core's utility process (utilityProcess.fork in the app, a fake in tests). */
  fork(): UtilityProcessLike;
  log: Logger;
  /** How long a graceful stop may take before the process is killed. */
  shutdownTimeoutMs?: number;
  /** Crashes tolerated within `crashWindowMs` before giving up. */
  maxRestarts?: number;
  crashWindowMs?: number;
  now?: () => number;
  /** Called once when the core keeps crashing; the app tells the user and quits. */
  onGiveUp(exitCode: number): void;
};

export type CoreHost = {
  /** A port to the core for one client; it survives core restarts. */
  connect(): Port;
  /** True once the core will not run again (given up after crashes, or stopped). */
  isClosed(): boolean;
  /** Asks the core to finish its writes and close the database, then waits for it (idempotent). */
  stop(): Promise<void>;
};

/**
 * Runs the core in a utility process and keeps it running: an unexpected exit restarts it (the
 * clients' ports stay open; calls in flight fail with TRANSPORT_CLOSED; a fatal V8 `error` counts as
 * the same crash), until it crashes too often. Stopping sends the shutdown message once and waits
 * for the exit, killing the process only after the timeout, so a write in progress is not cut off
 * and SQLite closes its WAL cleanly.
 */
export function startCoreHost(options: CoreHostOptions): CoreHost {
  const { log } = options;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 15_000;
  const maxRestarts = options.maxRestarts ?? 3;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const mux = createPortMultiplexer();
  const crashes: number[] = [];
  let child: UtilityProcessLike;
  let exited: Promise<void>;
  let stopping: Promise<void> | null = null;

  const launch = () => {
    const current = options.fork();
    let markExited!: () => void;
    exited = new Promise<void>((resolve) => (markExited = resolve));
    child = current;
    // The port listens for 'exit' first, so in-flight calls fail before a restart attaches anew.
    const port = utilityProcessPort(current);
    mux.attach(port);
    // A fatal V8 error (e.g. out of memory) ends the process like a crash: calls in flight fail now,
    // the process is made sure to end, and its 'exit' (which Electron always sends) restarts the core.
    current.on('error', (type, location) => {
      log.error('core process hit a fatal error', { type, location });
      port.close();
      current.kill();
    });
    current.on('exit', (code) => {
      markExited();
      if (stopping) return;
      log.error('core process exited unexpectedly', { code });
      const at = now();
      crashes.push(at);
      while (crashes.length > 0 && (crashes[0] ?? at) < at - crashWindowMs) crashes.shift();
      if (crashes.length > maxRestarts) {
        mux.close();
        options.onGiveUp(code);
      } else {
        launch();
      }
    });
  };
  launch();

  const waitForExit = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  return {
    connect: () => mux.connect(),
    isClosed: () => mux.isClosed(),
    stop() {
      stopping ??= (async () => {
        try {
          child.postMessage(SHUTDOWN_MESSAGE);
        } catch (error) {
          log.warn('could not ask the core to shut down', { detail: (error as Error).message });
        }
        if (!(await waitForExit(shutdownTimeoutMs))) {
          log.warn('core did not stop in time; killing it', { timeoutMs: shutdownTimeoutMs });
          child.kill();
        }
        mux.close();
      })();
      return stopping;
    },
  };
}
