import type { AppErrorCode } from '../../shared/errors';
import type { BackupInfo, BackupKind } from '../../shared/rpc/domains/backups';
import type { ImportKind, ImportProgress } from '../../shared/rpc/domains/imports';
import type { UnitOutcome } from './import-unit';
import type { RowIssue } from './map-row';
import type { UnitCounts, UnitHeader, UnitMode, UnitTotals } from './table-writer';

/** How an import job is spread over threads (the core's own thread only coordinates). */
export type Pipeline = 'two-threads' | 'one-thread';

export type ReaderSource = { path: string; displayName: string };

export type ReaderData = {
  role: 'reader';
  sources: ReaderSource[];
  importedAt: string;
  pipeline: Pipeline;
  /** The database, opened by the reader itself when the pipeline has one thread. */
  dbPath: string;
  /** Extra PRAGMAs for the writing connection (tests: `max_page_count` to simulate a full disk). */
  writerPragmas: string[];
  /** Test hook: after each unit's first batch the reader posts `paused` and waits for `resume`. */
  pauseMidUnit: boolean;
  /** Preview only: keep each previewed unit's parsed batches in this folder (staging-writer.ts). */
  stageDir?: string | null;
  /** Run only: units an earlier preview kept; written from there when their file is unchanged (staged-unit.ts). */
  staged?: StagedUnit[];
};

/**
 * One previewed unit whose parsed batches were kept (`<dataDir>/staging/<previewJobId>/`), with
 * everything its outcome needs, and what its source file was when it was read: a confirm that
 * finds the file otherwise (size, mtime, then SHA-256) reads it again instead.
 */
export type StagedUnit = {
  /** The resolved path of the dropped file (a zip's members share it) and the unit's display name. */
  sourcePath: string;
  file: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  /** What reading found; the rest of the write's header comes from the unit again (import-unit.ts `unitHeader`). */
  header: Pick<UnitHeader, 'kind' | 'layout' | 'encoding'>;
  totals: UnitTotals;
  issues: RowIssue[];
  issueCount: number;
  batchesPath: string;
  batches: number;
  lines: number;
};

export type WriterData = {
  role: 'writer';
  dbPath: string;
  writerPragmas: string[];
  /** Test hook: stop after opening each write transaction until released (writer-hold.ts). */
  writerHold?: SharedArrayBuffer | null;
};

/** The pre-import backup, made on a connection of its own in a thread (backup-thread.ts). */
export type BackupData = {
  role: 'backup';
  dbPath: string;
  dir: string;
  kind: BackupKind;
  /** ISO instant the backup is named by. */
  createdAt: string;
  schemaVersion: number;
};

/** Backup thread → core: the backup made, or why not (an AppError's code and message). */
export type BackupReply = { ok: true; info: BackupInfo } | { ok: false; code: AppErrorCode; message: string; details: Record<string, unknown> | null };

/** Reader → core. */
export type ReaderMessage =
  | { type: 'unit-ready'; unitId: number; file: string; sha256: string }
  | { type: 'progress'; progress: Omit<ImportProgress, 'jobId' | 'fileCount'> }
  | { type: 'outcome'; sourceIndex: number; outcome: UnitOutcome }
  | { type: 'paused'; file: string; mode: UnitMode }
  /** A previewed unit's batches were kept (sent before its outcome). */
  | { type: 'staged'; unit: StagedUnit }
  | { type: 'done' }
  | { type: 'fatal'; message: string; stack: string | undefined };

/** What an earlier import of the very same bytes recorded: reported again instead of reading the file. */
export type KnownFile = { importId: number; kind: ImportKind; layout: string; encoding: string; totals: UnitTotals; counts: UnitCounts };

/**
 * What to do with a unit, decided by the core (it knows earlier imports and takes the backup):
 * read it (`write` / `preview`), report it as already imported (`known`), or not (`skip`, e.g. no backup).
 */
export type UnitVerdict =
  | { mode: UnitMode }
  | { mode: 'known'; known: KnownFile }
  | { mode: 'skip'; code: string; params: Record<string, string | number> };

/** Core → reader. */
export type CoreToReader = { type: 'verdict'; unitId: number; verdict: UnitVerdict } | { type: 'cancel' } | { type: 'resume' };

/** Reader → writer thread (each request answered once, in order). */
export type WriterRequest =
  | { id: number; op: 'begin'; header: UnitHeader }
  | { id: number; op: 'write'; rows: unknown[][] }
  /** A batch already in `v8.serialize` form (a staged preview's, staging-file.ts), its buffer transferred: the writer decodes it itself. */
  | { id: number; op: 'writePacked'; packed: Uint8Array }
  | { id: number; op: 'commit'; totals: UnitTotals }
  | { id: number; op: 'rollback' };

export type WriterResponse =
  | { id: number; ok: true; linesWritten: number; result?: { importId: number | null; counts: UnitCounts } }
  | { id: number; ok: false; message: string; code: string | undefined };
