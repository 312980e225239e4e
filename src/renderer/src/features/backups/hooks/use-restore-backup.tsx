import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../../shared/rpc/contract';
import { useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { formatChinaTime } from '../../../shared/ui/format';

/**
 * Asks before restoring a backup, then restores it. In normal mode the dialog says that the
 * current data is backed up first and the app reloads; in recovery mode that the unusable file is
 * kept in quarantine; for a newer app's database (`newer`) where it goes and how the newer app
 * gets it back — the core refuses to set it aside unless this was said (`setAsideNewer`).
 * After success every query reloads (the whole database changed).
 */
export function useRestoreBackup(mode: 'normal' | 'recovery' | 'newer'): (backup: BackupInfo) => void {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const { mutate } = useRpcMutation('backups.restore', { invalidates: 'all' });

  return useCallback(
    (backup: BackupInfo) => {
      const time = formatChinaTime(backup.createdAt);
      const isRecovery = mode !== 'normal';
      const isNewer = mode === 'newer';
      void modal.confirm({
        title: t(isRecovery ? 'recovery.restoreConfirmTitle' : 'backups.restoreConfirmTitle', { time }),
        content: isNewer ? (
          <Typography.Paragraph>{t('recovery.newerSetAsideBody')}</Typography.Paragraph>
        ) : isRecovery ? (
          <Typography.Paragraph>{t('recovery.restoreConfirmBody')}</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph strong>{t('backups.restoreConfirmSafety')}</Typography.Paragraph>
            <Typography.Paragraph>{t('backups.restoreConfirmReload')}</Typography.Paragraph>
          </>
        ),
        okText: t('backups.restoreOk'),
        cancelText: t('common.cancel'),
        width: 480,
        onOk: async () => {
          try {
            const result = await mutate(isNewer ? { id: backup.id, setAsideNewer: true } : { id: backup.id });
            const restored = t(isRecovery ? 'recovery.restored' : 'backups.restored', { time });
            const safety = result.safetyBackup ? ` ${t('backups.restoredSafety', { time: formatChinaTime(result.safetyBackup.createdAt) })}` : '';
            const aside = result.setAsideNewer ? ` ${t('recovery.newerSetAside', { folder: result.setAsideNewer.quarantinedTo })}` : '';
            void message.success(restored + safety + aside, aside ? 12 : 6);
          } catch (error) {
            showError(error);
          }
        },
      });
    },
    [mode, modal, message, mutate, showError, t],
  );
}
