import { MessageChannel, type Worker } from 'node:worker_threads';
import type { Locale } from '../../shared/i18n/error-messages';
import type { ImportProgress } from '../../shared/rpc/domains/imports';
import type { UnitOutcome } from './import-unit';
import type { UnitMode } from './table-writer';
import { spawnImportWorker } from './spawn-import-worker';
import type { CoreToReader, Pipeline, ReaderMessage, ReaderSource, StagedUnit, UnitVerdict } from './worker-protocol';

/** How often `imports.progressed` goes out while a job runs (the issue asks for at least twice a second). */
export const PROGRESS_INTERVAL_MS = 250;

export type JobHooks = {
  /** Decides what happens to a unit once its SHA-256 is known (preview/verify/write, backup first). */
  verdict(unit: { file: string; sha256: string }): Promise<UnitVerdict>;
  /** Each unit's result, as soon as it is known, with the index of the dropped file it came from. */
  outcome(sourceIndex: number, outcome: UnitOutcome): void;
  progress(progress: ImportProgress): void;
  /** A previewed unit's parsed batches were kept (only with `stageDir`); arrives before its outcome. */
  staged?(unit: StagedUnit): void;
  /** Test hook: the reader waits mid-unit (first batch written) until this settles. */
  pauseMidUnit?: (unit: { jobId: string; file: string; mode: UnitMode }) => Promise<void>;
};

export type JobOptions = {
  jobId: string;
  sources: ReaderSource[];
  dbPath: string;
  importedAt: string;
  pipeline: Pipeline;
  writerPragmas: string[];
  /** Test hook (writer-hold.ts). */
  writerHold?: SharedArrayBuffer | null;
  locale: Locale;
  /** Preview: keep what is parsed in this folder. Run: what earlier previews kept (staged-unit.ts). */
  stageDir?: string | null;
  staged?: StagedUnit[];
  hooks: JobHooks;
};

/**
 * One preview or import on worker threads, driven from the core's thread: the reader thread
 * (read, decode, parse, check) and — in the two-thread pipeline — the writer thread with its own
 * SQLite connection, linked by a MessageChannel so row batches never pass through the core.
 * Resolves when both threads are gone (so the writer's connection is closed and its
 * transaction committed or rolled back). Progress is re-emitted on a timer.
 */
export class ImportJob {
  private reader: Worker | null = null;
  private writer: Worker | null = null;
  private cancelled = false;

  constructor(private readonly options: JobOptions) {}

  cancel(): void {
    this.cancelled = true;
    this.reader?.postMessage({ type: 'cancel' } satisfies CoreToReader);
  }

  async run(): Promise<{ failed: string | null }> {
    const { options } = this;
    const twoThreads = options.pipeline === 'two-threads';
    const channel = twoThreads ? new MessageChannel() : null;
    const common = { dbPath: options.dbPath, writerPragmas: options.writerPragmas };
    if (channel) {
      this.writer = spawnImportWorker({ role: 'writer', ...common, writerHold: options.writerHold ?? null, readerPort: channel.port2 }, [channel.port2]);
    }
    const reader = spawnImportWorker(
      { role: 'reader', ...common, sources: options.sources, importedAt: options.importedAt, pipeline: options.pipeline, pauseMidUnit: options.hooks.pauseMidUnit !== undefined, stageDir: options.stageDir ?? null, staged: options.staged ?? [], writerPort: channel?.port1 ?? null },
      channel ? [channel.port1] : [],
    );
    this.reader = reader;
    if (this.cancelled) this.cancel();

    let latest: ImportProgress = {
      jobId: options.jobId,
      file: options.sources[0]?.displayName ?? '',
      fileIndex: 0,
      fileCount: options.sources.length,
      phase: 'checking',
      bytesDone: 0,
      bytesTotal: 0,
      lines: 0,
    };
    const timer = setInterval(() => options.hooks.progress(latest), PROGRESS_INTERVAL_MS);
    let failed: string | null = null;
    let done = false;

    const readerGone = new Promise<void>((resolve) => {
      reader.on('message', (message: ReaderMessage) => {
        switch (message.type) {
          case 'progress':
            latest = { jobId: options.jobId, fileCount: options.sources.length, ...message.progress };
            break;
          case 'unit-ready':
            options.hooks
              .verdict({ file: message.file, sha256: message.sha256 })
              .catch((error: unknown) => ({ mode: 'skip' as const, code: 'INTERNAL', params: { detail: (error as Error).message } }))
              .then((verdict) => reader.postMessage({ type: 'verdict', unitId: message.unitId, verdict } satisfies CoreToReader));
            break;
          case 'outcome':
            options.hooks.outcome(message.sourceIndex, message.outcome);
            latest = { ...latest, phase: 'done', fileIndex: message.sourceIndex, file: message.outcome.file };
            options.hooks.progress(latest);
            break;
          case 'paused':
            // A failing hook is a failing test: its rejection is left unhandled, the reader resumes anyway.
            void Promise.resolve(options.hooks.pauseMidUnit?.({ jobId: options.jobId, file: message.file, mode: message.mode })).finally(() =>
              reader.postMessage({ type: 'resume' } satisfies CoreToReader),
            );
            break;
          case 'staged':
            options.hooks.staged?.(message.unit);
            break;
          case 'done':
            done = true;
            break;
          case 'fatal':
            failed = message.stack ?? message.message;
            break;
        }
      });
      reader.on('error', (error) => {
        failed = error.stack ?? error.message;
      });
      reader.on('exit', () => resolve());
    });
    const writerGone = this.writer ? new Promise<void>((resolve) => this.writer!.on('exit', () => resolve())) : Promise.resolve();
    this.writer?.on('error', (error) => {
      failed ??= error.stack ?? error.message;
      // The reader would wait for answers that never come.
      void reader.terminate();
    });

    await readerGone;
    // The reader closed its end of the channel (or died with it): the writer closes its connection and exits.
    await writerGone;
    clearInterval(timer);
    if (!done && failed === null) failed = 'the import worker stopped unexpectedly';
    return { failed };
  }
}
