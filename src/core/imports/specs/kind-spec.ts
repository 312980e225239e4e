import type { ImportKind } from '../../../shared/rpc/domains/imports';

/**
 * How a cell is read:
 * - `id`: platform number kept as text; Excel's 6.9E+18 refuses the file.
 * - `text`: cleaned text.
 * - `money` / `money-lenient`: yuan → integer fen. A strict column with a bad value skips the
 *   line with an issue; a lenient one stores null and keeps the raw text in `extra_json`
 *   (discount columns sometimes hold coupon names instead of amounts).
 * - `int`: whole number (quantities).
 * - `datetime` / `datetime-lenient`: `YYYY-MM-DD HH:MM:SS` Beijing time; Excel's `2026/9/10 8:00`
 *   refuses the file in both; other garbage skips the line (strict) or is kept as raw text (lenient).
 */
export type CellType = 'id' | 'text' | 'money' | 'money-lenient' | 'int' | 'datetime' | 'datetime-lenient';

export type ColumnSpec = {
  /** Column in the SQLite table. */
  column: string;
  /** Normalised header names that fill it, in order of preference (synonyms across versions). */
  headers: readonly string[];
  type: CellType;
  /** A line without a value here is skipped with ROW_MISSING_VALUE. */
  required?: boolean;
};

export type KindSpec = {
  kind: ImportKind;
  table: 'order_lines' | 'funds_flows' | 'settlement_lines' | 'aftersales';
  /** Normalised header names typical of this kind: two or more of them make a header row this kind's. */
  hints: readonly string[];
  /** Columns the file must have; each entry lists alternatives. Missing ones refuse the file. */
  requiredHeaders: readonly (readonly string[])[];
  /** Known exact header sets, checked in order; otherwise `fallbackLayout`. */
  layouts: readonly { name: string; headers: readonly string[] }[];
  fallbackLayout: string;
  columns: readonly ColumnSpec[];
  /** Columns computed from the row after the mapped ones (in this order), before `extra_json`. */
  derived: readonly string[];
  /** The row key (all NOT NULL, the table's primary key). */
  keyColumns: readonly string[];
  /**
   * Columns holding moments that had happened when the file was exported (not deadlines or
   * estimates): a file whose name lost its export time was made no earlier than the latest of them.
   */
  eventColumns: readonly string[];
  /** Column whose China date gives the file's date range and the reports' day. */
  dateColumn: string;
  /** Headers never stored anywhere (masked buyer PII): not in a column, not in `extra_json`. */
  neverStored: readonly string[];
  /**
   * Orders only: the headers of the one-way buyer key (imports/buyer-key.ts) — `who` must be filled
   * for a key, `place` is taken as the export gives it. The headers stay in `neverStored`.
   */
  buyerKey?: { who: readonly string[]; place: readonly string[] };
  /** The settlement bill has a description row (收入+支出 …) right under its header. */
  hasDescriptionRow: boolean;
};
