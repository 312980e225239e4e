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

export type ScanResult = { records: CsvRecord[]; cursor: number; line: number };

const QUOTE = 34;
const DOUBLED_QUOTE = /""/g;

/** Whitespace papaparse tolerates between a closing quote and the delimiter or line end. */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0x3000 || c === 0xfeff;

/**
 * The importer's CSV scanner: RFC 4180 with the file's explicit dialect, read with indexOf jumps
 * rather than character by character. It replaced papaparse on the bulk path because that parser
 * was a third of the reader thread's time on a 500k-line export (papaparse stays the oracle in
 * scan-csv.test.ts, which checks both agree on any input, and still reads the small CSVs elsewhere).
 *
 * It reads the complete records of `input` from its start. Unless `isLast`, the record that the
 * text ends inside is left for the next call (`cursor` is where it starts), so records never
 * depend on chunk boundaries. Line numbers are physical lines, counting breaks inside quoted
 * cells; `line` in the result is the line the next record starts on.
 *
 * Quoting follows papaparse: a cell is quoted only when its first character is the quote; `""`
 * inside is one quote; blanks may follow the closing quote. Anything else after a closing quote,
 * or a quote never closed by the end of the file, refuses the file (IMPORT_MALFORMED, QUOTES).
 */
export function scanCsv(input: string, firstLine: number, dialect: CsvDialect, isLast: boolean): ScanResult {
  const delimiter = dialect.delimiter;
  const delimiterCode = delimiter.charCodeAt(0);
  const newline = dialect.newline;
  const newlineCode = newline.charCodeAt(0);
  const newlineLength = newline.length;
  const breakChar = newline === '\r' ? '\r' : '\n';
  const length = input.length;
  const records: CsvRecord[] = [];
  let line = firstLine;
  let rowStart = 0;
  let nextDelimiter = -1;

  const isNewlineAt = (i: number): boolean => input.charCodeAt(i) === newlineCode && (newlineLength === 1 || input.charCodeAt(i + 1) === 10);
  const tooLarge = (from: number, to: number): void => {
    if (to - from > FIELD_LIMIT) throw new CsvStructureError('IMPORT_TOO_LARGE_FIELD', line, null);
  };

  rows: while (rowStart < length) {
    const fields: string[] = [];
    let pos = rowStart;
    // The end of this row if no quoted cell runs past it.
    let rowEnd = input.indexOf(newline, pos);
    if (rowEnd < 0) {
      if (!isLast) break;
      rowEnd = length;
    }
    for (;;) {
      if (input.charCodeAt(pos) === QUOTE) {
        let close = pos + 1;
        let escaped = false;
        for (;;) {
          close = input.indexOf('"', close);
          if (close < 0) {
            if (!isLast) break rows;
            throw new CsvStructureError('IMPORT_MALFORMED', line, 'QUOTES');
          }
          if (input.charCodeAt(close + 1) === QUOTE) {
            escaped = true;
            close += 2;
            continue;
          }
          break;
        }
        tooLarge(pos + 1, close);
        let after = close + 1;
        for (;;) {
          if (after >= length) {
            if (!isLast) break rows;
            // Blanks after the closing quote must lead to a delimiter or a line end (as in papaparse).
            if (after > close + 1) throw new CsvStructureError('IMPORT_MALFORMED', line, 'QUOTES');
            fields.push(cellBetween(input, pos + 1, close, escaped));
            records.push(record(fields, rowStart, length));
            rowStart = length;
            break rows;
          }
          const c = input.charCodeAt(after);
          if (c === delimiterCode) break;
          if (isNewlineAt(after)) break;
          if (!isBlank(c)) throw new CsvStructureError('IMPORT_MALFORMED', line, 'QUOTES');
          after += 1;
        }
        fields.push(cellBetween(input, pos + 1, close, escaped));
        if (input.charCodeAt(after) === delimiterCode) {
          pos = after + 1;
          if (pos > rowEnd) {
            // The quoted cell ran over a line break: find this row's end again.
            rowEnd = input.indexOf(newline, pos);
            if (rowEnd < 0) {
              if (!isLast) break rows;
              rowEnd = length;
            }
          }
          continue;
        }
        records.push(record(fields, rowStart, after));
        rowStart = after + newlineLength;
        continue rows;
      }
      if (nextDelimiter < pos) {
        nextDelimiter = input.indexOf(delimiter, pos);
        if (nextDelimiter < 0) nextDelimiter = length;
      }
      if (nextDelimiter < rowEnd) {
        tooLarge(pos, nextDelimiter);
        fields.push(input.slice(pos, nextDelimiter));
        pos = nextDelimiter + 1;
        continue;
      }
      tooLarge(pos, rowEnd);
      fields.push(input.slice(pos, rowEnd));
      records.push(record(fields, rowStart, rowEnd));
      rowStart = rowEnd + newlineLength;
      continue rows;
    }
  }

  return { records, cursor: Math.min(rowStart, length), line };

  /** A finished row: its line, and the physical lines it took when a break sits inside a cell. */
  function record(fields: string[], start: number, end: number): CsvRecord {
    const firstBreak = input.indexOf(breakChar, start);
    let inner = 0;
    if (firstBreak >= 0 && firstBreak < end) {
      for (const f of fields) for (let i = f.indexOf(breakChar); i >= 0; i = f.indexOf(breakChar, i + 1)) inner += 1;
    }
    const result = { fields, line, multiline: inner > 0 };
    line += 1 + inner;
    return result;
  }
}

function cellBetween(input: string, from: number, to: number, escaped: boolean): string {
  const text = input.slice(from, to);
  return escaped ? text.replace(DOUBLED_QUOTE, '"') : text;
}
