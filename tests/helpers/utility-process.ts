import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

/*
 * Electron's utilityProcess.fork for plain Node: the module runs in the pinned Node 22 (what
 * Electron 45 embeds) with `process.parentPort` installed by children/parent-port.mjs, and the
 * returned object has the UtilityProcess surface main uses (postMessage, 'message', 'exit', kill).
 * Only node: imports, so it also loads under `node --experimental-transform-types` (the fake
 * `electron` module of tests/helpers/children/electron-stand-in.mjs uses it).
 */

const PARENT_PORT = fileURLToPath(new URL('./children/parent-port.mjs', import.meta.url));

export type UtilityProcessStandIn = EventEmitter & {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  kill(): boolean;
  /** Everything the process wrote to stderr so far (when stdio is 'pipe'). */
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number>;
};

export type ForkOptions = { env?: NodeJS.ProcessEnv; stdio?: 'pipe' | 'inherit'; cwd?: string };

export function forkUtilityProcess(modulePath: string, args: readonly string[], options: ForkOptions = {}): UtilityProcessStandIn {
  const child = fork(modulePath, [...args], {
    // Not the parent's execArgv: the core gets exactly what Electron gives it, no loaders or hooks.
    execArgv: ['--import', PARENT_PORT],
    execPath: process.execPath,
    serialization: 'advanced',
    stdio: options.stdio === 'inherit' ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe', 'ipc'],
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.resume();
  const emitter = new EventEmitter();
  child.on('message', (message) => emitter.emit('message', message));
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => {
      // Electron reports a signal death as a non-zero code; so does this stand-in.
      const exitCode = code ?? (signal ? 128 : 1);
      emitter.emit('exit', exitCode);
      resolve(exitCode);
    });
  });
  return Object.assign(emitter, {
    pid: child.pid,
    postMessage: (message: unknown) => {
      if (child.connected) child.send(message as never);
    },
    kill: () => child.kill('SIGKILL'),
    stderr: () => stderr,
    exited,
  });
}
