import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';

/**
 * Diagnostics for the benchmark: with SHOPDESK_IMPORT_TRACE=1 each import thread prints, when it
 * ends a unit, where its time went per stage (wall ms), its own CPU time (`cpu`, the thread's, so
 * a busy machine shows as wall ≫ cpu instead of hiding in the figures) and its memory peaks, to
 * stderr. Counts only, no data. Without the variable every call returns at once.
 */
export const TRACE = process.env.SHOPDESK_IMPORT_TRACE === '1';

const totals = new Map<string, number>();
let heapPeak = 0;
let externalPeak = 0;
let rssPeak = 0;
let physicalPeak = 0;
let mallocPeak = 0;

/** A stage's start: wall and this thread's CPU clock (0 when not tracing). */
export type TraceStart = { wall: number; cpu: number };

export const traceStart = (): TraceStart => (TRACE ? { wall: performance.now(), cpu: threadCpuMs() } : { wall: 0, cpu: 0 });

/** Adds the wall time and this thread's CPU time since `started` to a stage (`<stage>Cpu`). */
export function traceEnd(label: string, started: TraceStart): void {
  if (!TRACE) return;
  traceAdd(label, performance.now() - started.wall);
  traceAdd(`${label}Cpu`, threadCpuMs() - started.cpu);
}

/** Adds the wall time since `started` to a stage and samples memory (once per batch or unit, not per row). */
export function traceTime(label: string, started: number): void {
  if (!TRACE) return;
  traceAdd(label, performance.now() - started);
  traceMemory();
}

/** Samples the heap and the process's memory for the peaks (once per batch or unit, not per row). */
export function traceMemory(): void {
  if (!TRACE) return;
  const stats = getHeapStatistics();
  const used = stats.used_heap_size;
  if (used > heapPeak) heapPeak = used;
  if (stats.total_physical_size > physicalPeak) physicalPeak = stats.total_physical_size;
  if (stats.peak_malloced_memory > mallocPeak) mallocPeak = stats.peak_malloced_memory;
  const memory = process.memoryUsage();
  if (memory.external > externalPeak) externalPeak = memory.external;
  if (memory.rss > rssPeak) rssPeak = memory.rss;
}

/** Adds milliseconds to a stage without sampling memory (cheap enough for every text chunk). */
export function traceAdd(label: string, ms: number): void {
  if (!TRACE) return;
  totals.set(label, (totals.get(label) ?? 0) + ms);
}

/** This thread's CPU time so far, in ms. */
const threadCpuMs = (): number => {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
};

export function traceReport(role: string): void {
  if (!TRACE) return;
  const parts = [...totals.entries()].map(([k, v]) => `${k}=${Math.round(v)}ms`);
  process.stderr.write(
    `[import-trace] ${role}#${threadId} ${parts.join(' ')} cpu=${Math.round(threadCpuMs())}ms heapPeak=${Math.round(heapPeak / 1048576)}MB heapPhysicalPeak=${Math.round(physicalPeak / 1048576)}MB v8MallocPeak=${Math.round(mallocPeak / 1048576)}MB externalPeak=${Math.round(externalPeak / 1048576)}MB processRssPeak=${Math.round(rssPeak / 1048576)}MB heapNow=${Math.round(getHeapStatistics().used_heap_size / 1048576)}MB\n`,
  );
}
