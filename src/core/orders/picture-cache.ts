import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * What the order tables hold, in one cheap read (no pass over the lines). The imports table is
 * summed whole (a row per import: small): every import and every undo changes it in the same
 * transaction as its lines, and its export times decide which days count as complete. The newest
 * rowid of order_lines and aftersales catches rows added outside an import (as tests seed them).
 * Order lines are never changed in place other than by an import or an undo.
 */
export async function ordersDataVersion(db: Executor): Promise<string> {
  const { rows } = await sql<{ v: string }>`
    SELECT (SELECT count(*) || '|' || ifnull(max(id), 0) || '|' || ifnull(sum(status = 'done'), 0) || '|' || total(id * (status = 'done'))
              || '|' || ifnull(max(imported_at), '') || '|' || ifnull(max(undone_at), '') || '|' || total(ifnull(export_time, 0))
              || '|' || total(id * ifnull(export_time, 0)) || '|' || total(lines) || '|' || total(inserted) || '|' || total(updated)
              || '|' || total(unchanged) || '|' || group_concat(DISTINCT kind) FROM imports)
        || '|' || ifnull((SELECT sha256 || imported_at FROM imports ORDER BY id DESC LIMIT 1), '')
        || '|' || ifnull((SELECT max(rowid) FROM order_lines), 0)
        || '|' || ifnull((SELECT max(rowid) FROM aftersales), 0) AS v`.execute(db);
  return rows[0]?.v ?? '';
}

type Entry<T> = { version: string; value: Promise<T> };

/**
 * Values derived only from the stored order data, kept per open database (a restore or a fresh
 * start opens a new one, so nothing crosses over) and per data version (an import, an undo or any
 * write to the order tables changes it). A load that saw the version change while it ran is not
 * kept. Concurrent callers with the same version share one load. Inside a transaction nothing is
 * cached: it may see its own uncommitted writes.
 */
export function createVersionedCache<T>() {
  const entries = new WeakMap<object, Entry<T>>();
  /** `key`: what else the value depends on (e.g. the China day); it joins the data version. */
  return async function cached(db: Executor, key: string, load: () => Promise<T>): Promise<T> {
    if (db.isTransaction) return load();
    const version = `${await ordersDataVersion(db)}#${key}`;
    const hit = entries.get(db);
    if (hit && hit.version === version) return hit.value;
    const entry: Entry<T> = { version, value: load() };
    entries.set(db, entry);
    const drop = () => {
      if (entries.get(db) === entry) entries.delete(db);
    };
    try {
      const value = await entry.value;
      if (`${await ordersDataVersion(db)}#${key}` !== version) drop();
      return value;
    } catch (error) {
      drop();
      throw error;
    }
  };
}

/** A value that holds for every moment in [from, until) (epoch ms; ±Infinity for an open end). */
export type Steady<T> = { value: T; from: number; until: number };

type Span<T> = Steady<T> & { key: string };

/** How many spans are kept per open database: Today asks at now and at a few fixed instants. */
const SPANS_KEPT = 8;

/**
 * Values at a moment that change only at instants the data holds (how many ship-by times are ≤ t
 * changes only when t passes one of them): kept per open database and order-data version with the
 * span of moments they hold for, so a call at any moment inside a kept span — the clock moved on a
 * little, or back — is a lookup and gives the very answer a fresh read would, and a moment outside
 * every kept span is read again. As above: nothing is kept inside a transaction or from a load that
 * saw the version change. Callers get the kept value: they read it, never change it.
 */
export function createMomentCache<T>() {
  const entries = new WeakMap<object, { version: string; spans: Span<T>[] }>();
  /** `key`: what else the value depends on (e.g. the window's hours); `at`: the moment asked for. */
  return async function cached(db: Executor, key: string, at: number, load: () => Promise<Steady<T>>): Promise<T> {
    if (db.isTransaction) return (await load()).value;
    const version = await ordersDataVersion(db);
    let kept = entries.get(db);
    if (kept?.version !== version) {
      kept = { version, spans: [] };
      entries.set(db, kept);
    }
    const hit = kept.spans.find((s) => s.key === key && s.from <= at && at < s.until);
    if (hit) return hit.value;
    const steady = await load();
    if (steady.from <= at && at < steady.until && (await ordersDataVersion(db)) === version && entries.get(db) === kept) {
      kept.spans.unshift({ ...steady, key });
      kept.spans.length = Math.min(kept.spans.length, SPANS_KEPT);
    }
    return steady.value;
  };
}
