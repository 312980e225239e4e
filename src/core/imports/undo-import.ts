import { CompiledQuery, sql, type Kysely, type Selectable } from 'kysely';
import type { Locale } from '../../shared/i18n/error-messages';
import { importMessage } from '../../shared/i18n/import-messages';
import { AppError, isAppError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/rpc/domains/backups';
import type { UndoResult } from '../../shared/rpc/domains/imports';
import type { Database, ImportsTable } from '../db/schema';
import { mapSqliteError } from '../db/sqlite-errors';
import { refreshDeskSummariesAsync } from '../orders/desk-summaries';
import { rebuildAnalyticsDaysAsync } from '../reports/analytics-days';
import { rebuildProfitDaysAsync } from '../reports/profit-days';
import { rebuildStatements, reportDayOf } from '../reports/order-report-days';
import { rebuildShipQueueAsync } from '../orders/ship-queue';
import { rebuildRepeatChainsAsync } from '../reports/repeat-chains';
import { rowColumns, specOf } from './specs/index';

type UndoRefusal = Extract<UndoResult, { undone: false }>;
/** What the undo itself reports; the backup's id is added by `undoImportWithBackup`. */
export type UndoOutcome = UndoRefusal | { importId: number; undone: true; removed: number; restored: number };

/**
 * Why an import cannot be undone now (already undone, or a later import that still stands changed
 * rows this one wrote — its history was taken on top of this import's values, so undo that one
 * first), or the import itself when it can. NOT_FOUND when there is no such import.
 */
async function checkUndo(db: Kysely<Database>, importId: number, locale: Locale): Promise<{ refusal: UndoRefusal } | { target: Selectable<ImportsTable> }> {
  const target = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!target) throw new AppError('NOT_FOUND', `no import ${importId}`, { importId });
  if (target.status === 'undone') {
    return { refusal: { importId, undone: false, reason: 'already-undone', message: importMessage('UNDO_ALREADY_UNDONE', {}, locale), conflicts: [] } };
  }
  const conflicts = await db
    .selectFrom('row_history as h')
    .innerJoin('imports as i', 'i.id', 'h.import_id')
    .select(['i.id', 'i.file_name', 'i.lines'])
    .distinct()
    .where('h.previous_import_id', '=', importId)
    .where('h.import_id', '!=', importId)
    .where('i.status', '=', 'done')
    .orderBy('i.id', 'desc')
    .execute();
  if (conflicts.length === 0) return { target };
  return {
    refusal: {
      importId,
      undone: false,
      reason: 'later-import-changed-lines',
      message: importMessage('UNDO_LATER_IMPORT_CHANGED_LINES', { files: conflicts.map((c) => `#${c.id} ${c.file_name}`).join('、') }, locale),
      conflicts: conflicts.map((c) => ({ importId: c.id, file: c.file_name, lines: c.lines })),
    },
  };
}

/**
 * Undo as the user asks for it: a refusal changes nothing and needs no backup; otherwise a
 * verified `pre-undo` backup is taken first, and when it cannot be made (a full disk …) the undo is
 * refused with that typed error (`details.backupFailed`) and nothing is changed.
 * The caller runs this between imports (no import writes meanwhile). The connection is reserved
 * from the check to the commit, so no other query of the core runs between the backup and the
 * undo: the backup is exactly the database the undo starts from.
 */
export async function undoImportWithBackup(
  db: Kysely<Database>,
  importId: number,
  now: Date,
  locale: Locale,
  backup: () => BackupInfo,
): Promise<UndoResult> {
  return db.connection().execute(async (conn) => {
    const checked = await checkUndo(conn, importId, locale);
    if ('refusal' in checked) return checked.refusal;
    let taken: BackupInfo;
    try {
      taken = backup();
    } catch (error) {
      const mapped = mapSqliteError(error);
      const code = isAppError(mapped) ? mapped.code : 'INTERNAL';
      throw new AppError(code, `the pre-undo backup failed, so nothing was undone: ${(error as Error).message}`, { importId, backupFailed: true });
    }
    const outcome = await undoImport(conn, importId, now, locale);
    return outcome.undone ? { ...outcome, backupId: taken.id } : outcome;
  });
}

