import { sql, type Kysely } from 'kysely';
import type { DayRange } from '../../shared/rpc/domains/money';
import type { LineFacts, Movement } from './money-facts';
import type { MoneyDatabase } from './money-schema';
import { groupForecastLines, type ForecastGroup } from './forecast';
import { feeHistory, type FeeHistory } from './reconcile';

/*
 * What the forecast (and the reminder check every 30 seconds) needs from the imported tables,
 * reduced once and kept until those tables change: the lines without money grouped by the facts
 * the forecast reads, and the fee history the rates come from. It holds nothing that depends on
 * the day or on money's own settings (rule, days, fallback percentages, deposit): those are read
 * and applied on every call, so a clock move or a settings change can never meet a stale answer.
 */
export type MoneySnapshot = {
  groups: ForecastGroup[];
  /** The fee history of the funds flow when it has any row, else of the settlement bill. */
  history: FeeHistory;
  /** The days the imported funds flows and bills cover (coverage.ts). */
  coverage: DayRange[];
};

/**
 * The imported tables (order lines, after-sales, funds flow, settlement bill) change only with an
 * import or an undo, and both write their `imports` row in the same transaction as the data: a new
 * row for an import (ids are never reused: undo only marks the row), `status = 'undone'` for an
 * undo. So this fingerprint changes exactly when the data can have. A restore opens a new
 * connection, which the cache below is keyed by.
 */
export async function importsVersion(db: Kysely<MoneyDatabase>): Promise<string> {
  const { rows } = await sql<{ n: number; last: number; undone: number }>`
    SELECT count(*) AS n, coalesce(max(id), 0) AS last, coalesce(sum(status = 'undone'), 0) AS undone FROM imports`.execute(db);
  const r = rows[0];
  return r ? `${r.n}:${r.last}:${r.undone}` : '0:0:0';
}

export function buildSnapshot(
  lines: Iterable<LineFacts>,
  byLine: ReadonlyMap<string, readonly Movement[]>,
  funds: readonly Movement[],
  bill: readonly Movement[],
  coverage: DayRange[],
): MoneySnapshot {
  return {
    groups: groupForecastLines(lines, (id) => (byLine.get(id)?.length ?? 0) > 0),
    history: feeHistory(funds.length > 0 ? funds : bill),
    coverage,
  };
}

type Entry = { version: string; snapshot: Promise<MoneySnapshot> };

/**
 * One snapshot per open database (a restore or a reopen is a new Kysely instance, so it starts
 * empty), tagged with the imports version read *before* the data: if an import commits while the
 * data is being read, the tag is older than the data and the next call reads again — never the
 * other way round.
 */
export function createSnapshotCache() {
  const entries = new WeakMap<object, Entry>();
  return {
    async get(db: Kysely<MoneyDatabase>, build: () => Promise<MoneySnapshot>): Promise<MoneySnapshot> {
      const version = await importsVersion(db);
      const cached = entries.get(db);
      if (cached && cached.version === version) return cached.snapshot;
      const entry: Entry = { version, snapshot: build() };
      entries.set(db, entry);
      try {
        return await entry.snapshot;
      } catch (error) {
        if (entries.get(db) === entry) entries.delete(db);
        throw error;
      }
    },
    /** True when the snapshot held is for `version` (a full read need not build it again). */
    has(db: Kysely<MoneyDatabase>, version: string): boolean {
      return entries.get(db)?.version === version;
    },
    /** Stores a snapshot built from data read after `version` was (the reconciliation's full load). */
    put(db: Kysely<MoneyDatabase>, version: string, snapshot: MoneySnapshot): void {
      entries.set(db, { version, snapshot: Promise.resolve(snapshot) });
    },
  };
}

/** The core's one cache (module state: the forecast, the reconciliation and the reminder check share it). */
export const moneySnapshots = createSnapshotCache();

/** How long the last reconciliation is kept after its last use: the money screen is read in bursts. */
export const RECONCILIATION_HOLD_MS = 5 * 60_000;

/**
 * The last reconciliation of each open database, for the same imports version and the same key
 * (today and the money settings it reads). It is 500k lines at the top size, so it is let go
 * RECONCILIATION_HOLD_MS after its last use instead of living as long as the app. Callers must
 * treat the answer as read-only (the RPC layer only serialises it).
 */
export function createRecentCache<T>(holdMs = RECONCILIATION_HOLD_MS) {
  type Held = { version: string; key: string; value: Promise<T>; timer: ReturnType<typeof setTimeout> | null };
  const held = new WeakMap<object, Held>();
  const release = (db: object, entry: Held) => {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (held.get(db) === entry) held.delete(db);
    }, holdMs);
    entry.timer.unref?.();
  };
  return {
    async get(db: Kysely<MoneyDatabase>, version: string, key: string, build: () => Promise<T>): Promise<T> {
      const current = held.get(db);
      if (current && current.version === version && current.key === key) {
        release(db, current);
        return current.value;
      }
      if (current?.timer) clearTimeout(current.timer);
      const entry: Held = { version, key, value: build(), timer: null };
      held.set(db, entry);
      release(db, entry);
      try {
        return await entry.value;
      } catch (error) {
        if (held.get(db) === entry) {
          if (entry.timer) clearTimeout(entry.timer);
          held.delete(db);
        }
        throw error;
      }
    },
  };
}
