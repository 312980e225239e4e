import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { line, writeExport } from '../helpers/purchase-exports';

/*
 * Hand-run: `npx tsx tests/bench/influencers-bench.ts [lines] [influencers]` — imports one export with
 * that many influencer lines and times influencers.list / influencers.get (not part of the suite).
 */
const LINES = Number(process.argv[2] ?? 50_000);
const INFLUENCERS = Number(process.argv[3] ?? 2_000);
const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-influencers-bench-'));
const files = mkdtempSync(join(tmpdir(), 'shopdesk-influencers-bench-files-'));
try {
  const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
  const rows = Array.from({ length: LINES }, (_, i) => {
    const id = String(6938425630014476219n + BigInt(i));
    const k = i % INFLUENCERS;
    return line(id, id, { 达人ID: String(7592255573464597541n + BigInt(k)), 达人昵称: `达人${k}`, 流量来源: '精选联盟', 订单提交时间: `2026-${String(1 + (i % 11)).padStart(2, '0')}-10 10:00:00` });
  });
  let t = performance.now();
  const outcome = await core.call('imports.run', { jobId: 'influencers-bench', sources: [{ type: 'path', path: writeExport(files, 1788220000, rows) }] });
  console.log(JSON.stringify(outcome).slice(0, 400));
  console.log(`import ${LINES} lines: ${Math.round(performance.now() - t)} ms`);
  for (const round of [1, 2, 3]) {
    t = performance.now();
    const list = await core.call('influencers.list', {});
    console.log(`influencers.list #${round}: ${list.length} influencers, ${Math.round(performance.now() - t)} ms`);
  }
  const first = (await core.call('influencers.list', {}))[0]!;
  t = performance.now();
  await core.call('influencers.get', { id: first.id });
  console.log(`influencers.get: ${Math.round(performance.now() - t)} ms`);
  await core.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
}