/**
 * Undoes one import in one transaction: rows it inserted are deleted, rows it changed get back
 * the values `row_history` kept (set-based SQL, so a 500k-line import undoes in seconds), and the
 * import is marked undone (its record stays, for the history). Refused when a later import that
 * still stands changed rows this one wrote — its history was taken on top of this import's
 * values, so undo that one first. Rows this import only confirmed (unchanged) are not touched.
 * Takes no backup: the user's undo goes through `undoImportWithBackup`.
 */
export async function undoImport(db: Kysely<Database>, importId: number, now: Date, locale: Locale): Promise<UndoOutcome> {
  return db.transaction().execute(async (trx) => {
    const checked = await checkUndo(trx, importId, locale);
    if ('refusal' in checked) return checked.refusal;
    const target = checked.target;
    const spec = specOf(target.kind);
    const table = sql.table(spec.table);
    const columns = [...rowColumns(spec), 'export_time', 'first_import_id', 'last_import_id'];
    // Order lines: the report summary days this undo changes (before and after), rebuilt at the end.
    const days = new Set<string>();
    if (spec.table === 'order_lines') {
      const touched = await sql<{ day: string | null }>`
        SELECT submitted_at AS day FROM order_lines WHERE first_import_id = ${importId}
        UNION SELECT submitted_at FROM order_lines WHERE sub_order_id IN (SELECT row_key FROM row_history WHERE import_id = ${importId} AND table_name = 'order_lines')
        UNION SELECT json_extract(previous, '$.submitted_at') FROM row_history WHERE import_id = ${importId} AND table_name = 'order_lines'`.execute(trx);
      for (const row of touched.rows) days.add(reportDayOf(row.day));
    }
    // After-sales rows: their lines' refund time (看数据's refund basis) and refunds (利润) move back with them;
    // funds-flow rows their lines' commission and fees (利润).
    const refundDays = new Set<string>();
    if (spec.table === 'aftersales' || spec.table === 'funds_flows') {
      const touched = await sql<{ day: string }>`
        SELECT DISTINCT coalesce(substr(submitted_at, 1, 10), '') AS day FROM order_lines WHERE sub_order_id IN (
          SELECT sub_order_id FROM ${table} WHERE first_import_id = ${importId} OR last_import_id = ${importId}
          UNION SELECT json_extract(previous, '$.sub_order_id') FROM row_history WHERE import_id = ${importId} AND table_name = ${spec.table})`.execute(trx);
      for (const row of touched.rows) refundDays.add(row.day);
    }
    const removed = await sql`DELETE FROM ${table} WHERE first_import_id = ${importId}`.execute(trx);
    const restored = await sql`
      INSERT OR REPLACE INTO ${table} (${sql.join(columns.map((c) => sql.ref(c)))})
      SELECT ${sql.join(columns.map((c) => sql`json_extract(previous, ${`$.${c}`})`))}
      FROM row_history WHERE import_id = ${importId} AND table_name = ${spec.table}`.execute(trx);
    await trx.deleteFrom('row_history').where('import_id', '=', importId).execute();
    for (const { text, params } of rebuildStatements(days)) await trx.executeQuery(CompiledQuery.raw(text, params));
    await rebuildAnalyticsDaysAsync(trx, spec.table === 'aftersales' ? [...days, ...refundDays] : days);
    await rebuildProfitDaysAsync(trx, [...days, ...refundDays]);
    await rebuildShipQueueAsync(trx, spec.table === 'aftersales' ? [...days, ...refundDays] : days);
    await rebuildRepeatChainsAsync(trx, days);
    await trx.updateTable('imports').set({ status: 'undone', undone_at: now.toISOString() }).where('id', '=', importId).execute();
    // After the imports row (the kept totals are keyed by it); restored lines came back without their after-sales state.
    if (spec.table === 'order_lines') await refreshDeskSummariesAsync(trx, { kind: 'orders' });
    if (spec.table === 'aftersales') await refreshDeskSummariesAsync(trx, { kind: 'aftersales', subOrders: 'all' });
    return { importId, undone: true, removed: Number(removed.numAffectedRows ?? 0n), restored: Number(restored.numAffectedRows ?? 0n) };
  });
}
