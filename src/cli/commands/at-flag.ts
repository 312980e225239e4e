import type { CommandInput, FlagSpec } from '../command';
import { instantOption } from '../option-values';

/** `--at ISO-8601`: run as if it were that moment (scripting, tests, "what will be due tomorrow"). */
export const AT_FLAG: FlagSpec = {
  name: 'at',
  type: 'string',
  valueName: 'ISO-8601',
  help: { zh: '按这个时间计算（ISO 8601，如 2026-09-10T09:00:00+08:00）', en: 'Compute as of this moment (ISO 8601, e.g. 2026-09-10T09:00:00+08:00)' },
};

/** The `--at` instant, if given. Errors: OptionError (exit 2) for anything but an ISO date-time with a zone. */
export const atFlag = (input: CommandInput): Date | undefined => instantOption(input, 'at');
