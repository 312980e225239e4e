import { isAppError } from '../../../../shared/errors';
import type { Locale } from '../../../../shared/i18n/error-messages';
import { validationMessage } from '../../../../shared/i18n/validation-messages';
import { issuesFromDetails, type ValidationIssue } from '../../../../shared/validation/issues';

/** An antd Form field name (`'cost'`, `['checklist', 2, 'text']`). */
export type FieldName = string | number | (string | number)[];

/** Which form field shows the issue of a params path (split at dots, list indexes as numbers); null = none. */
export type FieldOf = (path: (string | number)[]) => FieldName | null;

const splitPath = (path: string): (string | number)[] => (path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));

/** Params path = form field name: the default for forms whose fields are the params. */
export const samePath: FieldOf = (path) => (path.length === 0 ? null : path);

/** A form whose fields are the params' fields renamed: `{ 'patch.costFen': 'cost' }`. */
export const renamed =
  (names: Record<string, FieldName>, rest: FieldOf = () => null): FieldOf =>
  (path) =>
    names[path.join('.')] ?? rest(path);

/** The issues of a refused call (a VALIDATION AppError), or null for any other failure. */
export function validationIssuesOf(error: unknown): ValidationIssue[] | null {
  if (!isAppError(error) || error.code !== 'VALIDATION') return null;
  return issuesFromDetails(error.details);
}

export type FieldErrors = { fields: { name: FieldName; errors: string[] }[]; unplaced: string[] };

/**
 * The translated message of each issue, under its form field where the form has one; the others
 * (a rule about the whole record) are returned to be shown as a message.
 */
export function fieldErrorsOf(issues: readonly ValidationIssue[], fieldOf: FieldOf, locale: Locale): FieldErrors {
  const byName = new Map<string, { name: FieldName; errors: string[] }>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const text = validationMessage(issue, locale);
    const name = fieldOf(splitPath(issue.path));
    if (name === null) {
      unplaced.push(text);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    // Province, city and district codes share one picker: say it once.
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], unplaced };
}
