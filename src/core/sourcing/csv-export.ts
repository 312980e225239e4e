import Papa from 'papaparse';

/*
 * CSV for spreadsheets: UTF-8 with a BOM (Excel on Chinese Windows otherwise reads GBK), CRLF,
 * and formula-safe: papaparse's escapeFormulae prefixes a `'` to every cell starting with
 * = + - @ TAB or CR, so a product title like "=HYPERLINK(…)" is shown, never run.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((c) => (c === null ? '' : String(c)))) },
    { escapeFormulae: true, newline: '\r\n', quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}
