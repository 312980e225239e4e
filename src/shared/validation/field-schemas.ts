import { z } from 'zod';
import { isChinaDate, parseChinaDateTime } from '../domain/china-time';
import { FIELD_SPECS, type Format, type FormatFieldKey, type ListFieldKey, type NumberFieldKey, type TextFieldKey } from './field-specs';

/*
 * The zod builders behind every typed-in field of the contract. Each check's message is the
 * field's catalogue key: issuesOf() turns a failure back into { field, problem }, and the message
 * names the field and what it allows. Nothing here clamps, rounds or cuts: a value outside the
 * rule is refused.
 */

const PATTERNS: Record<Exclude<Format, 'date' | 'dateTime'>, RegExp> = {
  phone: /^[\d\-+ ]{5,20}$/,
  clock: /^([01]\d|2[0-3]):[0-5]\d$/,
  clockOrEmpty: /^(([01]\d|2[0-3]):[0-5]\d)?$/,
  digits: /^\d*$/,
  divisionCode: /^(\d{2}|\d{4}|\d{6})$/,
};

/** A number within the field's bounds (an integer where stored as one: fen, bp, minutes …). */
export function numberField(key: NumberFieldKey) {
  const spec = FIELD_SPECS[key];
  const base = z.number({ error: key });
  return (spec.isInteger ? base.int({ error: key }) : base).min(spec.min, { error: key }).max(spec.max, { error: key });
}

/** Text of at most `max` characters; required ones (min 1) are trimmed first, so blanks are refused. */
export function textField(key: TextFieldKey) {
  const spec = FIELD_SPECS[key];
  const base = z.string({ error: key });
  return spec.min > 0 ? base.trim().min(spec.min, { error: key }).max(spec.max, { error: key }) : base.max(spec.max, { error: key });
}

/** Text in a fixed form (phone, HH:MM, a real calendar date, digits, a division code). */
export function formatField(key: FormatFieldKey) {
  const spec = FIELD_SPECS[key];
  const base = z.string({ error: key }).max(spec.max, { error: key });
  if (spec.format === 'date') return base.refine(isChinaDate, { error: key });
  if (spec.format === 'dateTime') return base.refine((t) => parseChinaDateTime(t) !== null, { error: key });
  return base.regex(PATTERNS[spec.format], { error: key });
}

/** A list of at most `max` items. */
export function listField<T extends z.ZodType>(key: ListFieldKey, item: T) {
  return z.array(item, { error: key }).max(FIELD_SPECS[key].max, { error: key });
}
