/**
 * The import benchmark (`npm run bench`; never part of the test suite):
 * 1. generates a realistic 500,000-line layout-A export (~290 MB, seeded; buyers as a shop has them);
 * 2. imports it into a fresh data folder end to end through the real engine (core + worker
 *    threads), each step in a fresh process, and right after it loads the same file with the
 *    sqlite3 shell's `.import --csv` (installed from Debian if missing), so the two meet the same
 *    machine load; prints the per-stage trace of both import threads (wall ms per stage and each
 *    thread's own CPU time) and the core's event-loop delay during the import;
 * 3. imports the same file again (recognised by SHA-256: not read again, nothing written);
 * 4. times one verified backup of the filled database (what an import that writes takes first);
 * 5. imports a re-export with the same content but other bytes (LF line ends): a backup, then every
 *    line compared with the stored row and found unchanged;
 * 6. imports the file with the one-thread pipeline;
 * 7. drop to result: the desktop flow (preview, then confirm) through the core's real calls, staged
 *    and as before (drop-to-result.ts), with its ratio to the sqlite3 load of step 2;
 * and prints lines/s, wall time, peak RSS and every goal with "met" / "NOT met"; then first paint
 * in Chromium, the orders desk and 看数据 at 1M lines (their own scripts, see the end of this file).
 *
 *   npm run bench [-- --lines 500000] [-- --keep] [-- --quick] [-- --scale] [-- --no-first-paint] [-- --no-desk]
 *
 * --quick: only the first import and the sqlite3 load (for iterations; the trace is the same).
 * --scale: also a 2,000,000-line export (generated once, ~1.1 GB), first import and sqlite3 load,
 *          and the ratio of the two sizes: whether the cost per line stays flat (grows linearly).
 * Child processes get MALLOC_ARENA_MAX=2 as the desktop host gives the core's utility process
 * (src/main/core-control.ts), so the peak RSS is the app's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureDropToResult } from './drop-to-result';
import { MIRRORED_INDEXES, sqliteIndexedImport, unmirroredIndexes } from './sqlite-floor';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = join(ROOT, 'tests/.artifacts/bench');
const args = process.argv.slice(2);
const LINES = Number(args[args.indexOf('--lines') + 1] ?? 0) || 500_000;
const SCALE_LINES = 2_000_000;
const NODE = join(ROOT, 'node_modules/.bin/node');

/** The goals of issue 14 (Import). */
const GOAL = { ratio: 1.5, rssMb: 400, writerWaitShare: 0.1, loopDelayMs: 50, reimportShare: 0.7, perLineGrowth: 1.15 };

type ChildResult = {
  ms: number;
  maxRssMb: number;
  progressEvents: number;
  loopDelayMaxMs?: number;
  loopDelayP99Ms?: number;
  outcome: Record<string, unknown>;
  reports: Record<string, number>;
  /** Per thread role: stage → ms (and `cpu`: the thread's own CPU time). */
  trace: Record<string, Record<string, number>>;
};

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** `[import-trace] writer#2 write=7543ms cpu=8000ms heapPeak=55MB …` → { writer: { write: 7543, cpu: 8000, … } } */
function parseTraces(lines: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const line of lines) {
    const [, role, rest] = /^\[import-trace\] (\w+)#\d+ (.*)$/.exec(line) ?? [];
    if (role === undefined || rest === undefined) continue;
    const stages: Record<string, number> = {};
    for (const part of rest.split(' ')) {
      const [, key, value] = /^(\w+)=(\d+)ms$/.exec(part) ?? [];
      if (key !== undefined) stages[key] = Number(value);
    }
    out[role] = stages;
  }
  return out;
}

