import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { SqliteDb } from '../db/open-database';
import type { Database } from '../db/schema';

/*
 * What the orders desk keeps beside the lines (migration 0014), brought up to date in the same
 * transaction as the lines by every import (the table writer's commit), every undo and the
 * migration's backfill; a restore brings its own copy with the database it restores.
 *
 * - `order_lines.aftersale_latest`: the after-sales export's latest request's 售后状态 for the line
 *   (by 售后申请时间; among equal times the later row, as `currentAftersaleStatus` reads the table
 *   in rowid order), null when the export has none. The desk reads the line's current state as
 *   coalesce(aftersale_latest, aftersale_status) — Today's and the purchases' state.
 * - `order_desk_totals`: every line and order, with the key of the order data they were counted
 *   on (TOTALS_KEY): a count with no filter reads them when the key still matches, and counts again
 *   otherwise (rows written outside an import, as tests seed them). Only inserts and deletes move
 *   these two numbers (an update in place keeps the line and its 主订单编号), so only order imports
 *   and their undos change the key and count again.
 */

/**
 * Every order import and its state (an undo flips it), and the newest line's rowid (a line added
 * outside an import). Cheap: the imports table has a row per file.
 */
const TOTALS_KEY = `(SELECT ifnull(group_concat(id || status, ','), '') FROM imports WHERE kind = 'orders') || '|' || ifnull((SELECT max(rowid) FROM order_lines), 0)`;

/** The latest request's 售后状态 for the `order_lines` row (SQL over the outer table's name). */
const LATEST_REQUEST = `(SELECT a.status FROM aftersales a WHERE a.sub_order_id = order_lines.sub_order_id
  ORDER BY ifnull(a.applied_at, '') DESC, a.rowid DESC LIMIT 1)`;

/**
 * What changed: order lines (an order import or its undo: lines came or went, so every line with a
 * request may need its state, and the totals move), or after-sales rows of these sub-orders (an
 * after-sales import), or after-sales rows of any line (an after-sales undo).
 */
export type DeskChange = { kind: 'orders' } | { kind: 'aftersales'; subOrders: readonly string[] | 'all' };

type Statement = { text: string; params: unknown[] };

/** The statements, in order, that bring the desk's summaries up to date. */
export function deskSummaryStatements(change: DeskChange): Statement[] {
  const scope = change.kind === 'orders' ? 'all' : change.subOrders;
  const latest: Statement[] =
    scope === 'all'
      ? [
          {
            text: `UPDATE order_lines SET aftersale_latest = ${LATEST_REQUEST}
                   WHERE sub_order_id IN (SELECT sub_order_id FROM aftersales) AND aftersale_latest IS NOT ${LATEST_REQUEST}`,
            params: [],
          },
          // A line whose requests are gone (an undone after-sales import): found on the small partial index.
          {
            text: `UPDATE order_lines INDEXED BY order_lines_with_request SET aftersale_latest = NULL
                   WHERE aftersale_latest IS NOT NULL AND NOT EXISTS (SELECT 1 FROM aftersales a WHERE a.sub_order_id = order_lines.sub_order_id)`,
            params: [],
          },
        ]
      : [
          {
            text: `UPDATE order_lines SET aftersale_latest = ${LATEST_REQUEST}
                   WHERE sub_order_id IN (SELECT value FROM json_each(?)) AND aftersale_latest IS NOT ${LATEST_REQUEST}`,
            params: [JSON.stringify(scope)],
          },
        ];
  if (change.kind !== 'orders') return latest;
  return [
    ...latest,
    // Last, and after the caller's own `imports` update: the key includes the import's state.
    {
      text: `INSERT OR REPLACE INTO order_desk_totals (id, lines, orders, data_key)
             SELECT 1, count(*), count(DISTINCT order_id), ${TOTALS_KEY} FROM order_lines INDEXED BY order_lines_by_order`,
      params: [],
    },
  ];
}

/** On the import writer's connection, inside its transaction, after its `imports` row is final. */
export function refreshDeskSummaries(db: SqliteDb, change: DeskChange): void {
  for (const { text, params } of deskSummaryStatements(change)) db.prepare(text).run(...params);
}

/** The same on the core's kysely connection (the undo's transaction, the migration). */
export async function refreshDeskSummariesAsync(db: Kysely<Database> | Transaction<Database>, change: DeskChange): Promise<void> {
  for (const { text, params } of deskSummaryStatements(change)) await db.executeQuery(CompiledQuery.raw(text, params));
}

/** The kept totals when the order data is still what they were counted on, else null (count them). */
export async function keptDeskTotals(db: Kysely<Database> | Transaction<Database>): Promise<{ lines: number; orders: number } | null> {
  const { rows } = await db.executeQuery<{ lines: number; orders: number }>(
    CompiledQuery.raw(`SELECT lines, orders FROM order_desk_totals WHERE id = 1 AND data_key = ${TOTALS_KEY}`),
  );
  const row = rows[0];
  return row === undefined ? null : { lines: Number(row.lines), orders: Number(row.orders) };
}
