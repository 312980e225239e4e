/**
 * One measured step in a fresh process, so its peak memory is its own:
 *   tsx tests/bench/import-child.ts <dataDir> <file> <pipeline>   → one import
 *   tsx tests/bench/import-child.ts <dataDir> reports               → reports.orders timings
 *   tsx tests/bench/import-child.ts <dataDir> backup                → one verified backup (what an import takes first)
 *   tsx tests/bench/import-child.ts <dataDir> screens               → the daily screens' calls and one reminder check, timed
 * Prints one JSON line. The import's peak RSS is read the moment imports.run answers (the whole
 * process: core thread and import workers), before other features' post-import listeners run.
 * During the import the core's own event loop is watched (`monitorEventLoopDelay`, 10 ms
 * resolution): the longest and the 99th-percentile delay say whether the core stayed responsive.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import type { OrderReportGroup } from '../../src/shared/rpc/domains/reports';

const [dataDir, file, pipeline] = process.argv.slice(2);
const core = await createCore({
  dataDir: dataDir!,
  log: silentLogger,
  imports: { pipeline: pipeline as 'one-thread' | 'two-threads' },
  // The screens step times its calls alone, without the scheduler's own checks in between.
  ...(file === 'screens' ? { reminderCheckSeconds: 0 } : {}),
});

if (file === 'backup') {
  const started = performance.now();
  await core.call('backups.create', {});
  const ms = performance.now() - started;
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await core.close();
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), maxRssMb, progressEvents: 0, outcome: {}, reports: {} })}\n`);
} else if (file === 'screens') {
  // What a seller's morning costs the core at this size: each call twice (cold, then warm), and
  // one reminder check as the 30-second scheduler runs it. The money screen's and the reminders'
  // answers are also serialised, as the window's RPC must (`… json` ms, `… kB`): that, not the
  // call, was the cost of sending every reconciled line or every overdue order's reminder.
  const reports: Record<string, number> = {};
  const calls: readonly (readonly [string, string, unknown])[] = [
    ['routine.today', 'routine.today', {}],
    ['reminders.list', 'reminders.list', {}],
    ['reminders.due', 'reminders.due', {}],
    // The reminders screen's first answer (each list cut at 100, with totals), and the money screen's reminders.
    ['reminders.list limit 1000', 'reminders.list', { limit: 1000 }],
    ['reminders.due money kinds', 'reminders.due', { kinds: ['settlement', 'deposit'] }],
    ['money.forecast', 'money.forecast', {}],
    ['money.reconciliation', 'money.reconciliation', {}],
    // The money screen's two tables: the overdue queue's first page, the lines' page 2 filtered by
    // a status (the first filtered read passes over every line), and a deep page of every line.
    ['money.reconciliationLines overdue p1', 'money.reconciliationLines', { list: 'overdue', offset: 0, limit: 10 }],
    ['money.reconciliationLines notYet p2', 'money.reconciliationLines', { list: 'all', status: 'notYet', offset: 10, limit: 10 }],
    ['money.reconciliationLines all @250000×200', 'money.reconciliationLines', { list: 'all', offset: 250_000, limit: 200 }],
    ['money.deposit', 'money.deposit', {}],
    ['sourcing.quota', 'sourcing.quota', {}],
  ];
  for (const [label, method, params] of calls) {
    for (const round of ['cold', 'warm']) {
      const t = performance.now();
      const answer = await (core.call as (m: string, p: unknown) => Promise<unknown>)(method, params);
      reports[`${label} ${round}`] = Math.round(performance.now() - t);
      if ((method.startsWith('money.reconciliation') || method === 'reminders.list' || method === 'reminders.due') && round === 'warm') {
        const s = performance.now();
        const json = JSON.stringify(answer);
        reports[`${label} json`] = Number((performance.now() - s).toFixed(1));
        reports[`${label} kB`] = Math.ceil(json.length / 1024);
      }
    }
  }
  await core.close();
  process.stdout.write(`${JSON.stringify({ ms: 0, maxRssMb: 0, progressEvents: 0, outcome: {}, reports })}\n`);
} else if (file === 'reports') {
  const reports: Record<string, number> = {};
  for (const by of ['day', 'week', 'month', 'product', 'province', 'status', 'source'] as OrderReportGroup[]) {
    const t = performance.now();
    await core.call('reports.orders', { by });
    reports[by] = Number((performance.now() - t).toFixed(1));
  }
  const t = performance.now();
  await core.call('reports.orders', { by: 'day', from: '2026-06-03', to: '2026-08-31' });
  reports['day-90d'] = Number((performance.now() - t).toFixed(1));
  await core.close();
  process.stdout.write(`${JSON.stringify({ ms: 0, maxRssMb: 0, progressEvents: 0, outcome: {}, reports })}\n`);
} else {
  let progressEvents = 0;
  core.onEvent((e) => {
    if (e.event === 'imports.progressed') progressEvents += 1;
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const outcomes = await core.call('imports.run', { jobId: `bench-${Date.now()}`, sources: [{ type: 'path', path: file! }] });
  const ms = performance.now() - started;
  loop.disable();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await core.close();
  const o = outcomes[0]!;
  process.stdout.write(
    `${JSON.stringify({
      ms: Math.round(ms),
      maxRssMb,
      progressEvents,
      loopDelayMaxMs: Number((loop.max / 1e6).toFixed(1)),
      loopDelayP99Ms: Number((loop.percentile(99) / 1e6).toFixed(1)),
      outcome: o.refused
        ? { code: o.code, message: o.message }
        : { lines: o.lines, inserted: o.inserted, updated: o.updated, unchanged: o.unchanged, duplicates: o.duplicatesInFile, alreadyImported: o.alreadyImported, issues: o.issueCount },
      reports: {},
    })}\n`,
  );
}
