import type { Kysely } from 'kysely';
import type { ImportHistoryEntry } from '../../shared/rpc/domains/imports';
import type { Database, ImportsTable } from '../db/schema';
import type { Selectable } from 'kysely';

/** The import that already brought in a file with these bytes, if it still stands (not undone). */
export async function findImportBySha(db: Kysely<Database>, sha256: string): Promise<Selectable<ImportsTable> | undefined> {
  return db.selectFrom('imports').selectAll().where('sha256', '=', sha256).where('status', '=', 'done').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export const toHistoryEntry = (r: Selectable<ImportsTable>): ImportHistoryEntry => ({
  id: r.id,
  file: r.file_name,
  kind: r.kind,
  layout: r.layout,
  encoding: r.encoding,
  sha256: r.sha256,
  exportTime: r.export_time === null ? null : new Date(r.export_time * 1000).toISOString(),
  importedAt: r.imported_at,
  lines: r.lines,
  inserted: r.inserted,
  updated: r.updated,
  unchanged: r.unchanged,
  duplicatesInFile: r.duplicates,
  skippedOlder: r.skipped_older,
  skippedWithIssues: r.skipped_with_issues,
  dateFrom: r.date_from,
  dateTo: r.date_to,
  status: r.status,
  undoneAt: r.undone_at,
});

/** Every import, newest first. */
export async function listImports(db: Kysely<Database>, limit: number): Promise<ImportHistoryEntry[]> {
  const rows = await db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toHistoryEntry);
}
