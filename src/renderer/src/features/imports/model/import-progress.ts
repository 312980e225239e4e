import type { ImportProgress } from '../../../../../shared/rpc/domains/imports';

/** The latest progress report of each file of a job, by its index in the job. */
export type ProgressByFile = Readonly<Record<number, ImportProgress>>;

/**
 * Share of the bar for the first read of a file (hashing and sniffing); the rest is for reading and
 * writing its lines. Both phases report bytes of the same file, so the bar must not jump back
 * when the second read starts.
 */
const CHECKING_SHARE = 0.1;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** How far one file is, 0 … 1, from its latest report. */
export function fileFraction(p: Pick<ImportProgress, 'phase' | 'bytesDone' | 'bytesTotal'>): number {
  if (p.phase === 'done') return 1;
  const read = p.bytesTotal > 0 ? clamp01(p.bytesDone / p.bytesTotal) : 0;
  return p.phase === 'checking' ? CHECKING_SHARE * read : CHECKING_SHARE + (1 - CHECKING_SHARE) * read;
}

/** Keeps the newest report per file (reports for one file only move forward). */
export function recordProgress(byFile: ProgressByFile, report: ImportProgress): ProgressByFile {
  return { ...byFile, [report.fileIndex]: report };
}

/**
 * The whole job, 0 … 1: every file counts the same. Files run one after another, so a file
 * before the latest one that reported is finished even if its 'done' report was not seen.
 */
export function overallFraction(byFile: ProgressByFile): number {
  const reports = Object.values(byFile);
  if (reports.length === 0) return 0;
  const fileCount = Math.max(...reports.map((r) => r.fileCount), 1);
  const latest = Math.max(...reports.map((r) => r.fileIndex));
  let sum = 0;
  for (let index = 0; index < fileCount; index++) {
    const report = byFile[index];
    if (index < latest) sum += 1;
    else if (report) sum += fileFraction(report);
  }
  return clamp01(sum / fileCount);
}

/** A whole percentage for the bar: it reaches 100 only when the work really is complete. */
export const toPercent = (fraction: number): number => Math.floor(clamp01(fraction) * 100);

/** The report of the file being worked on now (the highest index reported), if any. */
export function currentFile(byFile: ProgressByFile): ImportProgress | null {
  let current: ImportProgress | null = null;
  for (const report of Object.values(byFile)) if (!current || report.fileIndex > current.fileIndex) current = report;
  return current;
}
