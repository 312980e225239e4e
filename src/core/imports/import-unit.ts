import type { Readable } from 'node:stream';
import type { ImportKind, ImportMessageParams } from '../../shared/rpc/domains/imports';
import { CancelledError, consumeRecords, type ConsumeResult, type Refusal } from './consume-records';
import { detectDialect } from './csv-dialect';
import { BrokenEncodingError, decodeText, NotUtf8Error } from './decode-text';
import { detectEncoding, type TextEncoding } from './detect-encoding';
import type { UnitSource } from './expand-source';
import type { RowIssue } from './map-row';
import { CsvStructureError, parseCsv, type CsvRecord } from './parse-csv';
import type { UnitCounts, UnitHeader, UnitMode, UnitTotals } from './table-writer';

/** The writer as the reader thread sees it: a TableWriter here, or one on the writer thread. */
export interface UnitWriter {
  begin(header: UnitHeader): Promise<void>;
  write(rows: unknown[][]): Promise<void>;
  /** A batch in `v8.serialize` form (a staged preview's): decoded where it is written (absent: the caller decodes). */
  writePacked?(packed: Uint8Array): Promise<void>;
  commit(totals: UnitTotals): Promise<{ importId: number | null; counts: UnitCounts }>;
  rollback(): Promise<void>;
  /** Data lines the writer has applied so far in the open unit. */
  readonly linesWritten: number;
}

/** Everything the core needs to report one unit; messages are rendered later, in the caller's language. */
export type UnitOutcome =
  | {
      ok: true;
      file: string;
      kind: ImportKind;
      layout: string;
      encoding: string;
      sha256: string;
      exportTime: number | null;
      totals: UnitTotals;
      counts: UnitCounts;
      issues: RowIssue[];
      issueCount: number;
      importId: number | null;
      /** `known`: the same bytes were imported before; nothing was read or written. */
      mode: UnitMode | 'known';
    }
  | { ok: false; file: string; code: string; params: ImportMessageParams; issues: RowIssue[] };

export type UnitRun = {
  unit: UnitSource;
  sha256: string;
  mode: UnitMode;
  writer: UnitWriter;
  importedAt: string;
  /** The data folder's buyer-key secret (buyer-key.ts), or null. */
  buyerKeySecret?: Buffer | null;
  isCancelled(): boolean;
  onBytes(done: number): void;
  onLines(lines: number): void;
};

/**
 * The header a unit's write begins with, from the unit and what reading it found. The one place it
 * is built, for a unit read from its file and one replayed from a preview's kept batches alike: a
 * staged confirm that began without the unit's size kept all fifteen order_lines indexes current
 * row by row (its inserts took 12.9 s instead of 6.0 s at 500k lines).
 */
export function unitHeader(
  unit: Pick<UnitSource, 'file' | 'size' | 'exportTime'>,
  read: Pick<UnitHeader, 'kind' | 'layout' | 'encoding'>,
  run: Pick<UnitRun, 'sha256' | 'importedAt' | 'mode'>,
): UnitHeader {
  return { ...read, fileName: unit.file, sha256: run.sha256, exportTime: unit.exportTime, importedAt: run.importedAt, mode: run.mode, sizeBytes: unit.size };
}

