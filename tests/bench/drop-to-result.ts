/**
 * Issue 14's "drop to result" goal, measured through the core's real preview + confirm calls
 * (drop-child.ts), each flow in a fresh process and data folder: the staged flow (the preview keeps
 * what it parsed, the confirm writes it) against sqlite3's own `.import` of the same file in the
 * same run, and — for the before/after — the old flow whose confirm reads the file again.
 * Part of `npm run bench` (run.ts); alone: `npx tsx tests/bench/drop-to-result.ts [--lines N]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
/** Issue 14: "Drop to result ≤ 2.0× sqlite3 .import for the whole desktop flow (preview, then confirm)". */
export const DROP_TO_RESULT_GOAL = 2.0;

export type DropResult = {
  previewMs: number;
  confirmMs: number;
  ms: number;
  previewCpuMs: number;
  confirmCpuMs: number;
  keptMb: number;
  firstReportMs: number | null;
  maxRssMb: number;
  outcome: Record<string, unknown>;
};

function runFlow(work: string, file: string, flow: 'staged' | 'reread'): DropResult {
  const dataDir = join(work, `data-drop-${flow}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const r = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'tests/bench/drop-child.ts'), dataDir, file, flow], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  rmSync(dataDir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`drop-to-result (${flow}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as DropResult;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(7)} s`;

/** Measures both flows and prints them with the ratio to `sqliteMs` (sqlite3 .import of the same file, this run). */
export function measureDropToResult(work: string, file: string, sqliteMs: number): { staged: DropResult; reread: DropResult; ratio: number } {
  console.log('\ndrop to result (desktop flow: imports.preview, then imports.run), fresh process each');
  const reread = runFlow(work, file, 'reread');
  const staged = runFlow(work, file, 'staged');
  for (const [label, r] of [
    ['before: confirm reads the file again', reread],
    ['after: preview kept, confirm writes it', staged],
  ] as const) {
    console.log(`${label.padEnd(40)} preview ${seconds(r.previewMs)} + confirm ${seconds(r.confirmMs)} = ${seconds(r.ms)}  first report ${r.firstReportMs ?? '—'} ms  peak RSS ${r.maxRssMb} MB  ${JSON.stringify(r.outcome)}`);
    console.log(`${''.padEnd(40)} CPU: preview ${seconds(r.previewCpuMs)} + confirm ${seconds(r.confirmCpuMs)}; kept ${r.keptMb} MB`);
  }
  const ratio = staged.ms / sqliteMs;
  console.log(`drop to result / sqlite3 .import         ${ratio.toFixed(2).padStart(8)}   ≤ ${DROP_TO_RESULT_GOAL.toFixed(1)}  ${ratio <= DROP_TO_RESULT_GOAL ? 'met' : 'NOT met'}   (before: ${(reread.ms / sqliteMs).toFixed(2)})`);
  return { staged, reread, ratio };
}

/** sqlite3's `.import --csv` of the file into a plain table (the anchor), timed here when run alone. */
function sqliteImportMs(work: string, file: string): number {
  if (!existsSync('/usr/bin/sqlite3')) throw new Error('the sqlite3 shell is missing: npm run bench installs it');
  const db = join(work, 'sqlite3-drop.sqlite');
  rmSync(db, { force: true });
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '/usr/bin/sqlite3', db, '-cmd', '.mode csv', `.import ${file} orders`], { encoding: 'utf8' });
  const ms = performance.now() - started;
  rmSync(db, { force: true });
  if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
  const [user, system] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  console.log(`${'sqlite3 .import --csv (plain table)'.padEnd(40)} ${seconds(ms)}  CPU ${seconds((user! + system!) * 1000)}`);
  return ms;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { writeOrdersExport } = await import('./write-export');
  const args = process.argv.slice(2);
  const lines = Number(args[args.indexOf('--lines') + 1] ?? 0) || 500_000;
  const work = join(ROOT, 'tests/.artifacts/bench');
  mkdirSync(work, { recursive: true });
  const file = join(work, `1791213782_bench-${lines}-buyers.csv`);
  if (!existsSync(file)) await writeOrdersExport(file, lines, undefined, '\r\n', { buyers: 'many' });
  measureDropToResult(work, file, sqliteImportMs(work, file));
}
