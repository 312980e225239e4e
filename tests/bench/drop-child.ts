/**
 * One drop-to-result of the desktop flow in a fresh process and a fresh data folder, through the
 * core's real calls, as the import screen makes them:
 *   tsx tests/bench/drop-child.ts <dataDir> <file> staged   → imports.preview { stage } then imports.run { previews }
 *   tsx tests/bench/drop-child.ts <dataDir> <file> reread   → imports.preview, then imports.run reading the file again (before issue 14)
 * Prints one JSON line: the preview's and the confirm's wall time and CPU time (every thread of
 * the process: what a busy machine does not distort), the first progress report's (the screen's
 * first sign of life), the bytes the preview kept, and the process's peak RSS.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';

const [dataDir, file, flow] = process.argv.slice(2);
const staged = flow === 'staged';
const core = await createCore({ dataDir: dataDir!, log: silentLogger, reminderCheckSeconds: 0 });
const previewId = `bench-preview-${Date.now()}`;
let firstReport: number | null = null;
const dropped = performance.now();
core.onEvent((e) => {
  if (e.event === 'imports.progressed' && firstReport === null) firstReport = performance.now() - dropped;
});
const sources = [{ type: 'path' as const, path: file! }];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return Math.round((u.user + u.system) / 1000);
};
const cpuAtDrop = process.cpuUsage();
const preview = await core.call('imports.preview', { jobId: previewId, sources, ...(staged ? { stage: true } : {}) });
const previewMs = performance.now() - dropped;
const previewCpuMs = cpuMs(cpuAtDrop);
const keptDir = join(dataDir!, 'staging', previewId);
let keptBytes = 0;
try {
  for (const name of readdirSync(keptDir)) keptBytes += statSync(join(keptDir, name)).size;
} catch {
  // Nothing kept (the flow as before).
}
const cpuAtConfirm = process.cpuUsage();
const confirmed = performance.now();
const outcomes = await core.call('imports.run', { jobId: `bench-run-${Date.now()}`, sources, ...(staged ? { previews: [previewId] } : {}) });
const confirmMs = performance.now() - confirmed;
const confirmCpuMs = cpuMs(cpuAtConfirm);
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await core.close();
const p = preview[0]!;
const o = outcomes[0]!;
process.stdout.write(
  `${JSON.stringify({
    previewMs: Math.round(previewMs),
    confirmMs: Math.round(confirmMs),
    ms: Math.round(previewMs + confirmMs),
    previewCpuMs,
    confirmCpuMs,
    keptMb: Math.round(keptBytes / 1024 / 1024),
    firstReportMs: firstReport === null ? null : Math.round(firstReport),
    maxRssMb,
    preview: p.refused ? { code: p.code } : { lines: p.lines, inserted: p.inserted },
    outcome: o.refused ? { code: o.code, message: o.message } : { lines: o.lines, inserted: o.inserted, updated: o.updated, issues: o.issueCount },
  })}\n`,
);
