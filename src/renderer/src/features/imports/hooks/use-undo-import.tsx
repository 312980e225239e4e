import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryEntry, UndoResult } from '../../../../../shared/rpc/domains/imports';
import { useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { useImportLabels } from './use-import-labels';

/**
 * Asks before undoing an import, saying what will happen to which lines, then undoes it. A refusal
 * (a later import changed the same lines) is explained with the imports to undo first.
 */
export function useUndoImport(): (entry: ImportHistoryEntry) => void {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
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

  return useCallback(
    (entry: ImportHistoryEntry) => {
      void modal.confirm({
        title: t('imports.history.undoConfirmTitle', { file: entry.file }),
        content: (
          <>
            <Typography.Paragraph strong>{t('imports.history.undoConfirmAdded', { count: labels.count(entry.inserted) })}</Typography.Paragraph>
            <Typography.Paragraph strong>{t('imports.history.undoConfirmUpdated', { count: labels.count(entry.updated) })}</Typography.Paragraph>
            <Typography.Paragraph>{t('imports.history.undoConfirmOthers')}</Typography.Paragraph>
          </>
        ),
        okText: t('imports.history.undoOk'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        width: 520,
        onOk: async () => {
          try {
            const result = await mutate({ importId: entry.id });
            if (result.undone) void message.success(t('imports.history.undoDone', { removed: labels.count(result.removed), restored: labels.count(result.restored) }), 6);
            else explainRefusal(result);
          } catch (error) {
            showError(error);
          }
        },
      });
    },
    [modal, message, mutate, showError, t, labels, explainRefusal],
  );
}
