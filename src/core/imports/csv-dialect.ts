/** The dialect is decided once per file and passed to the parser explicitly: nothing is guessed row by row. */
export type CsvDialect = { delimiter: ',' | '\t'; newline: '\r\n' | '\n' | '\r'; quoteChar: '"' };

/**
 * Line ends come from the first line break in the sample (抖店 writes CRLF; files that went
 * through other tools may have LF). The delimiter is a comma — except a header line that has
 * tabs and not a single comma, which is Excel's “Unicode text” (UTF-16, tab-separated).
 */
export function detectDialect(sample: string): CsvDialect {
  const lf = sample.indexOf('\n');
  let newline: CsvDialect['newline'] = '\n';
  if (lf > 0 && sample.charCodeAt(lf - 1) === 13) newline = '\r\n';
  else if (lf < 0 && sample.includes('\r')) newline = '\r';
  const end = sample.indexOf(newline);
  const firstLine = end < 0 ? sample : sample.slice(0, end);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  return { delimiter, newline, quoteChar: '"' };
}
