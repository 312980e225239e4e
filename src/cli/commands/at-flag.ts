import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { CommandInput, FlagSpec } from '../command';

/** `--at ISO-8601`: run as if it were that moment (scripting, tests, "what will be due tomorrow"). */
export const AT_FLAG: FlagSpec = {
  name: 'at',
  type: 'string',
  valueName: 'ISO-8601',
  help: { zh: '按这个时间计算（ISO 8601，如 2026-09-10T09:00:00+08:00）', en: 'Compute as of this moment (ISO 8601, e.g. 2026-09-10T09:00:00+08:00)' },
};

const ISO = z.iso.datetime({ offset: true });

/** The `--at` instant, if given. Errors: VALIDATION for anything but an ISO date-time with a zone. */
export function atFlag(input: CommandInput): Date | undefined {
  const value = input.flags.at;
  if (value === undefined || value === true) return undefined;
  if (!ISO.safeParse(value).success) {
    throw new AppError('VALIDATION', `--at is not an ISO 8601 date-time: ${value}`, { issues: [{ path: '--at', message: 'ISO 8601 date-time with a zone' }] });
  }
  return new Date(value);
}
