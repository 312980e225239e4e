import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { Locale } from '../../shared/i18n/error-messages';
import type { FileOutcome, ImportProgress, ImportRunOutcome, ImportSource } from '../../shared/rpc/domains/imports';
import type { CoreContext } from '../core-context';
import { mapSqliteError } from '../db/sqlite-errors';
import { readSettings } from '../settings/settings-repository';
import { isAppError } from '../../shared/errors';
import { backupInThread } from './backup-thread';
import { ImportJob } from './import-job';
import { findImportBySha } from './import-repository';
import { presentOutcome, presentRefusal } from './present-outcome';
import { UploadStore } from './upload-store';
import { removeStaging, StagingStore } from './staging-store';
import type { UnitMode } from './table-writer';
import type { Pipeline, ReaderSource, StagedUnit, UnitVerdict } from './worker-protocol';

export type ImportServiceOptions = {
  /** Measured default: see src/core/imports/README.md. */
  pipeline?: Pipeline;
  /** Test hook: PRAGMAs for the writing connection (e.g. `max_page_count = N` to simulate a full disk). */
  writerPragmas?: string[];
  /** Test hook: the writer thread stops while holding the write lock until released (writer-hold.ts). */
  writerHold?: SharedArrayBuffer;
  /**
   * Test hook: awaited on the core's thread once each unit's first batch has gone to the writer
   * (its transaction open); the import waits meanwhile. Tests act on a surely running import with it.
   */
  pauseMidUnit?: (unit: { jobId: string; file: string; mode: UnitMode }) => Promise<void>;
  /** Counts the jobs running now (the reminder scheduler pauses its periodic check meanwhile). */
  activity?: { running: number };
};

type JobKind = 'preview' | 'run';

/** A preview's wish to keep what it parsed, or a run's list of previews to write from. */
type Staging = { stage: boolean; previews: readonly string[] };
const NO_STAGING: Staging = { stage: false, previews: [] };

/**
 * The import use cases on the core's thread: resolves sources, runs one job at a time on worker
 * threads (a second import waits instead of failing on the write lock), decides each unit's mode
 * from earlier imports, takes the pre-import backup, and turns outcomes into the contract's shape.
 */
