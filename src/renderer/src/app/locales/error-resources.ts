import { APP_ERROR_CODES, type AppErrorCode } from '../../../../shared/errors';
import { ERROR_MESSAGES, type Locale } from '../../../../shared/i18n/error-messages';

/**
 * The `errors.*` branch of a locale, taken from the shared table so the renderer and the CLI say
 * the same thing for every error code.
 */
export function errorResources(locale: Locale): Record<AppErrorCode, string> {
  const out = {} as Record<AppErrorCode, string>;
  for (const code of APP_ERROR_CODES) out[code] = ERROR_MESSAGES[code][locale];
  return out;
}
