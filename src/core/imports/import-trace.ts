import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';

/**
 * Diagnostics for the benchmark: with SHOPDESK_IMPORT_TRACE=1 each import thread prints, when it
 * ends, where its time went (busy, waiting) and its heap peak, to stderr. Counts only, no data.
 */
export const TRACE = process.env.SHOPDESK_IMPORT_TRACE === '1';

const totals = new Map<string, number>();
let heapPeak = 0;
let externalPeak = 0;
let rssPeak = 0;
let physicalPeak = 0;
let mallocPeak = 0;

export function traceTime(label: string, started: number): void {
  if (!TRACE) return;
  totals.set(label, (totals.get(label) ?? 0) + (performance.now() - started));
  const stats = getHeapStatistics();
  const used = stats.used_heap_size;
  if (used > heapPeak) heapPeak = used;
  if (stats.total_physical_size > physicalPeak) physicalPeak = stats.total_physical_size;
  if (stats.peak_malloced_memory > mallocPeak) mallocPeak = stats.peak_malloced_memory;
  const memory = process.memoryUsage();
  if (memory.external > externalPeak) externalPeak = memory.external;
  if (memory.rss > rssPeak) rssPeak = memory.rss;
}

export function traceReport(role: string): void {
  if (!TRACE) return;
  const parts = [...totals.entries()].map(([k, v]) => `${k}=${Math.round(v)}ms`);
  process.stderr.write(`[import-trace] ${role}#${threadId} ${parts.join(' ')} heapPeak=${Math.round(heapPeak / 1048576)}MB heapPhysicalPeak=${Math.round(physicalPeak / 1048576)}MB v8MallocPeak=${Math.round(mallocPeak / 1048576)}MB externalPeak=${Math.round(externalPeak / 1048576)}MB processRssPeak=${Math.round(rssPeak / 1048576)}MB heapNow=${Math.round(getHeapStatistics().used_heap_size / 1048576)}MB\n`);
}