function runChild(label: string, dataDir: string, file: string, pipeline: string, lines = LINES): ChildResult {
  const result = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'tests/bench/import-child.ts'), dataDir, file, pipeline], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { MALLOC_ARENA_MAX: '2', ...process.env, SHOPDESK_IMPORT_TRACE: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ChildResult;
  const traces = result.stderr.split('\n').filter((l) => l.startsWith('[import-trace]'));
  parsed.trace = parseTraces(traces);
  if (file === 'reports' || file === 'screens') return parsed;
  if (file === 'backup') {
    console.log(`${label.padEnd(34)} ${(parsed.ms / 1000).toFixed(2).padStart(7)} s  peak RSS ${String(parsed.maxRssMb).padStart(4)} MB`);
    return parsed;
  }
  console.log(
    `${label.padEnd(34)} ${(parsed.ms / 1000).toFixed(2).padStart(7)} s  ${Math.round((lines / parsed.ms) * 1000).toLocaleString('en-US').padStart(9)} lines/s  peak RSS ${String(parsed.maxRssMb).padStart(4)} MB  core loop delay max ${parsed.loopDelayMaxMs} ms  ${JSON.stringify(parsed.outcome)}`,
  );
  for (const line of traces) console.log(`    ${line}`);
  return parsed;
}

