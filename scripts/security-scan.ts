/*
 * Runs electronegativity (offline) over the desktop host and fails on any finding that is not
 * accepted, with a reason, in tests/security-baseline.json. Also fails on baseline entries that no
 * longer match anything, so the baseline cannot rot.
 *   npm run security        (tests/integration/electronegativity.int.test.ts runs the same scan)
 *
 * electronegativity takes one input folder, and its global checks (navigation limits, permission
 * handler, CSP) need main, preload and the page together, so they are copied into one temporary
 * folder with package.json (for the Electron version) and the renderer's index.html (for the CSP).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export type Finding = { check: string; severity: string; file: string; location: string; sample: string };
export type BaselineEntry = { check: string; file: string; reason: string };
export type ScanResult = { findings: Finding[]; unexpected: Finding[]; stale: BaselineEntry[] };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BASELINE_FILE = join(ROOT, 'tests', 'security-baseline.json');

export function compareWithBaseline(findings: Finding[], baseline: BaselineEntry[]): ScanResult {
  const accepted = (f: Finding) => baseline.some((b) => b.check === f.check && b.file === f.file);
  const stale = baseline.filter((b) => !findings.some((f) => f.check === b.check && f.file === b.file));
  return { findings, unexpected: findings.filter((f) => !accepted(f)), stale };
}

export async function runSecurityScan(root = ROOT): Promise<ScanResult> {
  const work = mkdtempSync(join(tmpdir(), 'shopdesk-electronegativity-'));
  try {
    const notTests = (source: string) => !/\.test\.tsx?$/.test(source);
    cpSync(join(root, 'src', 'main'), join(work, 'main'), { recursive: true, filter: notTests });
    cpSync(join(root, 'src', 'preload'), join(work, 'preload'), { recursive: true, filter: notTests });
    copyFileSync(join(root, 'src', 'renderer', 'index.html'), join(work, 'index.html'));
    copyFileSync(join(root, 'package.json'), join(work, 'package.json'));
    // The findings come back as JSON from the scanner's API: its CLI writes the CSV report with two
    // racing writes, and under load the header overwrote the first finding (a CI failure).
    const output = join(work, 'findings.json');
    await promisify(execFile)(process.execPath, [join(root, 'scripts', 'electronegativity-json.mjs'), work, output], {
      cwd: root,
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const baseline = (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { accepted: BaselineEntry[] }).accepted;
    return compareWithBaseline((JSON.parse(readFileSync(output, 'utf8')) as { findings: Finding[] }).findings, baseline);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAsScript) {
  const result = await runSecurityScan();
  for (const f of result.unexpected) console.error(`NEW  ${f.check} (${f.severity}) ${f.file}:${f.location}  ${f.sample}`);
  for (const b of result.stale) console.error(`STALE baseline entry ${b.check} ${b.file}: no longer found; remove it`);
  console.log(`electronegativity: ${result.findings.length} findings, ${result.unexpected.length} not in the baseline, ${result.stale.length} stale baseline entries`);
  process.exitCode = result.unexpected.length + result.stale.length > 0 ? 1 : 0;
}
