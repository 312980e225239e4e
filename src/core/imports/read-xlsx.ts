import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { CsvRecord } from './parse-csv';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Date cells come from Excel's serial numbers, which have no zone: exceljs puts the wall time in UTC fields. */
const formatDate = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/**
 * One cell as text, the way the CSV export would have written it. A whole number too big for a
 * double (an order number typed as a number) is written in Excel's 6.9E+18 style, so the row
 * mapper recognises the damage instead of storing a rounded ID.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential().toUpperCase();
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v || 'formula' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

/**
 * Streams the first worksheet of an .xlsx export as records (a row's `line` is its row number),
 * with exceljs's streaming reader: the sheet is never held in memory, and the sheet's declared
 * <dimension> (sometimes wrong in 抖店 files) plays no part.
 */
export async function* readXlsx(input: Readable | string, batchSize = 500): AsyncGenerator<CsvRecord[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of workbook) {
    let batch: CsvRecord[] = [];
    for await (const row of sheet) {
      const raw = row.values as unknown[];
      const fields = new Array<string>(Math.max(0, raw.length - 1));
      for (let i = 1; i < raw.length; i += 1) fields[i - 1] = cellText(raw[i]);
      batch.push({ fields, line: row.number, multiline: fields.some((f) => f.includes('\n')) });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return; // Exports have one sheet; later sheets (notes, pivots) are not data.
  }
}
