/**
 * How fast the tray's "pause" is answered while a big import holds SQLite's write lock (issue 9:
 * goal under 100 ms; before the write scheduler it waited up to the 5 s busy timeout and then
 * failed with DB_BUSY). Never part of the test suite: the suite proves the behaviour with a gate
 * (tests/integration/core-writes-during-import.int.test.ts); this measures it.
 *
 *   npx tsx tests/bench/pause-during-import.ts [--lines 200000]
 *
 * While the import writes, on every progress event it asks routine.start or routine.pause
 * (alternating) and times the answer; it also records the event loop's worst delay.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import type { ImportProgress } from '../../src/shared/rpc/contract';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = join(ROOT, 'tests/.artifacts/bench');
const args = process.argv.slice(2);
const LINES = Number(args[args.indexOf('--lines') + 1] ?? 0) || 200_000;

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, `1791213782_pause-${LINES}.csv`);
  if (!existsSync(file)) await writeOrdersExport(file, LINES);
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-pause-bench-'));
  const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 30 });
  try {
    await core.call('routine.start', { block: 'data' });
    const timings: number[] = [];
    let importing = true;
    let asking = false;
    let n = 0;
    const ask = async () => {
      if (asking || !importing) return;
      asking = true;
      const started = performance.now();
      await (n++ % 2 === 0 ? core.call('routine.pause', {}) : core.call('routine.start', { block: 'data' }));
      if (importing) timings.push(performance.now() - started);
      asking = false;
    };
    core.onEvent((e) => {
      if (e.event === 'imports.progressed' && (e.payload as ImportProgress).phase === 'importing') void ask();
    });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    await core.call('imports.run', { jobId: 'bench-pause', sources: [{ type: 'path', path: file }] });
    importing = false;
    loop.disable();
    const sorted = [...timings].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    console.log(`import of ${LINES.toLocaleString('en-US')} lines: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`routine.pause/start answered during it: ${sorted.length} calls; median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms (goal < 100 ms)`);
    console.log(`event loop delay during the import: p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
