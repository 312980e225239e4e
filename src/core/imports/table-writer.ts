import type { Statement } from 'better-sqlite3';
import { chinaDateTimeMs, chinaDateTimeText } from '../../shared/domain/china-time';
import { aftersaleRank } from '../../shared/domain/order-line-state';
import type { ImportKind } from '../../shared/rpc/domains/imports';
import type { SqliteDb } from '../db/open-database';
import { SUBMITTED_DAYS_OF_SUB_ORDERS } from '../reports/analytics-days';
import { rebuildDaySummaries } from '../reports/day-summaries';
import { refreshDeskSummaries } from '../orders/desk-summaries';
import { reportDayOf } from '../reports/order-report-days';
import { rebuildShipQueue } from '../orders/ship-queue';
import { rebuildRepeatChains } from '../reports/repeat-chains';
import { decideUpsert, type Decision } from './decide-upsert';
import { deferIndexes, restoreIndexes, type DeferredIndex } from './defer-indexes';
import { traceEnd, traceMemory, traceStart, type TraceStart } from './import-trace';
import { rowColumns, specOf, type KindSpec } from './specs/index';

/**
 * - `write`: upsert in one transaction, recorded in `imports`;
 * - `preview`: the same decisions against the stored rows, nothing written.
 * (A file already imported — same SHA-256 — is not read at all: see UnitVerdict `known`.)
 */
export type UnitMode = 'write' | 'preview';

export type UnitHeader = {
  kind: ImportKind;
  layout: string;
  fileName: string;
  sha256: string;
  encoding: string;
  /** Unix seconds from the file name, or null. */
  exportTime: number | null;
  importedAt: string;
  mode: UnitMode;
  /** The unit's size in bytes, when known: a big load into a small table defers its indexes (defer-indexes.ts). */
  sizeBytes?: number;
};

/** `skippedOlder`: lines kept out because they are older than the stored row, or undated and not provably newer. */
export type UnitCounts = { inserted: number; updated: number; unchanged: number; duplicatesInFile: number; skippedOlder: number };
export type UnitTotals = { lines: number; skippedWithIssues: number; dateFrom: string | null; dateTo: string | null };

type Statements = {
  insert: Statement;
  select: Statement;
  update: Statement;
  /** An undated file's update: a null cell keeps the stored value, extra_json is merged. */
  merge: Statement;
  history: Statement;
  bumpExportTime: Statement;
};

const KEY_SEPARATOR = '\u001f';

/**
 * Writes one unit (file) at a time into its kind's table with cached prepared statements — the
 * bulk path stays off kysely (2–8× slower, and multi-row VALUES hits SQLite's variable limit).
 *
 * Per line: try a plain INSERT … ON CONFLICT DO NOTHING (a new line costs one statement); on
 * conflict read the stored row, compare every normalised value, and let decideUpsert() choose.
 * A changed row's previous values go to `row_history` (one JSON object, built by SQLite) before
 * the UPDATE, so the import can be undone. Unchanged lines are not rewritten.
 * A key seen earlier in the same file is a duplicate: the later line wins.
 */
export class TableWriter {
  private readonly statements = new Map<ImportKind, Statements>();
  private header: UnitHeader | null = null;
  private importId = 0;
  /** Keys met earlier in this unit: every key in a preview; in a write only those of rows that existed before the unit. */
  private seen = new Set<string>();
  private counts: UnitCounts = zeroCounts();
  private width = 0;
  private keyIndexes: number[] = [];
  private rankIndex = -1;
  private aftersaleIndex = -1;
  /** Columns holding event times (a file is exported after each of them), for undated files. */
  private eventIndexes: number[] = [];
  /** Undated file: its latest event time so far (text, and Unix seconds), never past the import moment. */
  private boundText = '';
  private bound: number | null = null;
  private importedAtText = '';
  /** Order lines only: the submitted-day column, and the days this unit touched (their report summary is rebuilt). */
  private dayIndex = -1;
  private days = new Set<string>();
  /** After-sales rows only: the 子订单编号 column, and the sub-orders whose refund time (看数据's refund basis) may have moved. */
  private subOrderIndex = -1;
  private subOrders = new Set<string>();
  /**
   * When most lines of the previous batch already existed (a re-export), look the key up first
   * instead of attempting an INSERT that will conflict: the failed insert costs more than the read.
   */
  private lookupFirst = false;
  /** Indexes dropped for this unit's load, created again at commit. */
  private deferred: DeferredIndex[] = [];

  constructor(private readonly db: SqliteDb) {}

  get inUnit(): boolean {
    return this.header !== null;
  }

