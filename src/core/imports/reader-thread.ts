import type { MessagePort } from 'node:worker_threads';
import { openDatabase } from '../db/open-database';
import { expandSource, hashUnit, isRefusal } from './expand-source';
import { failureCode } from './failure-code';
import { traceEnd, traceReport, traceStart, traceTime } from './import-trace';
import { importUnit, isDatabaseError, WriterError, type UnitOutcome, type UnitWriter } from './import-unit';
import { LocalWriter } from './local-writer';
import { pausedWriter } from './paused-writer';
import { RemoteWriter } from './remote-writer';
import type { CoreToReader, ReaderData, ReaderMessage, UnitVerdict } from './worker-protocol';

/** How often the reader reports bytes and lines to the core (which emits at its own pace). */
const PROGRESS_EVERY_MS = 100;

/**
 * The reader thread: for each dropped file, expand it into units (zip members …), hash each unit,
 * ask the core what to do with it (write / preview / verify / skip), then run it through the
 * pipeline into the writer. Outcomes go back to the core one by one; cancellation stops the unit
 * in progress (rolled back) and everything after it.
 */
export async function runReader(data: ReaderData, core: MessagePort, writerPort: MessagePort | null): Promise<void> {
  let cancelled = false;
  const verdicts = new Map<number, (v: UnitVerdict) => void>();
  let resume: (() => void) | null = null;
  core.on('message', (message: CoreToReader) => {
    if (message.type === 'cancel') cancelled = true;
    else if (message.type === 'resume') resume?.();
    else verdicts.get(message.unitId)?.(message.verdict);
  });
  const post = (message: ReaderMessage) => core.postMessage(message);

  let writer: UnitWriter;
  let closeWriter: () => void;
  if (writerPort !== null) {
    writer = new RemoteWriter(writerPort);
    closeWriter = () => writerPort.close();
  } else {
    const db = openDatabase(data.dbPath);
    for (const pragma of data.writerPragmas) db.pragma(pragma);
    writer = new LocalWriter(db);
    closeWriter = () => {
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // A reader holding a snapshot: the next checkpoint will do it.
      }
      db.close();
    };
  }
  if (data.pauseMidUnit) {
    writer = pausedWriter(
      writer,
      ({ fileName, mode }) =>
        new Promise<void>((resolve) => {
          resume = resolve;
          post({ type: 'paused', file: fileName, mode });
        }),
    );
  }

  let unitId = 0;
  try {
    for (const [sourceIndex, source] of data.sources.entries()) {
      const outcome = (o: UnitOutcome) => post({ type: 'outcome', sourceIndex, outcome: o });
      const cancelledOutcome = (file: string) => outcome({ ok: false, file, code: 'IMPORT_CANCELLED', params: {}, issues: [] });
      if (cancelled) {
        cancelledOutcome(source.displayName);
        continue;
      }
      let last = 0;
      const progress = (file: string, phase: 'checking' | 'importing', bytesDone: number, bytesTotal: number, force = false) => {
        const now = Date.now();
        if (!force && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        post({ type: 'progress', progress: { file, fileIndex: sourceIndex, phase, bytesDone, bytesTotal, lines: writer.linesWritten } });
      };
      progress(source.displayName, 'checking', 0, 0, true);
      const expanded = await expandSource(source.path, source.displayName);
      try {
        for (const unit of expanded.units) {
          if (isRefusal(unit)) {
            outcome({ ok: false, file: unit.file, code: unit.code, params: unit.params, issues: [] });
            continue;
          }
          if (cancelled) {
            cancelledOutcome(unit.file);
            continue;
          }
          const hashStarted = traceStart();
          const sha256 = await hashUnit(unit, (done) => progress(unit.file, 'checking', done, unit.size));
          traceEnd('hash', hashStarted);
          const id = ++unitId;
          const verdict = await new Promise<UnitVerdict>((resolve) => {
            verdicts.set(id, resolve);
            post({ type: 'unit-ready', unitId: id, file: unit.file, sha256 });
          });
          verdicts.delete(id);
          const importStarted = performance.now();
          if (verdict.mode === 'skip') {
            outcome({ ok: false, file: unit.file, code: verdict.code, params: verdict.params, issues: [] });
            continue;
          }
          if (verdict.mode === 'known') {
            // The same bytes were imported before: nothing can change, so the file is not read again.
            const { known } = verdict;
            outcome({ ok: true, file: unit.file, sha256, exportTime: unit.exportTime, issues: [], issueCount: 0, mode: 'known', ...known });
            continue;
          }
          let bytesDone = 0;
          progress(unit.file, 'importing', 0, unit.size, true);
          try {
            outcome(
              await importUnit({
                unit,
                sha256,
                mode: verdict.mode,
                writer,
                importedAt: data.importedAt,
                isCancelled: () => cancelled,
                onBytes: (done) => {
                  bytesDone = done;
                  progress(unit.file, 'importing', done, unit.size);
                },
                onLines: () => progress(unit.file, 'importing', bytesDone, unit.size),
              }),
            );
            traceTime('unit', importStarted);
            traceReport('reader');
          } catch (error) {
            if (!isDatabaseError(error)) throw error;
            const code = error instanceof WriterError ? error.code : (error as { code?: string }).code;
            outcome({ ok: false, file: unit.file, code: failureCode(code), params: { detail: (error as Error).message }, issues: [] });
          }
        }
      } finally {
        expanded.close();
      }
    }
    post({ type: 'done' });
  } finally {
    closeWriter();
  }
}
