/**
 * Child process for the data-folder lock tests: opens a core on the folder (taking its lock),
 * prints `OPEN`, then either waits to be killed (`wait`) or ends the process without closing the
 * core (`exit`: the lock must still go, through the exit hook).
 *   node --import tsx tests/helpers/children/hold-core.ts <dataDir> wait|exit
 */
import { createCore } from '../../../src/core/create-core';
import { silentLogger } from '../../../src/core/log';

const [dataDir = '', mode = 'wait'] = process.argv.slice(2);
await createCore({ dataDir, log: silentLogger, opener: 'cli', reminderCheckSeconds: 0 });
process.stdout.write('OPEN\n');
if (mode === 'exit') process.exit(0);
setInterval(() => {}, 60_000);
