/**
 * One measured import in a fresh process, so its peak memory is its own:
 *   tsx tests/bench/import-child.ts <dataDir> <file> <pipeline> [report]
 * Prints one JSON line: wall time, peak RSS (the whole process: core thread and import workers),
 * the outcome, and with `report` the reports.orders timings.
 */
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import type { OrderReportGroup } from '../../src/shared/rpc/domains/reports';

const [dataDir, file, pipeline, report] = process.argv.slice(2);
const core = await createCore({ dataDir: dataDir!, log: silentLogger, imports: { pipeline: pipeline as 'one-thread' | 'two-threads' } });
let progressEvents = 0;
core.onEvent((e) => {
  if (e.event === 'imports.progressed') progressEvents += 1;
});
const started = performance.now();
const outcomes = await core.call('imports.run', { jobId: `bench-${Date.now()}`, sources: [{ type: 'path', path: file! }] });
const ms = performance.now() - started;
const reports: Record<string, number> = {};
if (report === 'report') {
  for (const by of ['day', 'week', 'month', 'product', 'province', 'status', 'source'] as OrderReportGroup[]) {
    await core.call('reports.orders', { by });
    const t = performance.now();
    await core.call('reports.orders', { by });
    reports[by] = Math.round(performance.now() - t);
  }
  const t = performance.now();
  await core.call('reports.orders', { by: 'day', from: '2026-06-03', to: '2026-08-31' });
  reports['day-90d'] = Math.round(performance.now() - t);
}
await core.close();
const o = outcomes[0]!;
process.stdout.write(
  `${JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    progressEvents,
    outcome: o.refused ? { code: o.code, message: o.message } : { lines: o.lines, inserted: o.inserted, updated: o.updated, unchanged: o.unchanged, duplicates: o.duplicatesInFile, alreadyImported: o.alreadyImported, issues: o.issueCount },
    reports,
  })}\n`,
);
