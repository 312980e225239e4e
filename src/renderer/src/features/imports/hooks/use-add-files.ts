import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportSession } from './use-import-session';

/** Hands files to the import session; tells the user when an import is running and they must wait. */
export function useAddFiles(): (files: readonly File[]) => boolean {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [, session] = useImportSession();
  return useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return false;
      const isAdded = session.addFiles(files);
      if (!isAdded) void message.warning(t('imports.drop.busy'));
      return isAdded;
    },
    [session, message, t],
  );
}
