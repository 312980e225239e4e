import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * Starts an import worker thread. From the bundled app (this module is .js) the entry is the
 * sibling `import-worker.js` that the build emits. From source (tsx, vitest, the CLI in
 * development) the worker registers tsx's loader first and then imports `import-worker.ts`.
 */
export function spawnImportWorker(workerData: unknown, transferList: TransferListItem[]): Worker {
  const here = import.meta.url;
  // From source the URL ends in .ts (tsx may add a query, e.g. `?tsx-namespace=…` under bin/shopdesk.js).
  if (new URL(here).pathname.endsWith('.ts')) {
    const entry = new URL('./import-worker.ts', here).href;
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(bootstrap, { eval: true, workerData, transferList });
  }
  const candidates = [new URL('./import-worker.js', here), new URL('../import-worker.js', here)];
  const entry = candidates.find((u) => existsSync(fileURLToPath(u))) ?? candidates[0]!;
  return new Worker(entry, { workerData, transferList });
}
