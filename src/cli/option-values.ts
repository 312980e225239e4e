import { z } from 'zod';
import { isChinaDate } from '../shared/domain/china-time';
import { parseYuan } from '../shared/domain/cost-stack';
import type { CommandInput, Text } from './command';
import type { UsageProblem } from './parse-args';

/*
 * A command's option values, checked before anything opens the data folder. A bad value is a
 * usage problem (exit code 2) with one line that names the option, repeats the value and says the
 * expected form: "选项 --from 的值 2026-13-45 不正确，应为真实的日期 YYYY-MM-DD（如 2026-09-10）。"
 */

export class OptionError extends Error {
  readonly problem: UsageProblem;
  constructor(problem: Extract<UsageProblem, { kind: 'badOption' | 'optionOrder' }>) {
    super(problem.kind === 'badOption' ? `--${problem.name} ${problem.value}: ${problem.expected.en}` : `--${problem.name} is before --${problem.other}`);
    this.name = 'OptionError';
    this.problem = problem;
  }
}

const valueOf = (input: CommandInput, name: string): string | undefined => {
  const value = input.flags[name];
  return value === undefined || value === true ? undefined : value;
};

const refuse = (name: string, value: string, expected: Text): never => {
  throw new OptionError({ kind: 'badOption', name, value, expected });
};

export const EXPECTED = {
  date: { zh: '真实的日期 YYYY-MM-DD（如 2026-09-10）', en: 'a real date as YYYY-MM-DD (e.g. 2026-09-10)' },
  instant: { zh: '带时区的 ISO 8601 时间（如 2026-09-10T09:00:00+08:00）', en: 'an ISO 8601 date-time with a zone (e.g. 2026-09-10T09:00:00+08:00)' },
  wholeNumber: (min: number, max: number): Text => ({ zh: `介于 ${min} 到 ${max} 之间的整数`, en: `a whole number from ${min} to ${max}` }),
  oneOf: (values: readonly string[]): Text => ({ zh: `其中之一：${values.join('、')}`, en: `one of ${values.join(', ')}` }),
  yuan: { zh: '以元为单位的金额，最多两位小数（如 39.9）', en: 'an amount in yuan with at most 2 decimals (e.g. 39.9)' },
} as const;

/** `--<name> YYYY-MM-DD`: a date that exists (2026-02-30 and 2026-13-45 do not). */
export function dateOption(input: CommandInput, name: string): string | undefined {
  const value = valueOf(input, name);
  if (value !== undefined && !isChinaDate(value)) refuse(name, value, EXPECTED.date);
  return value;
}

/** `--from` and `--to` as real dates, `--to` not before `--from`. */
export function dateRangeOptions(input: CommandInput): { from?: string; to?: string } {
  const from = dateOption(input, 'from');
  const to = dateOption(input, 'to');
  if (from !== undefined && to !== undefined && to < from) throw new OptionError({ kind: 'optionOrder', name: 'to', value: to, other: 'from', otherValue: from });
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** `--<name> N`: a whole number in [min, max], written as digits only. */
export function countOption(input: CommandInput, name: string, min: number, max: number): number | undefined {
  const value = valueOf(input, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d{1,9}$/.test(value) || n < min || n > max) refuse(name, value, EXPECTED.wholeNumber(min, max));
  return n;
}

const ISO = z.iso.datetime({ offset: true });

/** `--<name> ISO-8601`: an instant with its zone, so it means the same moment on every computer. */
export function instantOption(input: CommandInput, name: string): Date | undefined {
  const value = valueOf(input, name);
  if (value === undefined) return undefined;
  if (!ISO.safeParse(value).success) refuse(name, value, EXPECTED.instant);
  return new Date(value);
}

/** `--<name> VALUE` from a fixed list. */
export function choiceOption<T extends string>(input: CommandInput, name: string, values: readonly T[]): T | undefined {
  const value = valueOf(input, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) refuse(name, value, EXPECTED.oneOf(values));
  return value as T;
}

/** `--<name> YUAN` as fen. */
export function yuanOption(input: CommandInput, name: string): number | undefined {
  const value = valueOf(input, name);
  if (value === undefined) return undefined;
  const fen = parseYuan(value);
  if (fen === null) refuse(name, value, EXPECTED.yuan);
  return fen ?? undefined;
}
