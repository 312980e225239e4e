import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { openDatabase } from '../db/open-database';
import { readBuyerKeySecret } from './buyer-key';
import { expandSource, hashUnit, isRefusal } from './expand-source';
import { failureCode } from './failure-code';
import { traceEnd, traceReport, traceStart, traceTime } from './import-trace';
import { importUnit, isDatabaseError, WriterError, type UnitOutcome, type UnitWriter } from './import-unit';
import { LocalWriter } from './local-writer';
import { pausedWriter } from './paused-writer';
import { RemoteWriter } from './remote-writer';
import { sourceStat, takeStaged, writeStagedUnit } from './staged-unit';
import { hasRoomToStage, measureRoom } from './staging-room';
import { StagingWriter } from './staging-writer';
import type { CoreToReader, ReaderData, ReaderMessage, UnitVerdict } from './worker-protocol';

/** How often the reader reports bytes and lines to the core (which emits at its own pace). */
const PROGRESS_EVERY_MS = 100;

/** A database failure of one unit, as its outcome (DISK_FULL, DB_BUSY …). */
function databaseFailure(file: string, error: unknown): UnitOutcome {
  const code = error instanceof WriterError ? error.code : (error as { code?: string }).code;
  return { ok: false, file, code: failureCode(code), params: { detail: (error as Error).message }, issues: [] };
}

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
  const buyerKeySecret = readSecret(data.dbPath);

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
  const askVerdict = async (file: string, sha256: string): Promise<UnitVerdict> => {
    const id = ++unitId;
    const verdict = await new Promise<UnitVerdict>((resolve) => {
      verdicts.set(id, resolve);
      post({ type: 'unit-ready', unitId: id, file, sha256 });
    });
    verdicts.delete(id);
    return verdict;
  };
  let keptCount = 0;
  const roomToStage = (dir: string, unitBytes: number) => {
    const room = measureRoom(dir, data.dbPath);
    return room !== null && hasRoomToStage({ ...room, unitBytes });
  };
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
      // What the preview reads: a confirm that finds the file otherwise reads it again.
      const readStat = data.stageDir ? sourceStat(source.path) : null;
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
          const staged = data.staged ? takeStaged(data.staged, source.path, unit.file) : null;
          if (staged !== null) {
            // Written from what the preview kept; a verdict other than `write` (imported meanwhile,
            // no backup) or a file that changed is decided below as if nothing had been kept.
            const verdict = await askVerdict(unit.file, staged.sha256);
            if (verdict.mode === 'write') {
              const stagedStarted = performance.now();
              progress(unit.file, 'importing', 0, unit.size, true);
              try {
                const result = await writeStagedUnit({
                  staged,
                  unit,
                  writer,
                  importedAt: data.importedAt,
                  isCancelled: () => cancelled,
                  onBytes: (done) => progress(unit.file, 'importing', done, unit.size),
                });
                traceTime('staged', stagedStarted);
                if (result !== 'stale') {
                  outcome(result);
                  traceReport('reader');
                  continue;
                }
              } catch (error) {
                if (!isDatabaseError(error)) throw error;
                outcome(databaseFailure(unit.file, error));
                continue;
              }
            }
          }
          const hashStarted = traceStart();
          const sha256 = await hashUnit(unit, (done) => progress(unit.file, 'checking', done, unit.size));
          traceEnd('hash', hashStarted);
          const verdict = await askVerdict(unit.file, sha256);
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
          const keeper = data.stageDir && verdict.mode === 'preview' && readStat && roomToStage(data.stageDir, unit.size) ? new StagingWriter(writer, join(data.stageDir, `unit-${++keptCount}.bin`), writerPort !== null) : null;
          try {
            const result = await importUnit({
              unit,
              sha256,
              mode: verdict.mode,
              writer: keeper ?? writer,
              importedAt: data.importedAt,
              buyerKeySecret,
              isCancelled: () => cancelled,
              onBytes: (done) => {
                bytesDone = done;
                progress(unit.file, 'importing', done, unit.size);
              },
              onLines: () => progress(unit.file, 'importing', bytesDone, unit.size),
            });
            const kept = keeper?.keptUnit() ?? null;
            if (result.ok && kept !== null && readStat !== null) {
              const { kind, layout, encoding } = kept.header;
              post({
                type: 'staged',
                unit: { sourcePath: source.path, file: unit.file, ...readStat, sha256, header: { kind, layout, encoding }, totals: result.totals, issues: result.issues, issueCount: result.issueCount, batchesPath: kept.path, batches: kept.batches, lines: kept.lines },
              });
            } else {
              await keeper?.discard();
            }
            outcome(result);
            traceTime('unit', importStarted);
            traceReport('reader');
          } catch (error) {
            await keeper?.discard();
            if (!isDatabaseError(error)) throw error;
            outcome(databaseFailure(unit.file, error));
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

/** The buyer-key secret, read once per job on a short read-only connection (the two-thread reader has none). */
function readSecret(dbPath: string): Buffer | null {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    return readBuyerKeySecret(db);
  } finally {
    db.close();
  }
}
