import type { ImportKind, ImportMessageParams } from '../../shared/rpc/domains/imports';
import { cleanCell, parseDateTime } from './clean-cell';
import { traceEnd, traceStart, type TraceStart } from './import-trace';
import { createRowMapper, type RowIssue } from './map-row';
import type { CsvRecord } from './parse-csv';
import { HEADER_SCAN_LIMIT, isHeaderPlan, recogniseHeader, type HeaderPlan } from './recognise-header';
import type { UnitTotals } from './table-writer';

/** Where mapped rows go: a TableWriter in this thread or on the writer thread. */
export interface RowSink {
  begin(kind: ImportKind, layout: string): Promise<void>;
  rows(rows: unknown[][]): Promise<void>;
}

export type Refusal = { code: string; params: ImportMessageParams; issues?: RowIssue[] };

export type ConsumeResult =
  | { ok: true; plan: HeaderPlan; totals: UnitTotals; issues: RowIssue[]; issueCount: number }
  | { ok: false; refusal: Refusal };

export type ConsumeOptions = {
  sink: RowSink;
  /** Checked between batches: a cancelled import stops here. */
  isCancelled(): boolean;
  /** Called after each batch with the number of data lines so far. */
  onLines?(lines: number): void;
  batchSize?: number;
  maxIssues?: number;
  /** The data folder's buyer-key secret (buyer-key.ts); null: order lines get no buyer key. */
  buyerKeySecret?: Buffer | null;
};

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

const isBlank = (fields: readonly string[]): boolean => fields.every((f) => f.trim().length === 0);

/**
 * The middle of the pipeline, shared by CSV and xlsx: finds the header among the first records,
 * recognises the kind, maps every data line with the pure row mapper and hands full batches to
 * the sink. Structural problems (a line with the wrong number of cells, Excel damage, 订单维度)
 * refuse the whole file; problems in one line skip that line and become issues.
 */
export async function consumeRecords(batches: AsyncIterable<CsvRecord[]>, options: ConsumeOptions): Promise<ConsumeResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxIssues = options.maxIssues ?? 1000;
  let plan: HeaderPlan | null = null;
  let mapper: ReturnType<typeof createRowMapper> | null = null;
  let scanned = 0;
  let sawContent = false;
  let descriptionPending = false;
  let dateIndex = -1;
  let width = 0;
  let batch: unknown[][] = [];
  const issues: RowIssue[] = [];
  let issueCount = 0;
  const totals: UnitTotals = { lines: 0, skippedWithIssues: 0, dateFrom: null, dateTo: null };
  let minDate: string | null = null;
  let maxDate: string | null = null;

  // Trace only: the mapping's time is this loop's less the time spent handing batches on.
  let loopStarted: TraceStart = traceStart();
  const handOn = async (rows: unknown[][]) => {
    traceEnd('map', loopStarted);
    await options.sink.rows(rows);
    loopStarted = traceStart();
  };
  for await (const records of batches) {
    if (options.isCancelled()) throw new CancelledError();
    loopStarted = traceStart();
    for (const record of records) {
      const { fields, line } = record;
      if (plan === null) {
        if (isBlank(fields)) continue;
        sawContent = true;
        scanned += 1;
        const found = recogniseHeader(fields, line);
        if (found === null) {
          if (scanned >= HEADER_SCAN_LIMIT) return { ok: false, refusal: { code: 'IMPORT_UNKNOWN_KIND', params: {} } };
          continue;
        }
        if (!isHeaderPlan(found)) return { ok: false, refusal: found };
        plan = found;
        mapper = createRowMapper(plan, options.buyerKeySecret ?? null);
        width = fields.length;
        descriptionPending = plan.spec.hasDescriptionRow;
        dateIndex = plan.spec.columns.findIndex((c) => c.column === plan!.spec.dateColumn);
        await options.sink.begin(plan.spec.kind, plan.layout);
        continue;
      }
      if (fields.length !== width) {
        // A trailing empty cell or two (a trailing comma) is harmless; anything else shifts columns.
        if (fields.length < width || fields.slice(width).some((f) => f.length > 0)) {
          if (isBlank(fields)) continue;
          return {
            ok: false,
            refusal: { code: 'IMPORT_MALFORMED', params: { variant: 'COLUMNS', line, expected: width, found: fields.length } },
          };
        }
      }
      if (descriptionPending) {
        descriptionPending = false;
        if (isDescriptionRow(plan, fields)) continue;
      }
      if (fields.length === 1 && fields[0]!.length === 0) continue;
      totals.lines += 1;
      const mapped = mapper!(fields, line, record.multiline);
      if (mapped.ok) {
        batch.push(mapped.values);
        const date = dateIndex >= 0 ? (mapped.values[dateIndex] as string | null) : null;
        if (date !== null) {
          if (minDate === null || date < minDate) minDate = date;
          if (maxDate === null || date > maxDate) maxDate = date;
        }
        if (batch.length >= batchSize) {
          await handOn(batch);
          batch = [];
          options.onLines?.(totals.lines);
          if (options.isCancelled()) throw new CancelledError();
        }
      } else if ('refuse' in mapped) {
        return { ok: false, refusal: mapped.refuse };
      } else {
        totals.skippedWithIssues += 1;
        for (const issue of mapped.issues) {
          issueCount += 1;
          if (issues.length < maxIssues) issues.push(issue);
        }
      }
    }
    traceEnd('map', loopStarted);
  }
  if (plan === null) {
    return { ok: false, refusal: sawContent ? { code: 'IMPORT_UNKNOWN_KIND', params: {} } : { code: 'IMPORT_EMPTY', params: {} } };
  }
  if (batch.length > 0) await options.sink.rows(batch);
  options.onLines?.(totals.lines);
  totals.dateFrom = minDate === null ? null : minDate.slice(0, 10);
  totals.dateTo = maxDate === null ? null : maxDate.slice(0, 10);
  return { ok: true, plan, totals, issues, issueCount };
}

/**
 * The settlement bill's second row explains the columns (`收入+支出` under 结算金额): its date
 * cell is not a date. A real first line with a damaged date is left to the row mapper.
 */
function isDescriptionRow(plan: HeaderPlan, fields: readonly string[]): boolean {
  const at = plan.spec.columns.findIndex((c) => c.column === plan.spec.dateColumn);
  const index = at >= 0 ? (plan.columnIndex[at] ?? -1) : -1;
  if (index < 0) return false;
  const value = parseDateTime(cleanCell(fields[index] ?? ''));
  return value === 'invalid' || value === null;
}
