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
import Papa from 'papaparse';

export type Finding = { check: string; severity: string; file: string; location: string; sample: string };
export type BaselineEntry = { check: string; file: string; reason: string };
export type ScanResult = { findings: Finding[]; unexpected: Finding[]; stale: BaselineEntry[] };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BASELINE_FILE = join(ROOT, 'tests', 'security-baseline.json');

/** Splits one CSV line with "quoted, fields" and doubled quotes. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

export function parseFindings(csv: string): Finding[] {
  // A finding's sample can span lines (a CSP meta tag), so the whole file goes through a real CSV
  // parser with an explicit dialect rather than being split on newlines.
  const { data } = Papa.parse<string[]>(csv.trim(), { delimiter: ',', quoteChar: '"', skipEmptyLines: true });
  return data.slice(1).map((fields) => {
    const [check = '', severity = '', , file = '', location = '', sample = ''] = fields.map((f) => f.trim());
    return { check, severity, file: file.replaceAll('\\', '/'), location, sample };
  });
}

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
    const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    const output = join(work, 'findings.csv');
    // AvailableSecurityFixesGlobalCheck downloads Electron's release list: never offline.
    await promisify(execFile)(process.execPath, [cli, '-i', work, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', output], {
      cwd: work,
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const baseline = (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { accepted: BaselineEntry[] }).accepted;
    return compareWithBaseline(parseFindings(readFileSync(output, 'utf8')), baseline);
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
