import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { AftersaleState } from '../../shared/domain/order-line-state';
import type { DayRange, FeePeriod, UnmatchedMovement } from '../../shared/rpc/domains/money';
import type { LineFacts, Movement } from './money-facts';
import type { MoneyDatabase } from './money-schema';
import { groupForecastLines, type ForecastGroup } from './forecast';
import { feeHistory, type FeeHistory } from './reconcile';
import { digestLines, type ReconcileDigest, type StatusGroup } from './reconcile-digest';

/*
 * What the forecast (and the reminder check every 30 seconds) needs from the imported tables,
 * reduced once and kept until those tables change: the lines without money grouped by the facts
 * the forecast reads, the fee history the rates come from, and the reconciliation's digest
 * (reconcile-digest.ts). It holds nothing that depends on
 * the day or on money's own settings (rule, days, fallback percentages, deposit): those are read
 * and applied on every call, so a clock move or a settings change can never meet a stale answer.
 */
export type MoneySnapshot = {
  groups: ForecastGroup[];
  /** The fee history of the funds flow when it has any row, else of the settlement bill. */
  history: FeeHistory;
  /** The days the imported funds flows and bills cover (coverage.ts). */
  coverage: DayRange[];
  digest: ReconcileDigest;
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
  return r ? `${r.n}:${r.last}:${r.undone}` : NO_IMPORTS;
}

/** The version of a shop that has never imported anything. */
export const NO_IMPORTS = '0:0:0';

export function buildSnapshot(
  lines: readonly LineFacts[],
  byLine: ReadonlyMap<string, readonly Movement[]>,
  funds: readonly Movement[],
  bill: readonly Movement[],
  coverage: DayRange[],
): MoneySnapshot {
  return {
    groups: groupForecastLines(lines, (id) => (byLine.get(id)?.length ?? 0) > 0),
    history: feeHistory(funds.length > 0 ? funds : bill),
    coverage,
    digest: digestLines(lines, byLine, funds, bill),
  };
}

/*
 * The snapshot kept on disk (migration 0019), so the first call after the app opens the database
 * reads one row instead of every order line. Written after each import and undo (money-listener.ts)
 * for the imports version it was built from; read only when that version and KEPT_FORMAT match, so
 * a row from before an import, from a restored backup's other state or from another app version's
 * encoding is never served. A restore brings the backup's own row, tagged with the backup's data.
 */

/** Bump when MoneySnapshot, the grouping or the encoding changes meaning. */
export const KEPT_FORMAT = 2;

/** A group as kept: [gross, refunded, hasInfluencer + 2 × isClosed, after-sales state, shipped, confirmed, after-sales ended, count]. */
type KeptGroup = [number, number, number, AftersaleState, string | null, string | null, string | null, number];

const AFTERSALE_STATES: readonly string[] = ['none', 'open', 'refunded', 'kept'] satisfies AftersaleState[];
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isDay = (v: unknown): v is string | null => v === null || typeof v === 'string';

const keptGroup = ({ facts: f, count }: ForecastGroup): KeptGroup => [f.grossFen, f.refundedFen, (f.hasInfluencer ? 1 : 0) + (f.isClosed ? 2 : 0), f.aftersale, f.shippedOn, f.confirmedOn, f.aftersaleEndedOn, count];

/** A status group as kept: [gross left, hasInfluencer + 2 × hasRefund, the money's sum, count]. */
type KeptStatus = [number, number, number, number];

/** Pure: the snapshot as kept text (positional groups: half the size of objects, parsed in tens of ms at 1M lines). */
export function encodeSnapshot(snapshot: MoneySnapshot): string {
  const d = snapshot.digest;
  const digest = {
    moneyGroups: d.moneyGroups.map(keptGroup),
    statusGroups: d.statusGroups.map((s): KeptStatus => [s.netGrossFen, (s.hasInfluencer ? 1 : 0) + (s.hasRefund ? 2 : 0), s.actualFen, s.count]),
    actualByDay: d.actualByDay,
    periods: d.periods,
    unmatched: d.unmatched,
    hasFunds: d.hasFunds,
    lines: d.lines,
  };
  return JSON.stringify({ groups: snapshot.groups.map(keptGroup), history: snapshot.history, coverage: snapshot.coverage, digest });
}

/** A kept group back, or null when it is not one. */
function groupOf(g: unknown): ForecastGroup | null {
  if (!Array.isArray(g) || g.length !== 8) return null;
  const [grossFen, refundedFen, flags, aftersale, shippedOn, confirmedOn, aftersaleEndedOn, count] = g as unknown[];
  if (!isInt(grossFen) || !isInt(refundedFen) || !isInt(flags) || flags < 0 || flags > 3 || !isInt(count) || count < 1) return null;
  if (typeof aftersale !== 'string' || !AFTERSALE_STATES.includes(aftersale) || !isDay(shippedOn) || !isDay(confirmedOn) || !isDay(aftersaleEndedOn)) return null;
  return { facts: { grossFen, refundedFen, hasInfluencer: (flags & 1) === 1, isClosed: (flags & 2) === 2, aftersale: aftersale as AftersaleState, shippedOn, confirmedOn, aftersaleEndedOn }, count };
}