/** A database failure inside the writer, carried as its SQLite code (mapped to DISK_FULL … by the core). */
export class WriterError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Failures of the database (the writer's), which end the import with a failure code instead of a refusal. */
export const isDatabaseError = (error: unknown): boolean =>
  error instanceof WriterError || String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_');

async function* countBytes(stream: Readable, onBytes: (done: number) => void): AsyncGenerator<Uint8Array> {
  let done = 0;
  let reported = 0;
  for await (const chunk of stream) {
    done += (chunk as Buffer).length;
    if (done - reported >= 1024 * 1024) {
      reported = done;
      onBytes(done);
    }
    yield chunk as Buffer;
  }
  onBytes(done);
}

/** The first bytes decide the encoding; they are then replayed in front of the rest of the stream. */
async function* replay(first: readonly Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Text → records, with the dialect decided from the first text chunk. */
async function* textRecords(texts: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  const iterator = texts[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const dialect = detectDialect(first.value);
  async function* all(): AsyncGenerator<string> {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  yield* parseCsv(all(), dialect);
}

/**
 * Runs one unit through decode → parse → recognise → map → writer, and ends it with a commit
 * (all lines) or a rollback (refusal, cancellation, database failure): one transaction per file.
 * A file that looked like UTF-8 but is not, further on, is read again from the start as GB18030.
 */
export async function importUnit(run: UnitRun): Promise<UnitOutcome> {
  const { unit } = run;
  let begun = false;
  let encoding: string = unit.format === 'xlsx' ? 'xlsx' : 'utf-8';
  let kindLayout: { kind: ImportKind; layout: string } | null = null;
  const sink = {
    begin: async (kind: ImportKind, layout: string) => {
      kindLayout = { kind, layout };
      await run.writer.begin(unitHeader(unit, { kind, layout, encoding }, run));
      begun = true;
    },
    rows: (rows: unknown[][]) => run.writer.write(rows),
  };
  const consume = (records: AsyncIterable<CsvRecord[]>) =>
    consumeRecords(records, { sink, isCancelled: run.isCancelled, onLines: run.onLines, buyerKeySecret: run.buyerKeySecret ?? null });
  const refuse = (refusal: Refusal): UnitOutcome => ({ ok: false, file: unit.file, code: refusal.code, params: refusal.params, issues: refusal.issues ?? [] });

  const readAs = async (forced: TextEncoding | null): Promise<ConsumeResult> => {
    const stream = await unit.open();
    if (unit.format === 'xlsx') {
      // exceljs takes about a second to load: only files that need it pay for it.
      const { readXlsx } = await import('./read-xlsx');
      return consume(readXlsx(stream));
    }
    const bytes = countBytes(stream, run.onBytes)[Symbol.asyncIterator]();
    const first: Uint8Array[] = [];
    let length = 0;
    while (length < 64 * 1024) {
      const next = await bytes.next();
      if (next.done) break;
      first.push(next.value);
      length += next.value.length;
    }
    const sample = Buffer.concat(first);
    const detected = forced ?? detectEncoding(sample);
    encoding = detected;
    return consume(textRecords(decodeText(replay(first, bytes), detected)));
  };

  try {
    let result: ConsumeResult;
    try {
      result = await readAs(null);
    } catch (error) {
      if (!(error instanceof NotUtf8Error)) throw error;
      if (begun) await run.writer.rollback();
      begun = false;
      result = await readAs('gb18030');
    }
    if (!result.ok) {
      if (begun) await run.writer.rollback();
      return refuse(result.refusal);
    }
    const { importId, counts } = await run.writer.commit(result.totals);
    begun = false;
    const { kind, layout } = kindLayout!;
    return {
      ok: true,
      file: unit.file,
      kind,
      layout,
      encoding,
      sha256: run.sha256,
      exportTime: unit.exportTime,
      totals: result.totals,
      counts,
      issues: result.issues,
      issueCount: result.issueCount,
      importId,
      mode: run.mode,
    };
  } catch (error) {
    if (begun) await run.writer.rollback().catch(() => undefined);
    if (error instanceof CancelledError) return refuse({ code: 'IMPORT_CANCELLED', params: {} });
    if (error instanceof CsvStructureError) {
      return refuse({ code: error.code, params: error.variant === null ? { line: error.line, limit: '64 KB' } : { line: error.line, variant: error.variant } });
    }
    if (error instanceof BrokenEncodingError) return refuse({ code: 'IMPORT_ENCODING', params: { encoding } });
    if (isDatabaseError(error)) throw error;
    // Anything else went wrong while reading the file itself (a damaged xlsx or zip, a read error).
    return refuse({ code: 'IMPORT_UNREADABLE', params: { detail: `${unit.format === 'xlsx' ? 'xlsx: ' : ''}${(error as Error).message}` } });
  }
}
