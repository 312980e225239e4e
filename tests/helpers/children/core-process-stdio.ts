/**
 * Child process for the log-file tests: runs the real core-process entry (src/main/core-process.ts)
 * as utilityProcess.fork would, with a `process.parentPort` stand-in: each stdin line is a message
 * from main, each message the core posts is a stdout line.
 *   node --import tsx tests/helpers/children/core-process-stdio.ts --data-dir DIR [--throw-after-first-answer MESSAGE]
 * With --throw-after-first-answer the process dies of an uncaught exception once it has answered.
 */
import { createInterface } from 'node:readline';

const throwAt = process.argv.indexOf('--throw-after-first-answer');
const thrown = throwAt === -1 ? null : (process.argv[throwAt + 1] ?? 'boom');
const listeners: ((event: { data: unknown }) => void)[] = [];

Object.assign(process, {
  parentPort: {
    on: (_event: 'message', listener: (event: { data: unknown }) => void) => listeners.push(listener),
    postMessage(message: unknown) {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      if (thrown !== null)
        setImmediate(() => {
          throw new Error(thrown);
        });
    },
  },
});
createInterface({ input: process.stdin }).on('line', (line) => {
  for (const listener of listeners) listener({ data: JSON.parse(line) as unknown });
});
await import('../../../src/main/core-process');
