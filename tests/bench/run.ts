/**
 * The import benchmark (`npm run bench`; never part of the test suite):
 * 1. generates a realistic 500,000-line layout-A export (~290 MB, seeded);
 * 2. imports it into a fresh data folder end to end through the real engine (core + worker
 *    threads), once per pipeline (two threads, the default, and one thread), each in a fresh process;
 * 3. imports the same file again (recognised by SHA-256: not read again, nothing written);
 * 4. times one verified backup of the filled database (what an import that writes takes first);
 * 5. imports a re-export with the same content but other bytes (LF line ends): a backup, then every
 *    line compared with the stored row and found unchanged;
 * 6. loads the same file with the sqlite3 shell's `.import --csv` (installed from Debian if missing);
 * and prints lines/s, wall time, peak RSS and the ratios against the goals.
 *
 *   npm run bench [-- --lines 500000] [-- --keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrdersExport } from './write-export';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = join(ROOT, 'tests/.artifacts/bench');
const args = process.argv.slice(2);
const LINES = Number(args[args.indexOf('--lines') + 1] ?? 0) || 500_000;
const NODE = join(ROOT, 'node_modules/.bin/node');

type ChildResult = { ms: number; maxRssMb: number; progressEvents: number; outcome: Record<string, unknown>; reports: Record<string, number> };

function runChild(label: string, dataDir: string, file: string, pipeline: string): ChildResult {
  const result = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'tests/bench/import-child.ts'), dataDir, file, pipeline], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SHOPDESK_IMPORT_TRACE: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ChildResult;
  if (file === 'reports' || file === 'screens') return parsed;
  if (file === 'backup') {
    console.log(`${label.padEnd(34)} ${(parsed.ms / 1000).toFixed(2).padStart(7)} s  peak RSS ${String(parsed.maxRssMb).padStart(4)} MB`);
    return parsed;
  }
  const traces = result.stderr.split('\n').filter((l) => l.startsWith('[import-trace]'));
  console.log(`${label.padEnd(34)} ${(parsed.ms / 1000).toFixed(2).padStart(7)} s  ${Math.round((LINES / parsed.ms) * 1000).toLocaleString('en-US').padStart(9)} lines/s  peak RSS ${String(parsed.maxRssMb).padStart(4)} MB  ${JSON.stringify(parsed.outcome)}`);
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

function sqliteImport(file: string): { ms: number; maxRssMb: number } {
  const sqlite3 = ensureSqlite3();
  const db = join(WORK, 'sqlite3-cli.sqlite');
  rmSync(db, { force: true });
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', sqlite3, db, '-cmd', '.mode csv', `.import ${file} orders`], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
  const rows = spawnSync(sqlite3, [db, 'SELECT count(*) FROM orders'], { encoding: 'utf8' }).stdout.trim();
  const maxRssMb = Math.round(Number(r.stderr.trim().split('\n').at(-1)) / 1024);
  console.log(`${'sqlite3 .import --csv (plain table)'.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${Math.round((LINES / ms) * 1000).toLocaleString('en-US').padStart(9)} lines/s  peak RSS ${String(maxRssMb).padStart(4)} MB  rows ${rows}`);
  return { ms, maxRssMb };
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, `1791213782_bench-${LINES}.csv`);
  const lfFile = join(WORK, `1791213782_bench-${LINES}-lf.csv`);
  if (!existsSync(file) || !existsSync(lfFile)) {
    const t = performance.now();
    await writeOrdersExport(file, LINES);
    await writeOrdersExport(lfFile, LINES, undefined, '\n');
    console.log(`generated ${LINES.toLocaleString('en-US')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  console.log(`file: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB)\n`);

  const fresh = (name: string) => {
    const dir = join(WORK, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const two = fresh('data-two-threads');
  const first = runChild('first import, two threads', two, file, 'two-threads');
  const reports = runChild('reports', two, 'reports', 'two-threads').reports;
  const screens = runChild('screens', two, 'screens', 'two-threads').reports;
  const again = runChild('same file again (SHA-256 known)', two, file, 'two-threads');
  const backup = runChild('verified backup of that database', two, 'backup', 'two-threads');
  const reexport = runChild('re-export, same content (LF)', two, lfFile, 'two-threads');
  const one = runChild('first import, one thread', fresh('data-one-thread'), file, 'one-thread');
  const cli = sqliteImport(file);

  const ratio = first.ms / cli.ms;
  console.log('\nreports.orders at this size, fresh process (ms):', JSON.stringify(reports));
  console.log('daily screens at this size, fresh process (ms):', JSON.stringify(screens));
  console.log(`progress events during the first import: ${first.progressEvents} (${(first.progressEvents / (first.ms / 1000)).toFixed(1)}/s)`);
  console.log('\ngoal                                   measured   goal     ');
  console.log(`ShopDesk / sqlite3 .import            ${ratio.toFixed(2).padStart(8)}   ≤ 2.0  ${ratio <= 2 ? 'met' : 'MISSED'}`);
  console.log(`peak RSS (MB)                         ${String(first.maxRssMb).padStart(8)}   ≤ 400  ${first.maxRssMb <= 400 ? 'met' : 'MISSED'}`);
  console.log(`re-import / first (same file)         ${(again.ms / first.ms).toFixed(2).padStart(8)}   ≤ 0.7  ${again.ms / first.ms <= 0.7 ? 'met' : 'MISSED'}`);
  console.log(`re-import / first (re-export)         ${(reexport.ms / first.ms).toFixed(2).padStart(8)}   (includes the pre-import backup, ${(backup.ms / 1000).toFixed(1)} s alone)`);
  console.log(`one thread / two threads              ${(one.ms / first.ms).toFixed(2).padStart(8)}`);
  // Issue 14: every screen's first answer on this database, cold and warm (tests/bench/screens-bench.ts, a fresh process).
  const screensTable = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'tests/bench/screens-bench.ts'), two, LINES.toLocaleString('en-US')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  console.log(`\n${screensTable.status === 0 ? screensTable.stdout.trim() : `screens bench failed: ${screensTable.stderr}`}`);
  if (!args.includes('--keep')) {
    rmSync(two, { recursive: true, force: true });
    rmSync(join(WORK, 'data-one-thread'), { recursive: true, force: true });
    rmSync(join(WORK, 'sqlite3-cli.sqlite'), { force: true });
  }
}

await main();
