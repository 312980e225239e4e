import type { z } from 'zod';
import { validationMessage } from '../i18n/validation-messages';
import { FIELD_SPECS, isFieldKey, type FieldKey } from './field-specs';
import { PROBLEMS, type Problem } from './problems';

export { PROBLEMS, type Problem } from './problems';

/**
 * One refused field as it crosses the protocol in a VALIDATION error's `details.issues`. `path`
 * is the params path (`patch.commissionBp`, `checklist.2.text`); `message` is the English text
 * for logs; `field` names the catalogue entry when the schema was built from one.
 */
export type ValidationIssue = { path: string; message: string; field?: FieldKey; problem: Problem };

type ZodIssue = z.core.$ZodIssue & { input?: unknown; params?: { problem?: unknown } };

const isProblem = (value: unknown): value is Problem => typeof value === 'string' && (PROBLEMS as readonly string[]).includes(value);

function problemOf(issue: ZodIssue, field: FieldKey | undefined): Problem {
  const spec = field === undefined ? undefined : FIELD_SPECS[field];
  const isScaled = spec?.kind === 'number' && spec.scale === 100;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return isScaled ? 'decimals' : 'notInteger';
      if (issue.input === undefined || issue.input === null) return 'required';
      return issue.expected === 'number' ? 'notNumber' : 'invalid';
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return 'required';
      return 'range';
    case 'too_big':
      if (issue.origin === 'string') return spec?.kind === 'format' ? 'format' : 'tooLong';
      if (issue.origin === 'array') return 'tooMany';
      return 'range';
    case 'invalid_format':
      return 'format';
    case 'custom':
      if (isProblem(issue.params?.problem)) return issue.params.problem;
      return spec?.kind === 'format' ? 'format' : 'invalid';
    default:
      return 'invalid';
  }
}

/** The refused fields of a zod error, one issue per path (the first, most basic failure). */
export function issuesOf(error: z.ZodError): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (const raw of error.issues as ZodIssue[]) {
    const path = raw.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const field = isFieldKey(raw.message) ? raw.message : undefined;
    const problem = problemOf(raw, field);
    const base = { path, problem, ...(field === undefined ? {} : { field }) };
    // Without a catalogue field, zod's own English stays the message (logs, scripts): it names
    // the key a method does not take (`Unrecognized key: "isAdmin"`).
    out.push({ ...base, message: field === undefined ? raw.message : validationMessage(base, 'en-US') });
  }
  return out;
}

/** Parses with the input kept on each issue (to tell a missing value from a wrong one). */
export function checkParams<T extends z.ZodType>(schema: T, value: unknown): { ok: true; value: z.output<T> } | { ok: false; issues: ValidationIssue[] } {
  const parsed = schema.safeParse(value, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** The issues of a VALIDATION error's details, whatever produced them (schema or a domain rule). */
export function issuesFromDetails(details: Record<string, unknown> | undefined): ValidationIssue[] {
  const list = details?.issues;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message, field, problem } = item as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    return [{ path, message, problem: isProblem(problem) ? problem : 'invalid', ...(isFieldKey(field) ? { field } : {}) }];
  });
}