/** Every item read by `read`, or null when one is not what was written. */
function listOf<T>(items: unknown, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(items)) return null;
  const out: T[] = [];
  for (const item of items) {
    const value = read(item);
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function statusGroupOf(g: unknown): StatusGroup | null {
  if (!Array.isArray(g) || g.length !== 4) return null;
  const [netGrossFen, flags, actualFen, count] = g as unknown[];
  if (!isInt(netGrossFen) || netGrossFen < 0 || !isInt(flags) || flags < 0 || flags > 3 || !isInt(actualFen) || !isInt(count) || count < 1) return null;
  return { netGrossFen, hasInfluencer: (flags & 1) === 1, hasRefund: (flags & 2) === 2, actualFen, count };
}

const dayAmountOf = (v: unknown): [string, number] | null => (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isInt(v[1]) ? [v[0], v[1]] : null);

const PERIOD_AMOUNTS = ['settledFen', 'platformFeeFen', 'commissionFen', 'otherFeesFen', 'refundsFen', 'unlinkedFen'] as const;
function periodOf(v: unknown): FeePeriod | null {
  const p = record(v);
  if (p === null || typeof p['period'] !== 'string' || !PERIOD_AMOUNTS.every((k) => isInt(p[k]))) return null;
  return { period: p['period'], ...(Object.fromEntries(PERIOD_AMOUNTS.map((k) => [k, p[k]])) as Omit<FeePeriod, 'period'>) };
}

function unmatchedItemOf(v: unknown): UnmatchedMovement | null {
  const m = record(v);
  if (m === null) return null;
  const { source, key, orderId, on, kind, amountFen, reason } = m;
  if ((source !== 'funds' && source !== 'bill') || typeof key !== 'string' || typeof orderId !== 'string' || typeof on !== 'string') return null;
  if ((kind !== 'settlement' && kind !== 'refund') || !isInt(amountFen) || (reason !== 'noLine' && reason !== 'severalLines')) return null;
  return { source, key, orderId, on, kind, amountFen, reason };
}

function digestOf(v: unknown): ReconcileDigest | null {
  const d = record(v);
  const unmatched = record(d?.['unmatched']);
  if (d === null || unmatched === null || typeof d['hasFunds'] !== 'boolean' || !isInt(d['lines']) || !isInt(unmatched['rows']) || !isInt(unmatched['amountFen'])) return null;
  const moneyGroups = listOf(d['moneyGroups'], groupOf);
  const statusGroups = listOf(d['statusGroups'], statusGroupOf);
  const actualByDay = listOf(d['actualByDay'], dayAmountOf);
  const periods = listOf(d['periods'], periodOf);
  const items = listOf(unmatched['items'], unmatchedItemOf);
  if (moneyGroups === null || statusGroups === null || actualByDay === null || periods === null || items === null) return null;
  return { moneyGroups, statusGroups, actualByDay, periods, unmatched: { rows: unmatched['rows'], amountFen: unmatched['amountFen'], items }, hasFunds: d['hasFunds'], lines: d['lines'] };
}

/** Pure: the kept text back, or null when it is not what encodeSnapshot writes (then the lines are read). */
export function decodeSnapshot(text: string): MoneySnapshot | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const b = record(body);
  if (b === null) return null;
  const h = record(b['history']);
  const historyKeys = ['settledLines', 'grossFen', 'feesFen', 'influencerGrossFen', 'commissionFen'] as const;
  if (h === null || !historyKeys.every((k) => isInt(h[k]))) return null;
  const coverage = listOf(b['coverage'], (r) => {
    const range = record(r);
    return range !== null && typeof range['from'] === 'string' && typeof range['to'] === 'string' ? { from: range['from'], to: range['to'] } : null;
  });
  const groups = listOf(b['groups'], groupOf);
  const digest = digestOf(b['digest']);
  if (coverage === null || groups === null || digest === null) return null;
  const history = Object.fromEntries(historyKeys.map((k) => [k, h[k]])) as FeeHistory;
  return { groups, history, coverage, digest };
}

/** The kept snapshot when it was built for `version` in this format, else null. */
export async function readKeptSnapshot(db: Kysely<MoneyDatabase>, version: string): Promise<MoneySnapshot | null> {
  const row = await db.selectFrom('money_kept_snapshot').select('body').where('id', '=', 1).where('version', '=', version).where('format', '=', KEPT_FORMAT).executeTakeFirst();
  if (!row) return null;
  const snapshot = decodeSnapshot(row.body);
  // Decoding 30k+ groups is a block of its own (20–40 ms at 500k lines, before the JIT warms):
  // the loop takes a turn before the forecast runs on it (db/yielding-dialect.ts says why).
  await nextTurn();
  return snapshot;
}

/** The version the kept row was built for (null: none, or of another format). */
export async function keptSnapshotVersion(db: Kysely<MoneyDatabase>): Promise<string | null> {
  const row = await db.selectFrom('money_kept_snapshot').select('version').where('id', '=', 1).where('format', '=', KEPT_FORMAT).executeTakeFirst();
  return row?.version ?? null;
}

export async function writeKeptSnapshot(db: Kysely<MoneyDatabase>, version: string, snapshot: MoneySnapshot, at: Date): Promise<void> {
  const row = { id: 1, version, format: KEPT_FORMAT, body: encodeSnapshot(snapshot), kept_at: at.toISOString() };
  await db
    .insertInto('money_kept_snapshot')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ version: row.version, format: row.format, body: row.body, kept_at: row.kept_at }))
    .execute();
}

type Entry = { version: string; snapshot: Promise<MoneySnapshot> };

/**
 * One snapshot per open database (a restore or a reopen is a new Kysely instance, so it starts
 * empty), tagged with the imports version read *before* the data: if an import commits while the
 * data is being read, the tag is older than the data and the next call reads again — never the
 * other way round. `build` gets that version (to look for the kept row of exactly it).
 */
export function createSnapshotCache() {
  const entries = new WeakMap<object, Entry>();
  return {
    async get(db: Kysely<MoneyDatabase>, build: (version: string) => Promise<MoneySnapshot>): Promise<MoneySnapshot> {
      const version = await importsVersion(db);
      const cached = entries.get(db);
      if (cached && cached.version === version) return cached.snapshot;
      const entry: Entry = { version, snapshot: build(version) };
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
