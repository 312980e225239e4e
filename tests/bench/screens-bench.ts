/**
 * The screens benchmark (issue 14; never part of the test suite, no assertion): every screen's first
 * answer on a data folder with a big order import (500,000 lines from `npm run bench`), printed as a
 * table with the goals: ≤ 150 ms cold (the first call after the app opens the database: each call
 * gets a freshly opened core), ≤ 50 ms warm (the same call again), answer ≤ 1 MB as JSON (what the
 * window's RPC carries), and the core's event loop never blocked more than 50 ms while the screens
 * load (`monitorEventLoopDelay`, the longest delay seen over every call).
 *
 *   npm run bench:screens -- <dataDir>          (run.ts calls `screensTable` after its first import)
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';

export const SCREEN_GOALS = { coldMs: 150, warmMs: 50, maxKb: 1024, loopDelayMs: 50 } as const;

/** What each screen asks for first (the renderer's first calls), in the order a seller opens them. */
export const SCREEN_CALLS: readonly (readonly [label: string, method: string, params: unknown])[] = [
  ['Today', 'routine.today', {}],
  ['reminders centre', 'reminders.list', {}],
  ['due reminders', 'reminders.due', {}],
  ['money card reminders', 'reminders.due', { kinds: ['settlement', 'deposit'] }],
  ['money forecast', 'money.forecast', {}],
  ['money reconciliation', 'money.reconciliation', {}],
  ['money overdue page 1', 'money.reconciliationLines', { list: 'overdue', offset: 0, limit: 10 }],
  ['money lines page 1', 'money.reconciliationLines', { list: 'all', offset: 0, limit: 10 }],
  ['money deposit', 'money.deposit', {}],
  ['sourcing quota', 'sourcing.quota', {}],
  ['sourcing products', 'products.list', {}],
  ['suppliers', 'suppliers.list', {}],
  ['imports history', 'imports.history', {}],
];

/** `coldCpuMs`: the core process's CPU time during the cold call — what wall time would be on an idle machine (the bench is often run on a shared one). */
export type ScreenRow = { label: string; method: string; coldMs: number; coldCpuMs: number; warmMs: number; kb: number; loopMaxMs: number };

/** Each call on a freshly opened core (cold), then again (warm); sizes of the warm answer's JSON. */
export async function measureScreens(dataDir: string): Promise<ScreenRow[]> {
  const rows: ScreenRow[] = [];
  for (const [label, method, params] of SCREEN_CALLS) {
    const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0, dailyBackupCheckMinutes: 0 });
    const call = core.call as (m: string, p: unknown) => Promise<unknown>;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    // monitorEventLoopDelay under-reports a loop blocked for seconds (seen: 14 ms max over a 3.2 s
    // block, 3 samples); a 5 ms interval timer's longest gap is kept beside it and the larger counts.
    let lastTick = performance.now();
    let worstGap = 0;
    const probe = setInterval(() => {
      const at = performance.now();
      worstGap = Math.max(worstGap, at - lastTick);
      lastTick = at;
    }, 5);
    const cpu = process.cpuUsage();
    let t = performance.now();
    await call(method, params);
    const coldMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const coldCpuMs = (used.user + used.system) / 1000;
    t = performance.now();
    const answer = await call(method, params);
    const warmMs = performance.now() - t;
    // One more turn of the loop, so a block at the very end is sampled too.
    await new Promise((resolve) => setTimeout(resolve, 20));
    loop.disable();
    clearInterval(probe);
    const kb = Buffer.byteLength(JSON.stringify(answer)) / 1024;
    rows.push({ label, method, coldMs, coldCpuMs, warmMs, kb, loopMaxMs: Math.max(loop.max / 1e6, worstGap) });
    await core.close();
  }
  return rows;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** The table `npm run bench` prints: one line per call, then the event loop's worst delay. */
export function formatScreens(rows: readonly ScreenRow[], lines: string): string {
  const out = [`screens at ${lines} lines (cold = fresh core; goals: cold ≤ ${SCREEN_GOALS.coldMs} ms, warm ≤ ${SCREEN_GOALS.warmMs} ms, answer ≤ 1 MB)`];
  out.push(`${'screen'.padEnd(24)} ${'call'.padEnd(26)} ${'cold ms'.padStart(8)} ${''.padEnd(7)} ${'cpu ms'.padStart(7)} ${'warm ms'.padStart(8)} ${''.padEnd(7)} ${'answer kB'.padStart(10)} ${''.padEnd(7)} ${'loop max ms'.padStart(11)}`);
  for (const r of rows) {
    out.push(
      `${r.label.padEnd(24)} ${r.method.padEnd(26)} ${r.coldMs.toFixed(0).padStart(8)} ${verdict(r.coldMs <= SCREEN_GOALS.coldMs).padEnd(7)} ${r.coldCpuMs.toFixed(0).padStart(7)} ${r.warmMs.toFixed(0).padStart(8)} ${verdict(r.warmMs <= SCREEN_GOALS.warmMs).padEnd(7)} ${r.kb.toFixed(1).padStart(10)} ${verdict(r.kb <= SCREEN_GOALS.maxKb).padEnd(7)} ${r.loopMaxMs.toFixed(0).padStart(11)}`,
    );
  }
  const worst = Math.max(...rows.map((r) => r.loopMaxMs));
  const all = rows.every((r) => r.coldMs <= SCREEN_GOALS.coldMs && r.warmMs <= SCREEN_GOALS.warmMs && r.kb <= SCREEN_GOALS.maxKb);
  out.push(`event loop during the screen loads: longest delay ${worst.toFixed(0)} ms (goal ≤ ${SCREEN_GOALS.loopDelayMs}) ${verdict(worst <= SCREEN_GOALS.loopDelayMs)}`);
  out.push(`every screen within its goals: ${verdict(all)}`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: tsx tests/bench/screens-bench.ts <dataDir> [lines label]');
  const rows = await measureScreens(dataDir);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else console.log(formatScreens(rows, process.argv[3] ?? '?'));
}
