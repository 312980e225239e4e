import type { CsvDialect } from './csv-dialect';
import { traceEnd, traceStart } from './import-trace';
import { CsvStructureError, scanCsv, type CsvRecord } from './scan-csv';

export { CsvStructureError, FIELD_LIMIT, type CsvRecord } from './scan-csv';

/** A record still open after this many characters cannot be a real one either. */
const RECORD_LIMIT = 4 * 1024 * 1024;

/**
 * Streams records out of text chunks with the explicit dialect. The unfinished last record of a
 * chunk is carried over to the next; the loop is the caller's: it pulls, so a slow writer holds
 * the reading back.
 */
export async function* parseCsv(texts: AsyncIterable<string>, dialect: CsvDialect): AsyncGenerator<CsvRecord[]> {
  let partial = '';
  let line = 1;
  const take = (input: string, isLast: boolean): CsvRecord[] => {
    const started = traceStart();
    const scanned = scanCsv(input, line, dialect, isLast);
    traceEnd('scan', started);
    line = scanned.line;
    partial = input.slice(scanned.cursor);
    if (partial.length > RECORD_LIMIT) throw new CsvStructureError('IMPORT_TOO_LARGE_FIELD', line, null);
    return scanned.records;
  };
  for await (const text of texts) {
    const records = take(partial + text, false);
    if (records.length > 0) yield records;
  }
  if (partial.length > 0) {
    const records = take(partial, true);
    if (records.length > 0) yield records;
  }
}
