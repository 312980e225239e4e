import { UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryEntry } from '../../../../../shared/rpc/domains/imports';
import { useRpcQuery } from '../../../app/use-rpc';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { formatChinaTime } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/section-card';
import { useImportLabels } from '../hooks/use-import-labels';
import { useUndoImport } from '../hooks/use-undo-import';
import { FileName } from './file-name';

/** How many imports the history shows; older ones stay in the database. */
const HISTORY_LIMIT = 500;

/** 导入记录: every import, newest first, each with Undo. */
export function HistorySection() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const labels = useImportLabels();
  const undo = useUndoImport();
  const history = useRpcQuery('imports.history', { limit: HISTORY_LIMIT }, { refetchOn: ['imports.finished', 'imports.undone'] });
  const entries = history.data ?? [];

  const columns: TableColumnsType<ImportHistoryEntry> = [
    {
      key: 'file',
      title: t('imports.history.columns.file'),
      width: 200,
      render: (_, e) => (
        <>
          <FileName name={e.file} isStrong />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labels.dateRange(e.dateFrom, e.dateTo)}
          </Typography.Text>
        </>
      ),
    },
    { key: 'kind', title: t('imports.history.columns.kind'), width: 90, render: (_, e) => <Tag color="blue">{labels.kind(e.kind)}</Tag> },
    { key: 'time', title: t('imports.history.columns.time'), width: 160, render: (_, e) => formatChinaTime(e.importedAt) },
    { key: 'lines', title: t('imports.history.columns.lines'), width: 70, align: 'right', render: (_, e) => labels.count(e.lines) },
    {
      key: 'counts',
      title: t('imports.history.columns.counts'),
      width: 130,
      align: 'right',
      render: (_, e) => [e.inserted, e.updated, e.unchanged].map(labels.count).join(' / '),
    },
    {
      key: 'status',
      title: t('imports.history.columns.status'),
      render: (_, e) =>
        e.status === 'undone' ? (
          <>
            <Tag>{t('imports.history.undone')}</Tag>
            {e.undoneAt && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
                {t('imports.history.undoneAt', { time: formatChinaTime(e.undoneAt) })}
              </Typography.Text>
            )}
          </>
        ) : (
          <Tag color="success">{t('imports.history.done')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('imports.history.columns.actions'),
      width: 96,
      align: 'right',
      render: (_, e) =>
        e.status === 'done' ? (
          <Button size="small" icon={<UndoOutlined aria-hidden />} aria-label={t('imports.history.undoLabel', { file: e.file })} onClick={() => undo(e)}>
            {t('imports.history.undo')}
          </Button>
        ) : null,
    },
  ];

  return (
    <SectionCard title={t('imports.history.title')} description={t('imports.history.description')}>
      {history.error !== undefined && <Alert type="error" showIcon title={describeError(history.error)} style={{ marginBottom: 12 }} />}
      <Table<ImportHistoryEntry>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={entries}
        loading={history.isLoading && history.data === undefined}
        pagination={entries.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('imports.history.empty') }}
      />
    </SectionCard>
  );
}