  /** Starts a unit; in `write` mode opens the transaction and creates the `imports` record. */
  begin(header: UnitHeader): void {
    if (this.header !== null) throw new Error('a unit is already open');
    const spec = specOf(header.kind);
    const columns = rowColumns(spec);
    this.width = columns.length;
    this.keyIndexes = spec.keyColumns.map((k) => columns.indexOf(k));
    this.rankIndex = columns.indexOf('status_rank');
    this.aftersaleIndex = header.kind === 'orders' ? columns.indexOf('aftersale_status') : -1;
    this.eventIndexes = header.exportTime === null ? spec.eventColumns.map((c) => columns.indexOf(c)) : [];
    this.boundText = '';
    this.bound = null;
    // Event texts are China wall-clock `YYYY-MM-DD HH:MM:SS`: compared as text against the import moment in the same form.
    this.importedAtText = chinaDateTimeText(new Date(header.importedAt));
    this.dayIndex = header.kind === 'orders' ? columns.indexOf('submitted_at') : -1;
    this.days = new Set();
    // After-sales rows move their lines' refund time (看数据) and refunds (利润); funds-flow rows their commission and fees (利润).
    this.subOrderIndex = header.kind === 'aftersales' || header.kind === 'funds' ? columns.indexOf('sub_order_id') : -1;
    this.subOrders = new Set();
    this.seen = new Set();
    this.lookupFirst = false;
    this.counts = zeroCounts();
    this.importId = 0;
    try {
      if (header.mode === 'preview') {
        // One read snapshot for the whole preview; nothing is written.
        this.db.exec('BEGIN');
      } else if (header.mode === 'write') {
        this.db.exec('BEGIN IMMEDIATE');
        const row = this.db
          .prepare(
            `INSERT INTO imports (file_name, sha256, kind, layout, encoding, export_time, imported_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          )
          .get(header.fileName, header.sha256, header.kind, header.layout, header.encoding, header.exportTime, header.importedAt) as { id: number };
        this.importId = row.id;
        this.deferred = deferIndexes(this.db, spec.table, header.sizeBytes ?? 0);
      }
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.header = header;
  }

  /** Applies a batch of mapped rows (each: the kind's row columns in order). */
  write(rows: readonly unknown[][]): void {
    const header = this.header;
    if (header === null) throw new Error('no unit is open');
    const st = this.statementsFor(header.kind);
    const { exportTime } = header;
    const n = this.width;
    let existing = 0;
    for (const values of rows) {
      if (this.eventIndexes.length > 0) this.raiseBound(values);
      const key = this.keyOf(values);
      if (header.mode === 'preview') {
        if (this.seen.has(key)) {
          this.counts.duplicatesInFile++;
          continue;
        }
        this.seen.add(key);
        const stored = st.select.get(this.keyValues(values)) as unknown[] | undefined;
        if (stored === undefined) this.counts.inserted++;
        else this.count(this.decide(values, stored, n));
        continue;
      }

      const keyValues = this.keyValues(values);
      // A row this unit inserted is known again by its first_import_id; only rows that were there
      // before are remembered (a first import remembers none: 500k keys were ~40 MB of heap).
      const touchedBefore = this.seen.size > 0 && this.seen.has(key);
      let stored = touchedBefore || this.lookupFirst ? (st.select.get(keyValues) as unknown[] | undefined) : undefined;
      if (!touchedBefore && stored === undefined) {
        values.push(exportTime ?? this.bound, this.importId, this.importId);
        const inserted = st.insert.run(values).changes === 1;
        values.length = n;
        if (inserted) {
          this.counts.inserted++;
          if (this.dayIndex >= 0) this.days.add(reportDayOf(values[this.dayIndex]));
          if (this.subOrderIndex >= 0) this.subOrders.add(String(values[this.subOrderIndex]));
          continue;
        }
        stored = st.select.get(keyValues) as unknown[];
      }
      if (stored === undefined) throw new Error('a row that conflicts on insert cannot be read back');
      existing += 1;
      const duplicate = touchedBefore || stored[n + 2] === this.importId;
      if (duplicate) this.counts.duplicatesInFile++;
      else this.seen.add(key);
      if (duplicate && stored[n + 1] === this.importId) {
        // Written earlier in this same file: the later line wins; history already holds the pre-import state.
        if (!sameValues(values, stored, n)) this.update(st.update, values, keyValues, stored);
        continue;
      }
      const decision = this.decide(values, stored, n);
      if (!duplicate) this.count(decision);
      if (decision === 'update' || decision === 'merge') {
        st.history.run(this.importId, key, keyValues);
        this.update(decision === 'merge' ? st.merge : st.update, values, keyValues, stored);
      } else if (decision === 'unchanged') {
        // Same content from a newer export: remember the newer age, so an export older than this one cannot win later.
        const age = exportTime ?? this.bound;
        if (age !== null && (stored[n] === null || (stored[n] as number) < age)) st.bumpExportTime.run(age, ...keyValues);
      }
    }
    this.lookupFirst = existing * 2 > rows.length;
  }

  /** Ends the unit: records the counts and commits (`write`), or just closes the read snapshot. */
  commit(totals: UnitTotals): { importId: number | null; counts: UnitCounts } {
    const header = this.header;
    if (header === null) throw new Error('no unit is open');
    const counts = this.counts;
    if (header.mode === 'write') {
      // The keys were only for spotting repeats within the file: let them go before the summaries' own allocations.
      this.seen = new Set();
      let started = traceStart();
      restoreIndexes(this.db, this.deferred);
      this.deferred = [];
      commitStage('indexes', started);
      started = traceStart();
      const lineDays = this.subOrders.size === 0 ? [] : (this.db.prepare(SUBMITTED_DAYS_OF_SUB_ORDERS).pluck().all(JSON.stringify([...this.subOrders])) as string[]);
      // An after-sales export moves its lines' refund state (看数据, the shipping queue); funds-flow rows only their profit.
      const stateDays = header.kind === 'aftersales' ? [...this.days, ...lineDays] : this.days;
      rebuildDaySummaries(this.db, { report: this.days, analytics: stateDays, profit: [...this.days, ...lineDays] });
      commitStage('daySummaries', started);
      started = traceStart();
      rebuildShipQueue(this.db, stateDays);
      commitStage('shipQueue', started);
      started = traceStart();
      // The repeat-buyer chains read only order_lines' own columns: an after-sales export leaves them as they are.
      if (header.kind === 'orders') rebuildRepeatChains(this.db, this.days);
      commitStage('repeatChains', started);
      started = traceStart();
      this.db
        .prepare(
          `UPDATE imports SET lines = ?, inserted = ?, updated = ?, unchanged = ?, duplicates = ?, skipped_older = ?,
             skipped_with_issues = ?, date_from = ?, date_to = ? WHERE id = ?`,
        )
        .run(
          totals.lines,
          counts.inserted,
          counts.updated,
          counts.unchanged,
          counts.duplicatesInFile,
          counts.skippedOlder,
          totals.skippedWithIssues,
          totals.dateFrom,
          totals.dateTo,
          this.importId,
        );
      // After the imports row: the desk's kept totals are keyed by it (orders/desk-summaries.ts).
      if (header.kind === 'orders') refreshDeskSummaries(this.db, { kind: 'orders' });
      if (header.kind === 'aftersales') refreshDeskSummaries(this.db, { kind: 'aftersales', subOrders: [...this.subOrders] });
      this.db.exec('COMMIT');
      commitStage('sqliteCommit', started);
    } else if (header.mode === 'preview' && this.db.inTransaction) {
      this.db.exec('ROLLBACK');
    }
    const importId = header.mode === 'write' ? this.importId : null;
    this.close();
    return { importId, counts };
  }

  /** Abandons the unit: nothing of it stays (safe to call at any point, also after SQLite rolled back by itself). */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.close();
  }

  private close(): void {
    this.header = null;
    this.deferred = [];
    this.seen = new Set();
    this.days = new Set();
    this.subOrders = new Set();
  }

  private update(statement: Statement, values: unknown[], keyValues: unknown[], stored: readonly unknown[]): void {
    if (this.dayIndex >= 0) {
      this.days.add(reportDayOf(values[this.dayIndex]));
      this.days.add(reportDayOf(stored[this.dayIndex]));
    }
    if (this.subOrderIndex >= 0) {
      this.subOrders.add(String(values[this.subOrderIndex]));
      this.subOrders.add(String(stored[this.subOrderIndex]));
    }
    // An undated file's row is as old as the least its file can be, and never younger than it was.
    const storedAge = stored[this.width] as number | null;
    const age = this.header!.exportTime ?? (storedAge === null ? this.bound : this.bound === null ? storedAge : Math.max(storedAge, this.bound));
    values.push(age, this.importId, ...keyValues);
    statement.run(values);
    values.length = this.width;
  }

  private decide(values: unknown[], stored: unknown[], n: number) {
    const rank = this.rankIndex;
    const after = this.aftersaleIndex;
    const undated = this.header!.exportTime === null;
    return decideUpsert(
      {
        exportTime: stored[n] as number | null,
        rank: rank >= 0 ? (stored[rank] as number | null) : null,
        aftersaleRank: after >= 0 ? aftersaleRank(stored[after] as string | null) : null,
      },
      {
        exportTime: this.header!.exportTime,
        eventBound: this.bound,
        rank: rank >= 0 ? (values[rank] as number | null) : null,
        aftersaleRank: after >= 0 ? aftersaleRank(values[after] as string | null) : null,
      },
      // An undated file's empty cell never clears a value, so only its filled cells have to match.
      undated ? filledValuesMatch(values, stored, n) : sameValues(values, stored, n),
    );
  }

  /** The undated file's least export time: its latest event so far (an event past the import moment is not believed). */
  private raiseBound(values: readonly unknown[]): void {
    let latest = this.boundText;
    for (const i of this.eventIndexes) {
      const t = values[i];
      if (typeof t === 'string' && t > latest && t <= this.importedAtText) latest = t;
    }
    if (latest === this.boundText) return;
    const ms = chinaDateTimeMs(latest);
    if (ms === null) return;
    this.boundText = latest;
    this.bound = Math.floor(ms / 1000);
  }

  private count(decision: Decision): void {
    if (decision === 'unchanged') this.counts.unchanged++;
    else if (decision === 'older' || decision === 'undated') this.counts.skippedOlder++;
    else this.counts.updated++;
  }

  /**
   * The row's key as a string of its own: a cell is a slice of the 64 KiB text chunk it was parsed
   * from, and a million remembered slices would keep every chunk of the file alive (measured: the
   * `seen` set of a 500k-line file held ~600 MB). Copying through a concatenation detaches it.
   */
  private keyOf(values: readonly unknown[]): string {
    const k = this.keyIndexes;
    const key = k.length === 1 ? String(values[k[0]!]) : k.map((i) => String(values[i])).join(KEY_SEPARATOR);
    return `${key} `.slice(0, -1);
  }

  private keyValues(values: readonly unknown[]): unknown[] {
    return this.keyIndexes.map((i) => values[i]);
  }

  private statementsFor(kind: ImportKind): Statements {
    let st = this.statements.get(kind);
    if (st === undefined) {
      st = prepareStatements(this.db, specOf(kind));
      this.statements.set(kind, st);
    }
    return st;
  }
}

/** A commit stage's trace: its time, and a memory sample (the stages run once each, so their peaks would go unseen). */
function commitStage(label: string, started: TraceStart): void {
  traceEnd(label, started);
  traceMemory();
}

const zeroCounts = (): UnitCounts => ({ inserted: 0, updated: 0, unchanged: 0, duplicatesInFile: 0, skippedOlder: 0 });

/** Every filled incoming value equals the stored one (an empty extra_json counts as empty). */
function filledValuesMatch(values: readonly unknown[], stored: readonly unknown[], n: number): boolean {
  for (let i = 0; i < n - 1; i += 1) if (values[i] !== null && values[i] !== stored[i]) return false;
  return values[n - 1] === '{}' || values[n - 1] === stored[n - 1];
}

/** Stored values equal the incoming ones (same types: integers and text as better-sqlite3 returns them). */
function sameValues(values: readonly unknown[], stored: readonly unknown[], n: number): boolean {
  for (let i = 0; i < n; i += 1) if (values[i] !== stored[i]) return false;
  return true;
}

function prepareStatements(db: SqliteDb, spec: KindSpec): Statements {
  const columns = rowColumns(spec);
  const table = spec.table;
  const where = spec.keyColumns.map((k) => `${k} = ?`).join(' AND ');
  const bookkeeping = ['export_time', 'first_import_id', 'last_import_id'];
  const insert = db.prepare(
    `INSERT INTO ${table} (${[...columns, ...bookkeeping].join(', ')}) VALUES (${[...columns, ...bookkeeping].map(() => '?').join(', ')})
     ON CONFLICT DO NOTHING`,
  );
  const select = db.prepare(`SELECT ${columns.join(', ')}, export_time, last_import_id, first_import_id FROM ${table} WHERE ${where}`).raw(true);
  const update = db.prepare(
    `UPDATE ${table} SET ${[...columns, 'export_time', 'last_import_id'].map((c) => `${c} = ?`).join(', ')} WHERE ${where}`,
  );
  const everyColumn = [...columns, ...bookkeeping];
  const history = db.prepare(
    `INSERT INTO row_history (import_id, table_name, row_key, previous, previous_import_id)
     SELECT ?, '${table}', ?, json_object(${everyColumn.map((c) => `'${c}', ${c}`).join(', ')}), last_import_id FROM ${table} WHERE ${where}`,
  );
  const merge = db.prepare(
    `UPDATE ${table} SET ${columns.map((c) => (c === 'extra_json' ? 'extra_json = json_patch(extra_json, ?)' : `${c} = coalesce(?, ${c})`)).join(', ')},
       export_time = ?, last_import_id = ? WHERE ${where}`,
  );
  const bumpExportTime = db.prepare(`UPDATE ${table} SET export_time = ? WHERE ${where}`);
  return { insert, select, update, merge, history, bumpExportTime };
}
