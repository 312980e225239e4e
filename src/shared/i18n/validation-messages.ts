import { FIELD_SPECS, type FieldKey, type Format, type NumberSpec } from '../validation/field-specs';
import type { Problem } from '../validation/problems';
import type { Locale } from './error-messages';

/*
 * What a refused field says, in both languages: the field's name, what is wrong and what is
 * allowed ("佣金比例应在 0–100% 之间" / "Commission must be between 0 and 100%"). The renderer shows
 * it under the field; the CLI prints it.
 */

const UNITS: Record<NumberSpec['unit'], { 'zh-CN': string; 'en-US': string }> = {
  yuan: { 'zh-CN': ' ', 'en-US': '' },
  percent: { 'zh-CN': '% ', 'en-US': '%' },
  minutes: { 'zh-CN': ' 分钟', 'en-US': ' minutes' },
  hours: { 'zh-CN': ' 小时', 'en-US': ' hours' },
  days: { 'zh-CN': ' 天', 'en-US': ' days' },
  count: { 'zh-CN': ' 个', 'en-US': '' },
  score: { 'zh-CN': ' ', 'en-US': '' },
};

const grouped = (n: number): string => {
  const [whole = '0', part] = String(n).split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return part === undefined ? withCommas : `${withCommas}.${part}`;
};

const shown = (spec: NumberSpec, stored: number): string => {
  const value = stored / spec.scale;
  return spec.unit === 'yuan' ? `¥${grouped(value)}` : grouped(value);
};

function rangeText(spec: NumberSpec, locale: Locale): { min: string; max: string; unit: string } {
  return { min: shown(spec, spec.min), max: shown(spec, spec.max), unit: UNITS[spec.unit][locale] };
}

const FORMAT_TEXT: Record<Format, { 'zh-CN': (label: string, max: number) => string; 'en-US': (label: string, max: number) => string }> = {
  phone: { 'zh-CN': (f) => `${f}应为 5–20 位数字，可含 +、- 和空格`, 'en-US': (f) => `${f} must be 5–20 digits (+, - and spaces allowed)` },
  clock: { 'zh-CN': (f) => `${f}应为 HH:MM 格式的时间，如 09:30`, 'en-US': (f) => `${f} must be a time as HH:MM, e.g. 09:30` },
  clockOrEmpty: { 'zh-CN': (f) => `${f}应为 HH:MM 格式的时间（如 16:00），或留空`, 'en-US': (f) => `${f} must be a time as HH:MM (e.g. 16:00) or empty` },
  date: { 'zh-CN': (f) => `${f}应为真实的日期，格式 YYYY-MM-DD`, 'en-US': (f) => `${f} must be a real date as YYYY-MM-DD` },
  dateTime: { 'zh-CN': (f) => `${f}应为真实的时间，格式 YYYY-MM-DD HH:MM（北京时间）`, 'en-US': (f) => `${f} must be a real time as YYYY-MM-DD HH:MM (China time)` },
  digits: { 'zh-CN': (f, max) => `${f}只能是数字，最多 ${max} 位`, 'en-US': (f, max) => `${f} must be digits only, at most ${max}` },
  divisionCode: { 'zh-CN': (f) => `请从列表中选择${f}`, 'en-US': (f) => `Choose the ${f.toLowerCase()} from the list` },
};

/** The lower bound a field must not go below (a range typed as two fields). */
const LOWER_OF: Partial<Record<FieldKey, FieldKey>> = { quotaMax: 'quotaMin', campaignSignupDeadline: 'campaignSignupStart', campaignRunEnd: 'campaignRunStart', analyticsTo: 'analyticsFrom', healthSpotWarn: 'healthSpotFloor' };

export function validationMessage(issue: { field?: FieldKey; problem: Problem; path?: string }, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (issue.field === undefined) {
    const where = issue.path ? (zh ? `（${issue.path}）` : ` (${issue.path})`) : '';
    return zh ? `这一项的值不正确${where}` : `This value is not valid${where}`;
  }
  const spec = FIELD_SPECS[issue.field];
  const label = spec.label[locale];
  const max = spec.max;
  switch (issue.problem) {
    case 'required':
      return zh ? `请填写${label}` : `${label} is required`;
    case 'notNumber':
      return zh ? `${label}应为数字` : `${label} must be a number`;
    case 'notInteger':
      return zh ? `${label}应为整数` : `${label} must be a whole number`;
    case 'decimals':
      return zh ? `${label}最多两位小数` : `${label} can have at most 2 decimal places`;
    case 'range': {
      if (spec.kind !== 'number') return zh ? `${label}不正确` : `${label} is not valid`;
      const r = rangeText(spec, locale);
      return zh ? `${label}应在 ${r.min}–${r.max}${r.unit}之间` : `${label} must be between ${r.min} and ${r.max}${r.unit}`;
    }
    case 'tooLong':
      return zh ? `${label}最多 ${max} 个字` : `${label} can be at most ${max} characters`;
    case 'tooMany':
      return zh ? `${label}最多 ${max} 个` : `${label}: at most ${max}`;
    case 'format':
      return spec.kind === 'format' ? FORMAT_TEXT[spec.format][locale](label, max) : zh ? `${label}的格式不正确` : `${label} is not in the expected form`;
    case 'minAboveMax': {
      const lower = LOWER_OF[issue.field];
      const lowerLabel = lower === undefined ? (zh ? '最低值' : 'the minimum') : FIELD_SPECS[lower].label[locale];
      return zh ? `${label}不能小于${lowerLabel}` : `${label} must not be less than ${lowerLabel.toLowerCase()}`;
    }
    case 'beforeStart': {
      // A day range typed as two dates: the end may not come before the start.
      const lower = LOWER_OF[issue.field];
      const lowerLabel = lower === undefined ? (zh ? '开始日' : 'the start') : FIELD_SPECS[lower].label[locale];
      return zh ? `${label}不能早于${lowerLabel}` : `${label} must not be before ${lowerLabel.toLowerCase()}`;
    }
    case 'duplicate':
      return zh ? `${label}不能重复` : `${label} must not repeat`;
    case 'invalid':
      return zh ? `${label}不正确` : `${label} is not valid`;
  }
}
