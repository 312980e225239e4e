import Papa from 'papaparse';
import type { CsvDialect } from './csv-dialect';

/** One CSV record: its fields, the physical line it starts on, and whether a field spans lines. */
export type CsvRecord = { fields: string[]; line: number; multiline: boolean };

/** A structural problem: the whole file is refused. */
export class CsvStructureError extends Error {
  constructor(
    readonly code: 'IMPORT_MALFORMED' | 'IMPORT_TOO_LARGE_FIELD',
    readonly line: number,
    readonly variant: 'QUOTES' | null,
  ) {
    super(`${code} at line ${line}`);
  }
}

/** No 抖店 cell is anywhere near this; a longer one means garbage or an unclosed quote. */
export const FIELD_LIMIT = 64 * 1024;
/** A record still open after this many characters cannot be a real one either. */
const RECORD_LIMIT = 4 * 1024 * 1024;

const countChar = (text: string, char: string, end: number): number => {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0 && i < end; i = text.indexOf(char, i + 1)) n += 1;
  return n;
};

/**
 * Streams records out of text chunks with papaparse's core parser and the explicit dialect
 * (`header: false`: arrays, not objects — half the parse time). The unfinished last record of a
 * chunk is carried over to the next, as papaparse's own streamer does, but here the loop is ours:
 * the caller pulls, so a slow writer holds the reading back, and per-record errors surface.
 *
 * Line numbers are physical lines: when a chunk's line breaks outnumber its records, the
 * records with breaks inside quoted fields are found and counted.
 */
export async function* parseCsv(texts: AsyncIterable<string>, dialect: CsvDialect): AsyncGenerator<CsvRecord[]> {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: dialect.quoteChar });
  const breakChar = dialect.newline === '\r' ? '\r' : '\n';
  let partial = '';
  let line = 1;

  const take = (input: string, isLast: boolean): CsvRecord[] => {
    const result = parser.parse(input, 0, !isLast) as Papa.ParseResult<string[]>;
    const rows = result.data;
    for (const error of result.errors) {
      // An error inside the carried-over last record shows up again once that record is complete.
      if (error.row !== undefined && error.row < rows.length) {
        throw new CsvStructureError('IMPORT_MALFORMED', line + lineOffset(rows, error.row), 'QUOTES');
      }
      if (isLast) throw new CsvStructureError('IMPORT_MALFORMED', line + lineOffset(rows, rows.length), 'QUOTES');
    }
    const cursor = isLast ? input.length : result.meta.cursor;
    const breaks = countChar(input, breakChar, cursor);
    const records = new Array<CsvRecord>(rows.length);
    // The last record of a file may lack its line break, so the shortcut only holds mid-file.
    const simple = !isLast && breaks === rows.length;
    for (let r = 0; r < rows.length; r += 1) {
      const fields = rows[r]!;
      let inner = 0;
      if (!simple) for (const f of fields) if (f.indexOf(breakChar) >= 0) inner += countChar(f, breakChar, f.length);
      for (const f of fields) if (f.length > FIELD_LIMIT) throw new CsvStructureError('IMPORT_TOO_LARGE_FIELD', line, null);
      records[r] = { fields, line, multiline: inner > 0 };
      line += 1 + inner;
    }
    partial = isLast ? '' : input.slice(cursor);
    if (partial.length > RECORD_LIMIT) throw new CsvStructureError('IMPORT_TOO_LARGE_FIELD', line, null);
    return records;
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

/** Lines taken by the first `count` rows (for an error's line number). */
function lineOffset(rows: readonly string[][], count: number): number {
  let lines = 0;
  for (let r = 0; r < count && r < rows.length; r += 1) {
    lines += 1;
    for (const f of rows[r]!) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) lines += 1;
  }
  return lines;
}
