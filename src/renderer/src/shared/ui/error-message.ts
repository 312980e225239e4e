import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppError, isAppErrorCode, type AppErrorCode } from '../../../../shared/errors';
import { dataFolderLockedText } from '../../../../shared/i18n/data-folder-messages';
import { validationMessage } from '../../../../shared/i18n/validation-messages';
import { validationIssuesOf } from './form-errors';
import { useLocale } from './use-locale';

/**
 * The code to explain for anything a call rejected with. Errors that are not the core's
 * (a bug in the renderer) read as INTERNAL: the user never sees a raw message or stack.
 */
export function errorCodeOf(error: unknown): AppErrorCode {
  if (isAppError(error)) return error.code;
  if (typeof error === 'object' && error !== null && 'code' in error && isAppErrorCode(error.code)) return error.code;
  return 'INTERNAL';
}

const holderOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'details' in error ? (error.details as { holder?: unknown } | undefined)?.holder : undefined;

/**
 * Turns any error into the translated sentence for its code; a refused input says which field and
 * what is allowed (the first refused field), not only "输入的内容不正确"; a locked data folder names
 * who holds it.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return useCallback(
    (error: unknown) => {
      const first = validationIssuesOf(error)?.[0];
      if (first) return validationMessage(first, locale);
      const code = errorCodeOf(error);
      if (code === 'DATA_FOLDER_LOCKED') return dataFolderLockedText(holderOf(error), locale);
      return t(`errors.${code}`);
    },
    [t, locale],
  );
}

/** Shows any error as a translated message toast; the details go to the console for support. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const describe = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      console.error(error);
      void message.error(describe(error));
    },
    [message, describe],
  );
}