function ensureSqlite3(): string {
  if (existsSync('/usr/bin/sqlite3')) return '/usr/bin/sqlite3';
  console.log('sqlite3 shell missing: installing it from Debian (apt-get install -y sqlite3)…');
  const r = spawnSync('sh', ['-c', 'apt-get install -y sqlite3 || (apt-get update && apt-get install -y sqlite3)'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync('/usr/bin/sqlite3')) throw new Error('could not install the sqlite3 shell');
  return '/usr/bin/sqlite3';
}

function sqliteImport(file: string, lines = LINES): { ms: number; maxRssMb: number; cpuMs: number } {
  const sqlite3 = ensureSqlite3();
  const db = join(WORK, 'sqlite3-cli.sqlite');
  rmSync(db, { force: true });
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', sqlite3, db, '-cmd', '.mode csv', `.import ${file} orders`], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
  const rows = spawnSync(sqlite3, [db, 'SELECT count(*) FROM orders'], { encoding: 'utf8' }).stdout.trim();
  const [rssKb, user, system] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const maxRssMb = Math.round(rssKb! / 1024);
  const cpuMs = (user! + system!) * 1000;
  rmSync(db, { force: true });
  console.log(`${'sqlite3 .import --csv (plain table)'.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${Math.round((lines / ms) * 1000).toLocaleString('en-US').padStart(9)} lines/s  peak RSS ${String(maxRssMb).padStart(4)} MB  cpu ${(cpuMs / 1000).toFixed(1)} s  rows ${rows}`);
  return { ms, maxRssMb, cpuMs };
}

const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
/** A stage as `wall (cpu …)`: on a busy machine the thread's own CPU time is the steadier figure. */
const st = (stages: Record<string, number>, key: string) => (stages[`${key}Cpu`] === undefined ? s(stages[key]) : `${s(stages[key])} (cpu ${s(stages[`${key}Cpu`])})`);

/** The per-stage trace as a table: where each thread's time went, and how long the writer had nothing to write. */
function printStages(first: ChildResult): number {
  const reader = first.trace['reader'] ?? {};
  const writer = first.trace['writer'] ?? {};
  const writerBusy = (writer['write'] ?? 0) + (writer['commitUnit'] ?? 0);
  const waitShare = (writer['waitReader'] ?? 0) / Math.max(1, (writer['waitReader'] ?? 0) + (writer['write'] ?? 0));
  console.log('\nper-stage trace of the first import (wall time per stage, and the thread\'s own CPU time)');
  console.log(`  reader  hash ${st(reader, 'hash')} · decode ${st(reader, 'decode')} · scan ${st(reader, 'scan')} · map ${st(reader, 'map')} · post ${st(reader, 'post')}`);
  console.log(`          waiting for the writer ${s(reader['waitWriter'])} · whole unit ${s(reader['unit'])} · thread cpu ${s(reader['cpu'])}`);
  console.log(`  writer  insert ${st(writer, 'write')} · waiting for rows ${s(writer['waitReader'])}`);
  console.log(
    `          at commit: indexes ${st(writer, 'indexes')} · the three day summaries (report, 看数据, 利润; one read) ${st(writer, 'daySummaries')} · shipping queue ${st(writer, 'shipQueue')} · repeat-buyer chains ${st(writer, 'repeatChains')} · COMMIT ${st(writer, 'sqliteCommit')}`,
  );
  console.log(`          busy ${s(writerBusy)} · thread cpu ${s(writer['cpu'])}`);
  return waitShare;
}

async function exportFile(lines: number, lf = false): Promise<string> {
  // Realistic buyers (one order in four from a returning one): with the generator's one masked
  // recipient the file had 12 buyers of ~40,000 orders each, and the repeat-buyer chains cost more.
  const file = join(WORK, `1791213782_bench-${lines}-buyers${lf ? '-lf' : ''}.csv`);
  if (!existsSync(file)) {
    const t = performance.now();
    await writeOrdersExport(file, lines, undefined, lf ? '\n' : '\r\n', { buyers: 'many' });
    console.log(`generated ${lines.toLocaleString('en-US')} lines${lf ? ' (LF)' : ''} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return file;
}

const fresh = (name: string) => {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const quick = args.includes('--quick');
  const file = await exportFile(LINES);
  const lfFile = quick ? file : await exportFile(LINES, true);
  console.log(`file: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB)\n`);

  const two = fresh('data-two-threads');
  const first = runChild('first import, two threads', two, file, 'two-threads');
  const cli = sqliteImport(file);
  const floor = sqliteIndexedImport(ensureSqlite3(), WORK, file);
  console.log(
    `${'sqlite3, key + order_lines\' indexes'.padEnd(34)} ${(floor.ms / 1000).toFixed(2).padStart(7)} s  ${Math.round((LINES / floor.ms) * 1000).toLocaleString('en-US').padStart(9)} lines/s  cpu ${(floor.cpuMs / 1000).toFixed(1)} s  rows ${floor.rows}  (${Object.keys(MIRRORED_INDEXES).length} indexes: tests/bench/sqlite-floor.ts)`,
  );
  const unmirrored = unmirroredIndexes(ensureSqlite3(), join(two, 'shopdesk.sqlite'));
  if (unmirrored.length > 0) console.log(`  order_lines has indexes the floor does not mirror (add them to sqlite-floor.ts): ${unmirrored.join(', ')}`);
  const drop = quick ? null : measureDropToResult(WORK, file, cli.ms);

  const ratio = first.ms / cli.ms;
  const waitShare = printStages(first);
  let again: ChildResult | null = null;
  let reexport: ChildResult | null = null;
  let backup: ChildResult | null = null;
  let one: ChildResult | null = null;
  if (!quick) {
    console.log('');
    const reports = runChild('reports', two, 'reports', 'two-threads').reports;
    const screens = runChild('screens', two, 'screens', 'two-threads').reports;
    again = runChild('same file again (SHA-256 known)', two, file, 'two-threads');
    backup = runChild('verified backup of that database', two, 'backup', 'two-threads');
    reexport = runChild('re-export, same content (LF)', two, lfFile, 'two-threads');
    one = runChild('first import, one thread', fresh('data-one-thread'), file, 'one-thread');
    console.log('\nreports.orders at this size, fresh process (ms):', JSON.stringify(reports));
    console.log('daily screens at this size, fresh process (ms):', JSON.stringify(screens));
  }
  let scale: { big: ChildResult; cli: { ms: number } } | null = null;
  if (args.includes('--scale')) {
    console.log('');
    const bigFile = await exportFile(SCALE_LINES);
    const big = runChild(`first import, ${SCALE_LINES.toLocaleString('en-US')} lines`, fresh('data-scale'), bigFile, 'two-threads', SCALE_LINES);
    const bigCli = sqliteImport(bigFile, SCALE_LINES);
    printStages(big);
    scale = { big, cli: bigCli };
  }
  console.log(`progress events during the first import: ${first.progressEvents} (${(first.progressEvents / (first.ms / 1000)).toFixed(1)}/s)`);

  const row = (name: string, measured: string, goal: string, ok: boolean | null) =>
    console.log(`${name.padEnd(52)} ${measured.padStart(9)}   ${goal.padEnd(7)} ${ok === null ? '' : verdict(ok)}`);
  console.log(`\ngoal (${LINES.toLocaleString('en-US')} lines)                               measured   goal`);
  row('first import / sqlite3 .import --csv, same run', ratio.toFixed(2), `≤ ${GOAL.ratio}`, ratio <= GOAL.ratio);
  // On a machine shared with other work the wall times wait for a core; CPU time does not. The
  // writer thread is the import's critical path (it cannot start a line before the reader sent it).
  const writerCpu = first.trace['writer']?.['cpu'] ?? 0;
  row('  the same with CPU time: writer thread / sqlite3 (info)', (writerCpu / Math.max(1, cli.cpuMs)).toFixed(2), '', null);
  // What the goal leaves for everything else: sqlite3 itself, keeping only the key and the indexes the desk needs.
  row('  floor: sqlite3 with the key and indexes / plain (info)', (floor.ms / cli.ms).toFixed(2), '', null);
  row('  first import / that floor (info)', (first.ms / floor.ms).toFixed(2), '', null);
  row('peak RSS of the first import (MB)', String(first.maxRssMb), `≤ ${GOAL.rssMb}`, first.maxRssMb <= GOAL.rssMb);
  row('writer waiting for rows (share of its insert phase)', `${(waitShare * 100).toFixed(1)} %`, `≤ ${GOAL.writerWaitShare * 100} %`, waitShare <= GOAL.writerWaitShare);
  const loopMax = first.loopDelayMaxMs ?? Infinity;
  row(`core event-loop delay during the import, max (p99 ${first.loopDelayP99Ms} ms)`, `${loopMax} ms`, `≤ ${GOAL.loopDelayMs} ms`, loopMax <= GOAL.loopDelayMs);
  if (again && reexport && backup && one) {
    row('re-import / first (same file)', (again.ms / first.ms).toFixed(2), `≤ ${GOAL.reimportShare}`, again.ms / first.ms <= GOAL.reimportShare);
    row(`re-import / first (re-export; includes the ${(backup.ms / 1000).toFixed(1)} s backup)`, (reexport.ms / first.ms).toFixed(2), '', null);
    // The re-export's import starts with its pre-import backup (made in a thread: imports/backup-thread.ts).
    const reexportLoop = reexport.loopDelayMaxMs ?? Infinity;
    row('core event-loop delay during the re-export, backup included', `${reexportLoop} ms`, `≤ ${GOAL.loopDelayMs} ms`, reexportLoop <= GOAL.loopDelayMs);
    row('one thread / two threads', (one.ms / first.ms).toFixed(2), '', null);
  }
  if (drop) {
    row('drop to result (preview, then confirm) / sqlite3 .import', drop.ratio.toFixed(2), '≤ 2.0', drop.ratio <= 2);
    row('  drop to result / the indexed floor (info)', ((drop.ratio * cli.ms) / floor.ms).toFixed(2), '', null);
  }
  if (scale) {
    const timeRatio = scale.big.ms / first.ms;
    // Wall time waits for a core on a shared machine; the writer thread's CPU time (the critical
    // path) is what the verdict reads when both runs traced it.
    const cpuBig = scale.big.trace['writer']?.['cpu'];
    const cpuFirst = first.trace['writer']?.['cpu'];
    const cpuPerLine = cpuBig !== undefined && cpuFirst !== undefined ? cpuBig / cpuFirst / (SCALE_LINES / LINES) : null;
    const perLine = cpuPerLine ?? timeRatio / (SCALE_LINES / LINES);
    const bigRatio = scale.big.ms / scale.cli.ms;
    row(`${SCALE_LINES / 1e6}M-line first import / sqlite3 .import, same run`, bigRatio.toFixed(2), `≤ ${GOAL.ratio}`, bigRatio <= GOAL.ratio);
    row(`peak RSS of the ${SCALE_LINES / 1e6}M-line import (MB)`, String(scale.big.maxRssMb), `≤ ${GOAL.rssMb}`, scale.big.maxRssMb <= GOAL.rssMb);
    row(`${SCALE_LINES / 1e6}M / ${LINES.toLocaleString('en-US')} lines: time ratio (×${SCALE_LINES / LINES} lines)`, timeRatio.toFixed(2), '', null);
    row(`  wall time per line, ${SCALE_LINES / 1e6}M vs ${LINES.toLocaleString('en-US')} (linear = 1.0; info)`, (timeRatio / (SCALE_LINES / LINES)).toFixed(2), '', null);
    row(`  ${cpuPerLine === null ? 'wall time' : 'writer CPU'} per line, ${SCALE_LINES / 1e6}M vs ${LINES.toLocaleString('en-US')} (linear = 1.0)`, perLine.toFixed(2), `≤ ${GOAL.perLineGrowth}`, perLine <= GOAL.perLineGrowth);
    console.log(perLine <= GOAL.perLineGrowth ? '  → the cost grows linearly with the file' : '  → the cost grows faster than the file (not linear)');
  }
  // Issue 14: every screen's first answer on this database, cold and warm (tests/bench/screens-bench.ts, a fresh process).
  if (!quick) {
    const screensTable = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'tests/bench/screens-bench.ts'), two, LINES.toLocaleString('en-US')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    console.log(`\n${screensTable.status === 0 ? screensTable.stdout.trim() : `screens bench failed: ${screensTable.stderr}`}`);
  }
  if (!args.includes('--keep')) {
    for (const dir of ['data-two-threads', 'data-one-thread', 'data-scale']) rmSync(join(WORK, dir), { recursive: true, force: true });
  }
}

await main();

/*
 * First paint (issue 14, issue 12): the built app in Chromium through the browser harness, on a
 * fresh and on a filled data folder, cold and warm, against 1.5 s. Its own script
 * (tests/bench/first-paint.ts, alone: `npm run bench:first-paint`); here one round, about half a
 * minute once its 20,000-line data folder is made (kept under tests/.artifacts/bench-first-paint).
 * `--no-first-paint` leaves it out.
 */
if (!args.includes('--no-first-paint')) {
  console.log('\n— first paint —');
  const firstPaint = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'tests/bench/first-paint.ts'), '--rounds', '1'], { cwd: ROOT, stdio: 'inherit' });
  if (firstPaint.status !== 0) throw new Error('the first paint benchmark failed');
}

/*
 * The orders desk (issue 11: every filter and search ≤ 150 ms, first page ≤ 300 ms, cold at 1M
 * lines) and 看数据 (issue 12: every dashboard query ≤ 100 ms at 1M lines), each printing its own
 * "met" / "NOT met" table: their own scripts (`npm run bench:orders`, `npm run bench:analytics`),
 * run here on the 1,000,000-line data folder they share (tests/.artifacts/bench-orders, generated
 * and imported once, about two minutes, reused after). `--no-desk` leaves them out.
 */
if (!args.includes('--no-desk') && !args.includes('--quick')) {
  for (const [title, script] of [
    ['orders desk at 1M lines', 'tests/bench/orders-bench.ts'],
    ['看数据 at 1M lines', 'tests/bench/analytics-bench.ts'],
  ] as const) {
    console.log(`\n— ${title} —`);
    const run = spawnSync(NODE, ['--import', 'tsx', join(ROOT, script)], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`the ${title} benchmark failed`);
  }
}