export class ImportService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly jobs = new Map<string, ImportJob | null>();
  private readonly cancelled = new Set<string>();
  readonly uploads: UploadStore;
  private readonly staging: StagingStore;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: ImportServiceOptions = {},
  ) {
    this.uploads = new UploadStore(ctx.session.paths.dataDir);
    const leftovers = this.uploads.removeLeftovers();
    if (leftovers.length > 0) ctx.log.info('removed uploads left from an earlier run', { files: leftovers.length });
    // A crash (or kill) left kept previews behind: no window knows their ids any more.
    const staged = removeStaging(ctx.session.paths.dataDir);
    if (staged > 0) ctx.log.info('removed previews kept by an earlier run', { previews: staged });
    this.staging = new StagingStore(ctx.session.paths.dataDir);
  }

  /**
   * Discards what a preview kept for its confirm (the window dropped it, or started anew); a
   * preview still running is cancelled, and its folder deleted once it stopped reading.
   */
  discardPreview(jobId: string): Promise<boolean> {
    const running = this.cancel(jobId);
    return this.betweenJobs(async () => this.staging.discard(jobId) || running);
  }

  /** Deletes an upload the window dropped, after any job still reading it (Windows cannot delete an open file). */
  discardUpload(uploadId: string): Promise<boolean> {
    return this.betweenJobs(async () => this.uploads.remove(uploadId));
  }

  async locale(requested: Locale | undefined): Promise<Locale> {
    if (requested) return requested;
    return (await readSettings(this.ctx.session.require().db)).language;
  }

  /** Cancels a running or queued job (a queued one starts cancelled and writes nothing). */
  cancel(jobId: string): boolean {
    if (!this.jobs.has(jobId)) return false;
    this.cancelled.add(jobId);
    this.jobs.get(jobId)?.cancel();
    return true;
  }

  /** With `stage`, what the preview parsed is kept for `run(…, previews: [jobId])`. */
  preview(sources: ImportSource[], locale: Locale, jobId?: string, stage = false): Promise<FileOutcome[]> {
    return this.enqueue('preview', jobId ?? `preview-${randomUUID()}`, sources, locale, { stage, previews: [] }) as Promise<FileOutcome[]>;
  }

  /** `previews`: staged previews of these sources; their units are written without reading again, then discarded. */
  run(sources: ImportSource[], locale: Locale, jobId: string, previews: readonly string[] = []): Promise<ImportRunOutcome[]> {
    return this.enqueue('run', jobId, sources, locale, { stage: false, previews }) as Promise<ImportRunOutcome[]>;
  }

  /** Runs a task between jobs: no import writes while it runs (undo relies on this). */
  betweenJobs<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private enqueue(kind: JobKind, jobId: string, sources: ImportSource[], locale: Locale, staging: Staging = NO_STAGING): Promise<(FileOutcome | ImportRunOutcome)[]> {
    this.jobs.set(jobId, null);
    return this.betweenJobs(() => this.execute(kind, jobId, sources, locale, staging)).finally(() => {
      this.jobs.delete(jobId);
      this.cancelled.delete(jobId);
    });
  }

  private resolveSources(sources: ImportSource[]): ReaderSource[] {
    return sources.map((source) => {
      if (source.type === 'path') return { path: resolve(source.path), displayName: basename(source.path) };
      const upload = this.uploads.resolve(source.uploadId);
      return { path: upload.path, displayName: upload.fileName };
    });
  }

  private async execute(kind: JobKind, jobId: string, sources: ImportSource[], locale: Locale, staging: Staging): Promise<(FileOutcome | ImportRunOutcome)[]> {
    try {
      return await this.executeJob(kind, jobId, sources, locale, staging);
    } finally {
      // Whatever happened, a run used its previews' kept batches once (a retry reads the files).
      for (const id of staging.previews) this.staging.discard(id);
      // A preview that failed before keeping anything leaves no folder either.
      if (kind === 'preview' && staging.stage && !this.staging.has(jobId)) this.staging.discard(jobId);
    }
  }

  private async executeJob(kind: JobKind, jobId: string, sources: ImportSource[], locale: Locale, staging: Staging): Promise<(FileOutcome | ImportRunOutcome)[]> {
    const { ctx } = this;
    const { db } = ctx.session.require();
    const resolved = this.resolveSources(sources);
    const stageDir = kind === 'preview' && staging.stage ? this.staging.prepare(jobId) : null;
    const kept: StagedUnit[] = [];
    const bySource: (FileOutcome | ImportRunOutcome)[][] = resolved.map(() => []);
    const prior = new Map<string, number>();
    let backupId: string | null = null;
    let backupFailed: UnitVerdict | null = null;

    const verdict = async ({ sha256 }: { file: string; sha256: string }): Promise<UnitVerdict> => {
      const earlier = await findImportBySha(db, sha256);
      if (earlier) {
        // The very same bytes are in already: nothing can change, so the file is not read again and
        // no backup is needed. Its figures are those of that import, all lines unchanged.
        prior.set(sha256, earlier.id);
        const unchanged = earlier.lines - earlier.duplicates - earlier.skipped_with_issues;
        return {
          mode: 'known',
          known: {
            importId: earlier.id,
            kind: earlier.kind,
            layout: earlier.layout,
            encoding: earlier.encoding,
            totals: { lines: earlier.lines, skippedWithIssues: earlier.skipped_with_issues, dateFrom: earlier.date_from, dateTo: earlier.date_to },
            counts: { inserted: 0, updated: 0, unchanged, duplicatesInFile: earlier.duplicates, skippedOlder: 0 },
          },
        };
      }
      if (kind === 'preview') return { mode: 'preview' };
      if (backupId === null && backupFailed === null) {
        try {
          const info = await ctx.session.backupWith('pre-import', backupInThread);
          backupId = info.id;
          ctx.emit('backups.created', info);
        } catch (error) {
          const mapped = mapSqliteError(error);
          const code = isAppError(mapped) && mapped.code === 'DISK_FULL' ? 'DISK_FULL' : 'INTERNAL';
          ctx.log.error('pre-import backup failed; nothing is imported without one', { detail: (error as Error).message });
          backupFailed = { mode: 'skip', code, params: {} };
        }
      }
      return backupFailed ?? { mode: 'write' };
    };

    const job = new ImportJob({
      jobId,
      sources: resolved,
      dbPath: ctx.session.paths.dbFile,
      importedAt: ctx.clock.now().toISOString(),
      pipeline: this.options.pipeline ?? 'two-threads',
      writerPragmas: this.options.writerPragmas ?? [],
      writerHold: this.options.writerHold ?? null,
      locale,
      stageDir,
      staged: kind === 'run' ? this.staging.units(staging.previews) : [],
      hooks: {
        verdict,
        staged: (unit) => kept.push(unit),
        outcome: (sourceIndex, outcome) => {
          const sha = outcome.ok ? outcome.sha256 : null;
          const priorId = sha === null ? null : (prior.get(sha) ?? null);
          bySource[sourceIndex]!.push(
            presentOutcome(outcome, {
              alreadyImported: priorId !== null,
              priorImportId: kind === 'run' ? priorId : null,
              backupId: kind === 'run' && outcome.ok && outcome.importId !== null ? backupId : null,
              locale,
              source: sourceIndex,
            }),
          );
        },
        progress: (p: ImportProgress) => ctx.emit('imports.progressed', p),
        pauseMidUnit: this.options.pauseMidUnit,
      },
    });
    this.jobs.set(jobId, job);
    if (this.cancelled.has(jobId)) job.cancel();
    const activity = this.options.activity;
    if (activity) activity.running += 1;
    let failed: string | null;
    try {
      // The writer thread takes the write lock: core-thread writes queue meanwhile (db/write-scheduler.ts).
      ({ failed } = await (kind === 'run' ? ctx.session.writes.holdForImport(() => job.run()) : job.run()));
    } finally {
      if (activity) activity.running -= 1;
    }
    if (failed !== null) ctx.log.error('import worker failed', { stack: failed });
    // A cancelled preview keeps nothing: the window will not confirm it.
    if (stageDir !== null) this.staging.keep(jobId, this.cancelled.has(jobId) || failed !== null ? [] : kept);
    // A file with no outcome (a worker that died) is reported, never silently dropped.
    resolved.forEach((source, i) => {
      if (bySource[i]!.length === 0) bySource[i]!.push(presentRefusal(source.displayName, 'INTERNAL', {}, [], locale, i));
    });
    const outcomes = bySource.flat();
    if (kind === 'run') ctx.emit('imports.finished', { jobId, outcomes: outcomes as ImportRunOutcome[] });
    // Uploaded bytes are the user's order data: gone once imported, or once the preview refused
    // every part of them (nothing in them can be imported). A cancelled job keeps them for another try.
    sources.forEach((s, i) => {
      const parts = bySource[i]!;
      if (s.type !== 'upload' || parts.some((o) => o.refused && o.code === 'IMPORT_CANCELLED')) return;
      if (kind === 'run' || parts.every((o) => o.refused)) this.uploads.remove(s.uploadId);
    });
    return outcomes;
  }
}
