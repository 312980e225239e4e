import Papa from 'papaparse';

/**
 * A table the screen already shows, as a CSV file's text: UTF-8 with a BOM (Excel on Chinese
 * Windows reads GBK otherwise), CRLF, and formula-safe — papaparse's escapeFormulae puts a `'`
 * before any cell starting with = + - @ TAB or CR, so a product title "=HYPERLINK(…)" is shown,
 * never run (the same rules as the core's CSV exports). Numbers stay numbers, so −4.0 is not
 * mistaken for a formula.
 */
export function tableCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map((c) => c ?? '')) }, { escapeFormulae: true, newline: '\r\n', quotes: false });
  return `\uFEFF${body}\r\n`;
}
