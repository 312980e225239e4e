import type { SqliteDb } from '../db/open-database';
import { analyticsRows, type AnalyticsLine, type AnalyticsRow } from '../reports/analytics-days';
import { reportDayOf, summariseLines, type ReportDayRow, type ReportLine } from '../reports/order-report-days';
import { rowColumns } from './specs/index';
import { ORDERS_SPEC } from './specs/orders-spec';

/**
 * An order file's summary rows (order_report_days and order_analytics_days), computed on the
 * reader's side from the mapped rows as they pass, so the writer — the pipeline's busy end — does
 * not read every line back at commit (measured on 100,000 lines: ~1.1 s of the writer's CPU,
 * a quarter of it). `lines` is how many rows it saw; `days` the submitted days they cover.
 */
export type UnitSummary = { lines: number; days: string[]; report: ReportDayRow[]; analytics: AnalyticsRow[] };

type Line = AnalyticsLine & ReportLine;

const COLUMNS = rowColumns(ORDERS_SPEC);
const at = (column: string): number => {
  const index = COLUMNS.indexOf(column);
  if (index < 0) throw new Error(`order lines have no column ${column}`);
  return index;
};
const I = {
  submitted: at('submitted_at'),
  order: at('order_id'),
  product: at('product_id'),
  province: at('province'),
  status: at('status'),
  aftersale: at('aftersale_status'),
  paid: at('paid_at'),
  completed: at('completed_at'),
  shipped: at('shipped_at'),
  influencer: at('influencer_id'),
  source: at('traffic_source'),
  type: at('traffic_type'),
  format: at('traffic_format'),
  channel: at('traffic_channel'),
  payable: at('payable_fen'),
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Exported files list their lines by 订单提交时间, so one submitted day's lines come together: each
 * day is summarised when the next begins (only that day's lines are held), with the very
 * functions the read-back uses (summariseLines, analyticsRows; the latter counts distinct orders
 * over lines sorted by 主订单编号, so the day is sorted first). A day that comes back after another
 * one began gives up (`finish()` → null) and the writer reads back as before. A day's summary is
 * only the stored one when every line of it was inserted onto a day that had none: the writer
 * checks that (`daysFromSummary`) and reads the other days back.
 */
export class RunningSummary {
  private lines = 0;
  private day: string | null = null;
  private dayLines: Line[] = [];
  private readonly done = new Set<string>();
  private report: ReportDayRow[] = [];
  private analytics: AnalyticsRow[] = [];
  private gaveUp = false;
  /** Keys kept once, as strings of their own: a cell is a slice of its 64 KiB text chunk, and a kept slice keeps the chunk. */
  private readonly keys = new Map<string, string>();

  /** Rows in the order-line table's column order (what the writer is sent). */
  add(rows: readonly (readonly unknown[])[]): void {
    if (this.gaveUp) return;
    for (const v of rows) {
      const day = reportDayOf(v[I.submitted]);
      if (day !== this.day) {
        this.flush();
        if (this.done.has(day)) {
          this.giveUp();
          return;
        }
        this.day = day;
      }
      const influencerId = text(v[I.influencer]);
      this.dayLines.push({
        day,
        orderId: v[I.order] as string,
        productId: text(v[I.product]),
        province: text(v[I.province]),
        status: text(v[I.status]),
        aftersaleStatus: text(v[I.aftersale]),
        submittedAt: text(v[I.submitted]),
        paidAt: text(v[I.paid]),
        completedAt: text(v[I.completed]),
        shippedAt: text(v[I.shipped]),
        // From the after-sales export: the writer checks that none of this file's lines has one.
        refundAt: null,
        influencerId,
        viaInfluencer: influencerId === null ? 0 : 1,
        trafficSource: text(v[I.source]),
        trafficType: text(v[I.type]),
        trafficFormat: text(v[I.format]),
        trafficChannel: text(v[I.channel]),
        payableFen: typeof v[I.payable] === 'number' ? (v[I.payable] as number) : null,
      });
      this.lines += 1;
    }
  }

  /** The summary of every row added, or null when the file's days were not in runs. */
  finish(): UnitSummary | null {
    this.flush();
    if (this.gaveUp) return null;
    return { lines: this.lines, days: [...this.done], report: this.report, analytics: this.analytics };
  }

  private flush(): void {
    if (this.day === null) return;
    const lines = this.dayLines;
    lines.sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    for (const row of summariseLines(lines)) {
      row.key = this.own(row.key);
      this.report.push(row);
    }
    for (const row of analyticsRows(lines)) {
      row.key = this.own(row.key);
      this.analytics.push(row);
    }
    this.done.add(this.day);
    this.day = null;
    this.dayLines = [];
  }

  private own(key: string): string {
    let kept = this.keys.get(key);
    if (kept === undefined) {
      kept = `${key} `.slice(0, -1);
      this.keys.set(kept, kept);
    }
    return kept;
  }

  private giveUp(): void {
    this.gaveUp = true;
    this.dayLines = [];
    this.report = [];
    this.analytics = [];
    this.keys.clear();
  }
}

/**
 * The days whose summary the reader's rows give exactly: every line of the day was inserted
 * (`dirtyDays` holds the days of lines that were not, and of the stored rows they met), the day
 * had no line before (order_report_days has a `day` row for every day with lines), and no line
 * of the unit has an after-sales row yet (the analytics' refund basis reads its time). Other days
 * are read back. `rows` is how many rows the writer was sent: the summary must have seen them all.
 */
export function daysFromSummary(
  db: SqliteDb,
  summary: UnitSummary,
  unit: { importId: number; rows: number; dirtyDays: ReadonlySet<string> },
): Set<string> {
  if (summary.lines !== unit.rows) return new Set();
  // CROSS JOIN keeps after-sales (usually the smaller table) outside: one key lookup per after-sales row.
  const refunds = db
    .prepare('SELECT EXISTS (SELECT 1 FROM aftersales a CROSS JOIN order_lines l ON l.sub_order_id = a.sub_order_id WHERE l.first_import_id = ?)')
    .pluck()
    .get(unit.importId) as number;
  if (refunds !== 0) return new Set();
  const before = new Set(
    db.prepare(`SELECT day FROM order_report_days WHERE dimension = 'day' AND day IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(summary.days)) as string[],
  );
  return new Set(summary.days.filter((d) => !before.has(d) && !unit.dirtyDays.has(d)));
}

/** Writes the reader's summary rows of these days (which had none: the DELETEs only make sure). */
export function writeSummary(db: SqliteDb, summary: UnitSummary, days: ReadonlySet<string>): void {
  const deleteReport = db.prepare('DELETE FROM order_report_days WHERE day = ?');
  const deleteAnalytics = db.prepare('DELETE FROM order_analytics_days WHERE day = ?');
  for (const day of days) {
    deleteReport.run(day);
    deleteAnalytics.run(day);
  }
  const report = db.prepare(
    'INSERT INTO order_report_days (dimension, day, key, orders, lines, amount_fen) VALUES (@dimension, @day, @key, @orders, @lines, @amountFen)',
  );
  for (const row of summary.report) if (days.has(row.day)) report.run(row);
  const analytics = db.prepare(
    `INSERT INTO order_analytics_days (basis, dimension, at_day, key, day, orders, lines, amount_fen)
     VALUES (@basis, @dimension, @atDay, @key, @day, @orders, @lines, @amountFen)`,
  );
  for (const row of summary.analytics) if (days.has(row.day)) analytics.run(row);
}
