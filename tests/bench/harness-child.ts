/**
 * The browser harness in its own process for the first paint benchmark, as the desktop app runs
 * the core in its own (utility) process: the core's start-up work then never delays the bench's
 * browser driver, nor the reverse.
 *   tsx tests/bench/harness-child.ts <rendererDir> <dataDir>
 * Prints one JSON line `{ "url": … }` once it listens; stops (closing the core) when stdin ends.
 */
import { silentLogger } from '../../src/core/log';
import { startWebHarness } from '../../src/core/hosts/web-harness';

const [rendererDir, dataDir] = process.argv.slice(2);
if (rendererDir === undefined || dataDir === undefined) throw new Error('usage: harness-child.ts <rendererDir> <dataDir>');
const harness = await startWebHarness({ dataDir, port: 0, rendererDir, log: silentLogger });
process.stdout.write(`${JSON.stringify({ url: harness.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void harness.close().then(() => process.exit(0));
});
