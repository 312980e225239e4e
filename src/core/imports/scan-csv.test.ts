import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CsvDialect } from './csv-dialect';
import { CsvStructureError, FIELD_LIMIT, scanCsv, type CsvRecord } from './scan-csv';

const CRLF: CsvDialect = { delimiter: ',', newline: '\r\n', quoteChar: '"' };
const LF: CsvDialect = { delimiter: ',', newline: '\n', quoteChar: '"' };
const TAB: CsvDialect = { delimiter: '\t', newline: '\r\n', quoteChar: '"' };
const CR: CsvDialect = { delimiter: ',', newline: '\r', quoteChar: '"' };

/** The whole text in pieces cut at `cuts`, carrying the unfinished record over, as parseCsv does. */
function scanInPieces(text: string, dialect: CsvDialect, cuts: number[]): CsvRecord[] {
  const out: CsvRecord[] = [];
  let partial = '';
  let line = 1;
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length]) {
    const input = partial + text.slice(from, cut);
    from = cut;
    const r = scanCsv(input, line, dialect, false);
    out.push(...r.records);
    line = r.line;
    partial = input.slice(r.cursor);
  }
  if (partial.length > 0) out.push(...scanCsv(partial, line, dialect, true).records);
  return out;
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

describe('scanCsv', () => {
  it.each([
    ['plain', 'a,b\r\n1,2\r\n', CRLF, [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\r\n1,2', CRLF, [['a', 'b'], ['1', '2']]],
    ['quoted comma and doubled quote', '"a,b","say ""hi""",c\r\n', CRLF, [['a,b', 'say "hi"', 'c']]],
    ['TAB-prefixed quoted IDs', '"\t6938412705519822934",x\n', LF, [['\t6938412705519822934', 'x']]],
    ['empty cells and an empty line', ',,\r\n\r\nx\r\n', CRLF, [['', '', ''], [''], ['x']]],
    ['a quote inside an unquoted cell is text', 'a"b,c\n', LF, [['a"b', 'c']]],
    ['blanks after a closing quote', '"a"  ,"b" \r\n', CRLF, [['a', 'b']]],
    ['empty quoted cell', '"",x\r\n', CRLF, [['', 'x']]],
    ['tab-separated (Excel Unicode text)', 'a\tb,c\r\n', TAB, [['a', 'b,c']]],
    ['old Mac line ends', 'a,b\r1,2\r', CR, [['a', 'b'], ['1', '2']]],
    ['a bare LF inside a CRLF file stays in its cell', 'a\nb,c\r\n', CRLF, [['a\nb', 'c']]],
  ] as const)('%s', (_name, text, dialect, expected) => {
    expect(fields(scanInPieces(text, dialect, []))).toEqual(expected);
  });

  it('counts physical lines and marks records with line breaks inside a cell', () => {
    const records = scanInPieces('a,b\r\n"x\r\ny\r\nz",1\r\nq,2\r\n"",3\r\n\r\nlast,4', CRLF, []);
    expect(records.map((r) => [r.line, r.multiline])).toEqual([
      [1, false],
      [2, true],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
    ]);
  });

  it.each([
    ['a quote never closed', 'a,b\r\n1,2\r\n3,"never closed\r\n4,5\r\n', 3],
    ['text after a closing quote', 'a,b\r\n"x"y,2\r\n', 2],
  ])('refuses %s with its line', (_name, text, line) => {
    expect(() => scanInPieces(text, CRLF, [])).toThrow(CsvStructureError);
    expect(() => scanInPieces(text, CRLF, [])).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED', variant: 'QUOTES', line }));
  });

  it('refuses a cell over the limit, quoted or not', () => {
    for (const cell of [`"${'x'.repeat(FIELD_LIMIT + 1)}"`, 'x'.repeat(FIELD_LIMIT + 1)]) {
      expect(() => scanInPieces(`a,b\r\n1,${cell}\r\n`, CRLF, [])).toThrow(expect.objectContaining({ code: 'IMPORT_TOO_LARGE_FIELD', line: 2 }));
    }
  });

  it('leaves an unfinished record for the next chunk', () => {
    const r = scanCsv('a,b\r\n"open\r\nstill', 1, CRLF, false);
    expect(fields(r.records)).toEqual([['a', 'b']]);
    expect(r.cursor).toBe(5);
    expect(r.line).toBe(2);
  });

  // papaparse is the reference: for any text over the characters that matter, the records (and
  // refusing or not) are the same, wherever the text is cut into chunks.
  it('agrees with papaparse on any input, cut anywhere', () => {
    const piece = fc.constantFrom('a', 'bc', '中文', ',', '"', '""', '\r\n', '\n', '\r', ' ', '\t', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(200), { maxLength: 5 }), fc.constantFrom(CRLF, LF, TAB, CR), (pieces, cuts, dialect) => {
        const text = pieces.join('');
        if (text.length === 0) return;
        const reference = Papa.parse<string[]>(text, { delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
        // papaparse ends a text that ends with a line break with one empty record; the stream does not.
        const expected = text.endsWith(dialect.newline) ? reference.data.slice(0, -1) : reference.data;
        let actual: string[][] | 'refused';
        try {
          actual = fields(scanInPieces(text, dialect, cuts));
        } catch (error) {
          if (!(error instanceof CsvStructureError)) throw error;
          actual = 'refused';
        }
        expect(actual).toEqual(reference.errors.length > 0 ? 'refused' : expected);
      }),
      { numRuns: 3000 },
    );
  });
});
