/**
 * Child process for the kill -9 test: imports one file through the real core (worker threads)
 * and reports on stdout: STARTED, PROGRESS <lines> per progress event, DONE <outcome json>.
 * With `hold`, the import stops for good once its first batch is written (its transaction open)
 * and prints HELD: a kill then surely lands mid-import, however fast or busy the machine is.
 *   tsx tests/helpers/children/import-file.ts <dataDir> <file> [hold]
 */
import { createCore } from '../../../src/core/create-core';
import { silentLogger } from '../../../src/core/log';
import type { ImportProgress } from '../../../src/shared/rpc/contract';

const [dataDir, file, hold] = process.argv.slice(2);
const pauseMidUnit = async () => {
  process.stdout.write('HELD\n');
  await new Promise<never>(() => {});
};
const core = await createCore({ dataDir: dataDir!, log: silentLogger, imports: hold === 'hold' ? { pauseMidUnit } : {} });
core.onEvent((e) => {
  if (e.event === 'imports.progressed') process.stdout.write(`PROGRESS ${(e.payload as ImportProgress).phase} ${(e.payload as ImportProgress).lines}\n`);
});
process.stdout.write('STARTED\n');
const outcomes = await core.call('imports.run', { jobId: `kill-test-${process.pid}`, sources: [{ type: 'path', path: file! }] });
await core.close();
process.stdout.write(`DONE ${JSON.stringify(outcomes[0])}\n`);
