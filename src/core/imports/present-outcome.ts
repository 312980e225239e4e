import type { Locale } from '../../shared/i18n/error-messages';
import { importMessage, KIND_NAMES } from '../../shared/i18n/import-messages';
import type { FilePreview, FileRefusal, ImportFailureCode, ImportIssue, ImportKind, ImportRefusalCode, ImportSummary } from '../../shared/rpc/domains/imports';
import type { UnitOutcome } from './import-unit';
import type { RowIssue } from './map-row';

/** At most this many issues travel per file; `issueCount` has the total. */
export const MAX_LISTED_ISSUES = 1000;

const withKindName = (params: Record<string, string | number>, locale: Locale): Record<string, string | number> => {
  const kind = params.kind;
  return typeof kind === 'string' && Object.hasOwn(KIND_NAMES, kind) ? { ...params, kindName: KIND_NAMES[kind as ImportKind][locale] } : params;
};

export function presentIssues(issues: readonly RowIssue[], total: number, locale: Locale): ImportIssue[] {
  const listed: ImportIssue[] = issues.slice(0, MAX_LISTED_ISSUES).map((i) => ({
    line: i.line,
    column: i.column,
    code: i.code,
    message: importMessage(i.code, i.params, locale),
    params: i.params,
  }));
  if (total > listed.length) {
    const params = { count: total - listed.length };
    listed.push({ line: null, column: null, code: 'ROW_MORE_ISSUES', message: importMessage('ROW_MORE_ISSUES', params, locale), params });
  }
  return listed;
}

export function presentRefusal(
  file: string,
  code: string,
  params: Record<string, string | number>,
  issues: readonly RowIssue[],
  locale: Locale,
  source?: number,
): FileRefusal {
  const full = withKindName(params, locale);
  return {
    file,
    ...(source === undefined ? {} : { source }),
    refused: true,
    code: code as ImportRefusalCode | ImportFailureCode,
    message: importMessage(code, full, locale),
    params: full,
    issues: presentIssues(issues, issues.length, locale),
  };
}

/**
 * A unit's outcome in the contract's shape, messages in the caller's language. A file already
 * imported (same SHA-256) is shown as all unchanged: nothing of it was written.
 */
export function presentOutcome(
  outcome: UnitOutcome,
  context: { alreadyImported: boolean; priorImportId: number | null; backupId: string | null; locale: Locale; source: number },
): FilePreview | ImportSummary | FileRefusal {
  if (!outcome.ok) return presentRefusal(outcome.file, outcome.code, outcome.params, outcome.issues, context.locale, context.source);
  const { counts, totals } = outcome;
  return {
    file: outcome.file,
    source: context.source,
    refused: false,
    kind: outcome.kind,
    layout: outcome.layout,
    encoding: outcome.encoding,
    sha256: outcome.sha256,
    exportTime: outcome.exportTime === null ? null : new Date(outcome.exportTime * 1000).toISOString(),
    lines: totals.lines,
    dateFrom: totals.dateFrom,
    dateTo: totals.dateTo,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.unchanged,
    duplicatesInFile: counts.duplicatesInFile,
    skippedOlder: counts.skippedOlder,
    skippedWithIssues: totals.skippedWithIssues,
    alreadyImported: context.alreadyImported,
    issues: presentIssues(outcome.issues, outcome.issueCount, context.locale),
    issueCount: outcome.issueCount,
    importId: outcome.importId ?? context.priorImportId,
    backupId: context.backupId,
  };
}
