import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINE_FILE, compareWithBaseline, runSecurityScan, type Finding } from '../../scripts/security-scan';

describe('electronegativity over the desktop host', () => {
  it('finds nothing beyond the reviewed baseline, and the baseline has no stale entries', async () => {
    const result = await runSecurityScan();
    const show = (f: Finding) => `${f.check} ${f.file}:${f.location} ${f.sample}`;
    expect(result.unexpected.map(show)).toEqual([]);
    expect(result.stale).toEqual([]);
    // The scan really ran over the sources and the page (a broken run would find nothing at all).
    expect(result.findings.some((f) => f.file.startsWith('main/'))).toBe(true);
    expect(result.findings.find((f) => f.check === 'CSP_GLOBAL_CHECK')?.sample).toContain("script-src 'self'");
  }, 300_000);

  it('every baseline entry gives a reason', () => {
    const { accepted } = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { accepted: { check: string; file: string; reason: string }[] };
    for (const entry of accepted) expect(entry.reason.length, `${entry.check} ${entry.file}`).toBeGreaterThan(30);
  });
});

describe('security-scan helpers', () => {
  it('reports new findings and stale baseline entries', () => {
    const finding = { check: 'X', severity: 'HIGH', file: 'main/a.ts', location: '1:1', sample: '' };
    const result = compareWithBaseline([finding], [{ check: 'Y', file: 'main/a.ts', reason: 'r' }]);
    expect(result.unexpected).toEqual([finding]);
    expect(result.stale).toEqual([{ check: 'Y', file: 'main/a.ts', reason: 'r' }]);
    expect(compareWithBaseline([finding], [{ check: 'X', file: 'main/a.ts', reason: 'r' }]).unexpected).toEqual([]);
  });
});
