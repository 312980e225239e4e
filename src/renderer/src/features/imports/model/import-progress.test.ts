import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../../shared/rpc/domains/imports';
import { currentFile, fileFraction, overallFraction, recordProgress, toPercent, type ProgressByFile } from './import-progress';

const report = (fileIndex: number, phase: ImportProgress['phase'], bytesDone: number, bytesTotal = 100, fileCount = 2): ImportProgress => ({
  jobId: 'job-1',
  file: `f${fileIndex}.csv`,
  fileIndex,
  fileCount,
  phase,
  bytesDone,
  bytesTotal,
  lines: bytesDone * 10,
});

describe('fileFraction', () => {
  it.each([
    ['checking, nothing read', report(0, 'checking', 0), 0],
    ['checking, all read', report(0, 'checking', 100), 0.1],
    ['importing, start', report(0, 'importing', 0), 0.1],
    ['importing, half', report(0, 'importing', 50), 0.55],
    ['importing, all', report(0, 'importing', 100), 1],
    ['done', report(0, 'done', 0), 1],
    ['unknown size', report(0, 'importing', 5, 0), 0.1],
    ['more than the size', report(0, 'importing', 150), 1],
  ])('%s', (_name, p, expected) => {
    expect(fileFraction(p)).toBeCloseTo(expected);
  });

  it('never moves back when the second read of a file starts', () => {
    expect(fileFraction(report(0, 'importing', 0))).toBeGreaterThanOrEqual(fileFraction(report(0, 'checking', 100)));
  });
});

describe('overallFraction', () => {
  const play = (...reports: ImportProgress[]): ProgressByFile => reports.reduce(recordProgress, {});

  it.each([
    ['no report yet', play(), 0],
    ['first of two files half imported', play(report(0, 'importing', 50)), 0.275],
    ['first done', play(report(0, 'done', 100)), 0.5],
    ['second started, first done report missed', play(report(0, 'importing', 10), report(1, 'checking', 0)), 0.5],
    ['both done', play(report(0, 'done', 100), report(1, 'done', 100)), 1],
  ])('%s', (_name, byFile, expected) => {
    expect(overallFraction(byFile)).toBeCloseTo(expected);
  });

  it('keeps only the newest report of each file', () => {
    const byFile = play(report(0, 'importing', 10), report(0, 'importing', 90));
    expect(byFile[0]?.bytesDone).toBe(90);
    expect(currentFile(byFile)?.fileIndex).toBe(0);
    expect(currentFile(play(report(0, 'done', 1), report(1, 'checking', 1)))?.file).toBe('f1.csv');
    expect(currentFile({})).toBeNull();
  });
});

describe('toPercent', () => {
  it.each([
    [0, 0],
    [0.999, 99],
    [1, 100],
    [1.2, 100],
    [-1, 0],
    [Number.NaN, 0],
  ])('%f → %i', (fraction, expected) => {
    expect(toPercent(fraction)).toBe(expected);
  });
});
