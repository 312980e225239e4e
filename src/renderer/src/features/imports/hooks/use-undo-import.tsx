import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryEntry, UndoResult } from '../../../../../shared/rpc/domains/imports';
import { useRpcMutation } from '../../../app/use-rpc';
import { useErrorMessage, useShowError } from '../../../shared/ui/error-message';
import { formatBackupTime } from '../model/backup-time';
import { isUndoBackupFailure } from '../model/undo-backup-failed';
import { useImportLabels } from './use-import-labels';

/**
 * Asks before undoing an import, saying what will happen to which lines and that a backup is taken
 * first, then undoes it. A refusal (a later import changed the same lines) is explained with the
 * imports to undo first; a backup that could not be made (a full disk …) with its reason.
 */
export function useUndoImport(): (entry: ImportHistoryEntry) => void {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const describe = useErrorMessage();
  const labels = useImportLabels();
  const { mutate } = useRpcMutation('imports.undo', { invalidates: { methods: ['imports.history'] } });

  const explainRefusal = useCallback(
    (result: Extract<UndoResult, { undone: false }>) => {
      void modal.warning({
        title: t('imports.history.undoRefusedTitle'),
        content:
          result.reason === 'already-undone' ? (
            <Typography.Paragraph>{t('imports.history.undoRefusedAlready')}</Typography.Paragraph>
          ) : (
            <>
              <Typography.Paragraph>{t('imports.history.undoRefusedLater')}</Typography.Paragraph>
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {result.conflicts.map((c) => (
                  <li key={c.importId}>{t('imports.history.conflict', { file: c.file, lines: labels.count(c.lines) })}</li>
                ))}
              </ul>
            </>
          ),
        okText: t('imports.history.undoRefusedOk'),
        width: 480,
      });
    },
    [modal, t, labels],
  );

  const explainFailure = useCallback(
    (error: unknown) => {
      if (!isUndoBackupFailure(error)) {
        showError(error);
        return;
      }
      console.error(error);
      void modal.error({
        title: t('imports.history.undoRefusedTitle'),
        content: (
          <>
            <Typography.Paragraph>{t('imports.history.undoBackupFailed')}</Typography.Paragraph>
            <Typography.Paragraph>{describe(error)}</Typography.Paragraph>
          </>
        ),
        okText: t('imports.history.undoRefusedOk'),
        width: 480,
      });
    },
    [modal, t, describe, showError],
  );

  return useCallback(
    (entry: ImportHistoryEntry) => {
      void modal.confirm({
        title: t('imports.history.undoConfirmTitle', { file: entry.file }),
        content: (
          <>
            <Typography.Paragraph strong>{t('imports.history.undoConfirmAdded', { count: labels.count(entry.inserted) })}</Typography.Paragraph>
            <Typography.Paragraph strong>{t('imports.history.undoConfirmUpdated', { count: labels.count(entry.updated) })}</Typography.Paragraph>
            <Typography.Paragraph>{t('imports.history.undoConfirmOthers')}</Typography.Paragraph>
            <Typography.Paragraph>{t('imports.history.undoConfirmBackup')}</Typography.Paragraph>
          </>
        ),
        okText: t('imports.history.undoOk'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        width: 520,
        onOk: async () => {
          try {
            const result = await mutate({ importId: entry.id });
            if (result.undone) {
              const done = { removed: labels.count(result.removed), restored: labels.count(result.restored), time: formatBackupTime(result.backupId) };
              void message.success(t('imports.history.undoDone', done), 6);
            } else explainRefusal(result);
          } catch (error) {
            explainFailure(error);
          }
        },
      });
    },
    [modal, message, mutate, t, labels, explainRefusal, explainFailure],
  );
}
