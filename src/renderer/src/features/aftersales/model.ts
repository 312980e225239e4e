import type { FormInstance } from 'antd';
import { formatFen } from '../../../../shared/domain/cost-stack';
import type { Countdown } from '../../../../shared/domain/aftersale-deadline';
import { scaledOf } from '../../shared/ui/number-text';

/** Yuan as typed → fen for the contract: blank is null, not a number is NaN (refused as "应为数字"), a third decimal stays (refused). */
export function fenOfYuanText(text: string | undefined): number | null {
  const value = scaledOf(text ?? '', 100);
  return value === undefined ? null : value;
}

export const yuanText = (fen: number | null): string => (fen === null ? '' : formatFen(fen));
export const yuan = (fen: number | null): string => (fen === null ? '—' : `¥${formatFen(fen)}`);

/** The countdown's words (i18n keys and values) as the core computed it, at its clock. */
export function countdownWords(c: Countdown): { key: 'none' | 'overdue' | 'days' | 'hours'; values: { days: number; hours: number; minutes: number } } {
  if (c.state === 'none') return { key: 'none', values: { days: 0, hours: 0, minutes: 0 } };
  if (c.state === 'overdue') return { key: 'overdue', values: { days: 0, hours: 0, minutes: 0 } };
  if (c.hours >= 48) return { key: 'days', values: { days: Math.floor(c.hours / 24), hours: c.hours % 24, minutes: c.minutes } };
  return { key: 'hours', values: { days: 0, hours: c.hours, minutes: c.minutes } };
}

export const COUNTDOWN_COLOUR: Record<Countdown['state'], string | undefined> = { none: undefined, ok: 'blue', soon: 'orange', overdue: 'red' };

/** Clears the errors a refused save left under the fields, so a corrected save does not keep showing them. */
export function clearFieldErrors(form: FormInstance): void {
  form.setFields(Object.keys(form.getFieldsValue() as Record<string, unknown>).map((name) => ({ name, errors: [] })));
}
