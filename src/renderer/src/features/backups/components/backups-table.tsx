import { Alert, Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../../shared/rpc/contract';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { formatChinaTime, formatSize } from '../../../shared/ui/format';

type BackupsTableProps = {
  backups: readonly BackupInfo[];
  isLoading: boolean;
  /** Why the list could not be loaded, if it could not. */
  error?: unknown;
  onRestore: (backup: BackupInfo) => void;
};

/** Backups newest first, each with a Restore button (whose confirmation the caller owns). */
export function BackupsTable({ backups, isLoading, error, onRestore }: BackupsTableProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const columns: TableColumnsType<BackupInfo> = [
    { key: 'time', title: t('backups.columns.time'), render: (_, b) => formatChinaTime(b.createdAt) },
    { key: 'kind', title: t('backups.columns.kind'), render: (_, b) => t(`backups.kinds.${b.kind}`) },
    { key: 'size', title: t('backups.columns.size'), align: 'right', render: (_, b) => formatSize(b.sizeBytes) },
    {
      key: 'actions',
      title: t('backups.columns.actions'),
      align: 'right',
      render: (_, b) => (
        <Button size="small" aria-label={t('backups.restoreLabel', { time: formatChinaTime(b.createdAt) })} onClick={() => onRestore(b)}>
          {t('backups.restore')}
        </Button>
      ),
    },
  ];
  return (
    <>
      {error !== undefined && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 12 }} />}
      <Table<BackupInfo>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...backups]}
        loading={isLoading}
        pagination={backups.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: t('backups.empty') }}
      />
    </>
  );
}
