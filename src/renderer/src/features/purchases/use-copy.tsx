import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Puts text on the clipboard and says so. When the clipboard refuses (a browser without the
 * permission), the text is shown in a dialog to copy by hand instead of being lost.
 */
export function useCopyText(): (text: string, done: string) => Promise<boolean> {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return useCallback(
    async (text: string, done: string) => {
      try {
        await navigator.clipboard.writeText(text);
        void message.success(done);
        return true;
      } catch {
        modal.info({ title: t('purchases.panel.copyFailed'), content: <pre style={{ whiteSpace: 'pre-wrap', userSelect: 'all' }}>{text}</pre>, width: 560 });
        return false;
      }
    },
    [message, modal, t],
  );
}
