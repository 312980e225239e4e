import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The project's pinned Node 22 (the machine's bare `node` is older and cannot load better-sqlite3 13). */
export const PINNED_NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

export type TsChild = {
  process: ChildProcess;
  /**
   * Resolves with the first stdout line matching `pattern` (seen already or yet to come); rejects,
   * with the child's stderr, when it exits without one. No deadline of its own: a slow start on a
   * busy machine is no failure, and a hung child is the test's timeout.
   */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves when the process has ended and its output is read, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
};

/** Runs a TypeScript file in a child process through the pinned Node with tsx's loader. */
export function spawnTs(script: string, args: string[] = []): TsChild {
  const child = spawn(PINNED_NODE, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let stdoutRest = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (stdoutRest + chunk).split('\n');
    stdoutRest = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    exited,
    stderr: () => stderr,
    waitForLine(pattern) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { pattern, resolve };
        waiters.push(waiter);
        void exited.then(() => {
          if (!waiters.includes(waiter)) return;
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`child exited before printing ${pattern}; stderr: ${stderr}`));
        });
      });
    },
  };
}

/** SIGKILL (or another signal) and wait until the process is really gone. */
export async function killAndWait(child: TsChild, signal: NodeJS.Signals = 'SIGKILL') {
  child.process.kill(signal);
  return child.exited;
}
