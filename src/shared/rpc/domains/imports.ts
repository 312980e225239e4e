import { z } from 'zod';
import { LANGUAGES } from './settings';

/** The export kinds the importer recognises from the header row. */
export const IMPORT_KINDS = ['orders', 'funds', 'settlement', 'aftersales'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Where a file comes from: a local path (desktop drag-and-drop, CLI) or bytes uploaded in chunks
 * through `imports.upload` (the browser harness, where a dropped File has no path).
 */
export const importSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ type: z.literal('upload'), uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

/** Values a message template is filled with (see `src/shared/i18n/import-messages.ts`). */
export type ImportMessageParams = Record<string, string | number>;

/**
 * A problem found in one line of a file; that line is skipped and the rest is imported.
 * `line` is the 1-based physical line in the file (the header is its own line; a cell with line
 * breaks makes a record span several lines, and later lines count them). For .xlsx it is the row.
 * `column` is the header name as written in the file.
 */
export type ImportIssue = {
  line: number | null;
  column: string | null;
  code: string;
  message: string;
  params: ImportMessageParams;
};

/** Why a whole file is refused; nothing of it is written. */
export const IMPORT_REFUSAL_CODES = [
  'IMPORT_EMPTY',
  'IMPORT_BINARY',
  'IMPORT_LEGACY_XLS',
  'IMPORT_NOT_CSV',
  'IMPORT_UNKNOWN_KIND',
  'IMPORT_EXCEL_DAMAGED',
  'IMPORT_ORDER_DIMENSION',
  'IMPORT_ENCODING',
  'IMPORT_MALFORMED',
  'IMPORT_MISSING_COLUMNS',
  'IMPORT_ZIP_ENCRYPTED',
  'IMPORT_TOO_LARGE_FIELD',
  'IMPORT_UNREADABLE',
] as const;
export type ImportRefusalCode = (typeof IMPORT_REFUSAL_CODES)[number];

/**
 * Why a file that was being written was not imported after all: cancelled by the user, or the
 * database failed (disk full, locked, read-only, unexpected). Its transaction was rolled back.
 */
export const IMPORT_FAILURE_CODES = ['IMPORT_CANCELLED', 'DISK_FULL', 'DB_BUSY', 'DB_READONLY', 'INTERNAL'] as const;
export type ImportFailureCode = (typeof IMPORT_FAILURE_CODES)[number];

export type FilePreview = {
  /** Display name (for a zip member: `bundle.zip › inner.csv`). */
  file: string;
  /**
   * Index, in the call's `sources`, of the dropped file this outcome belongs to (a zip gives several
   * outcomes with the same index). The core always sets it.
   */
  source?: number;
  refused: false;
  kind: ImportKind;
  /**
   * Header variant: `orders-layout-a` (74 columns), `orders-layout-b` (75), `orders-custom`,
   * `funds-39`, `funds-30`, `funds-ledger`, `funds-legacy`, `settlement`, `aftersales`.
   */
  layout: string;
  /** `utf-8`, `utf-8-bom`, `gb18030`, `utf-16le`, `utf-16be` or `xlsx`. */
  encoding: string;
  sha256: string;
  /** Export moment from the 10-digit Unix-seconds prefix of the file name (ISO), or null. */
  exportTime: string | null;
  /** Data lines (records) in the file, not counting the header and description rows. */
  lines: number;
  /** China-time dates (YYYY-MM-DD) of the earliest and latest row (order submitted, money moved …). */
  dateFrom: string | null;
  dateTo: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Lines that appeared again later in the same file (the later one wins). */
  duplicatesInFile: number;
  /**
   * "Skipped: older or undated": lines left alone because their file is older than the stored row,
   * or has no export time in its name and is not provably newer (src/core/imports/decide-upsert.ts).
   */
  skippedOlder: number;
  /** Lines skipped because of a problem (see `issues`). */
  skippedWithIssues: number;
  /**
   * True when a file with the same SHA-256 was imported before (and not undone): it is not read again
   * and nothing is written; the figures are that import's, every line unchanged, `importId` its id.
   */
  alreadyImported: boolean;
  /** The first 1,000 problems (then one ROW_MORE_ISSUES entry); `issueCount` is the total. */
  issues: ImportIssue[];
  issueCount: number;
};

export type FileRefusal = {
  file: string;
  /** As in FilePreview. */
  source?: number;
  refused: true;
  code: ImportRefusalCode | ImportFailureCode;
  message: string;
  params: ImportMessageParams;
  issues: ImportIssue[];
};

export type FileOutcome = FilePreview | FileRefusal;

/** A written file: its preview figures plus the import's id (null when already imported) and the backup taken first. */
export type ImportSummary = FilePreview & { importId: number | null; backupId: string | null };
export type ImportRunOutcome = ImportSummary | FileRefusal;

export type ImportHistoryEntry = {
  id: number;
  file: string;
  kind: ImportKind;
  layout: string;
  encoding: string;
  sha256: string;
  exportTime: string | null;
  importedAt: string;
  lines: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicatesInFile: number;
  skippedOlder: number;
  skippedWithIssues: number;
  dateFrom: string | null;
  dateTo: string | null;
  status: 'done' | 'undone';
  undoneAt: string | null;
};

export type ImportProgress = {
  jobId: string;
  file: string;
  fileIndex: number;
  fileCount: number;
  /** `checking`: hashing and sniffing; `importing`: reading and writing lines; `done`: this file is finished. */
  phase: 'checking' | 'importing' | 'done';
  bytesDone: number;
  bytesTotal: number;
  lines: number;
};

/** What `imports.undo` did, or why it did nothing. */
export type UndoResult =
  /** `backupId`: the verified `pre-undo` backup of the database as it was just before the undo. */
  | { importId: number; undone: true; removed: number; restored: number; backupId: string }
  | {
      importId: number;
      undone: false;
      reason: 'already-undone' | 'later-import-changed-lines';
      message: string;
      /** The later imports that changed lines this import wrote; undo those first. */
      conflicts: { importId: number; file: string; lines: number }[];
    };

const jobId = z.string().regex(/^[a-z0-9-]{8,64}$/);
const sources = z.array(importSourceSchema).min(1).max(50);
/** Language of `message` texts in the answer; defaults to the user's setting. */
const locale = z.enum(LANGUAGES).optional();

export const importMethods = {
  /**
   * Receives one chunk of a file dropped in the browser harness (base64, ≤ 4 MiB decoded).
   * Start without `uploadId`; pass the returned id with later chunks; `done: true` on the last.
   * The upload is kept in the data folder until it is imported, refused by its preview, discarded,
   * or the core starts again (at most a day).
   */
  'imports.upload': z
    .object({
      uploadId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
      fileName: z.string().min(1).max(255),
      chunkBase64: z.string().max(6_000_000),
      done: z.boolean(),
    })
    .strict(),
  /**
   * Deletes an upload the window no longer needs (the file was removed from the list, the list was
   * cleared, the upload was stopped part-way), after any job still reading it. Answers whether there was one.
   */
  'imports.discardUpload': z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
  /**
   * Reads the files through the same pipeline as `imports.run` without writing anything: kind,
   * layout, line count, date range, how many lines would be new / changed / unchanged, problems,
   * and whether the same file was imported before. A zip gives one outcome per file inside.
   * With a `jobId`, progress arrives as `imports.progressed` and `imports.cancel` stops it.
   * With `stage: true` (needs a `jobId`) what was parsed is kept beside the database, so that
   * `imports.run` with `previews: [jobId]` writes it without reading the files again. It is kept
   * until that run, `imports.discardPreview`, another preview with the same id, or the core closes.
   */
  'imports.preview': z.object({ jobId: jobId.optional(), sources, locale, stage: z.boolean().optional() }).strict(),
  /**
   * Imports the files one after another, each in its own transaction (all or nothing, also under
   * kill -9 or a full disk). A verified `pre-import` backup is taken before the first file that
   * writes (files already imported, recognised by SHA-256, write nothing and need none).
   * Reading, checking and writing run on worker threads; `imports.progressed` arrives at least
   * twice a second; `imports.cancel` rolls back the file in progress (files finished before stay).
   * Refused files come back as `{ refused: true, code, message }`. Emits `imports.finished`.
   * `previews`: the staged previews of these sources (`imports.preview` with `stage`): a file still
   * as that preview read it (size, modification time, SHA-256) is written from what it kept, the
   * same rows with the same results; a changed file is read again. They are discarded afterwards.
   * Errors: VALIDATION (bad params), RECOVERY_MODE.
   */
  'imports.run': z.object({ jobId, sources, locale, previews: z.array(jobId).max(50).optional() }).strict(),
  /**
   * Discards what a staged preview kept (the window removed the file, cleared the list or started
   * anew); a preview still running is stopped first. Nothing in the database changes. Answers
   * whether there was one.
   */
  'imports.discardPreview': z.object({ jobId }).strict(),
  /** Stops a running preview or import; answers whether a job with that id was running. */
  'imports.cancel': z.object({ jobId }).strict(),
  /** Every import, newest first (undone ones too, marked). */
  'imports.history': z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
  /**
   * Undoes one import: lines it added disappear, lines it changed return to their previous values,
   * nothing else is touched. Refused (as a result, not an error) when a later import changed the
   * same lines — undo that one first. Otherwise a verified `pre-undo` backup is taken first, with
   * no import or other query in between; when it cannot be made the undo is refused with its typed
   * error (DISK_FULL, DB_READONLY, INTERNAL …, `details.backupFailed: true`) and nothing changes.
   * Errors: NOT_FOUND, those. Emits `backups.created` and `imports.undone`.
   */
  'imports.undo': z.object({ importId: z.number().int().positive(), locale }).strict(),
} as const;

export type ImportResults = {
  'imports.upload': { uploadId: string; bytes: number };
  'imports.discardUpload': { removed: boolean };
  'imports.discardPreview': { removed: boolean };
  'imports.preview': FileOutcome[];
  'imports.run': ImportRunOutcome[];
  'imports.cancel': { cancelled: boolean };
  'imports.history': ImportHistoryEntry[];
  'imports.undo': UndoResult;
};

export type ImportEvents = {
  'imports.progressed': ImportProgress;
  'imports.finished': { jobId: string; outcomes: ImportRunOutcome[] };
  'imports.undone': { importId: number };
};
