import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../../shared/rpc/domains/imports';
import { useImportLabels } from '../hooks/use-import-labels';

type IssueRow = ImportIssue & { key: number };

/** The problems found in a file: line, column and what is wrong, in the window's language. */
export function IssuesTable({ issues, file }: { issues: readonly ImportIssue[]; file: string }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const columns: TableColumnsType<IssueRow> = [
    { key: 'line', title: t('imports.issues.line'), width: 80, align: 'right', render: (_, i) => (i.line === null ? '—' : labels.count(i.line)) },
    { key: 'column', title: t('imports.issues.column'), width: 160, render: (_, i) => i.column ?? '—' },
    { key: 'message', title: t('imports.issues.message'), render: (_, i) => labels.message(i) },
  ];
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Text strong>{t('imports.issues.title')}</Typography.Text>
      <Table<IssueRow>
        aria-label={`${t('imports.issues.title')}: ${file}`}
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={issues.map((issue, key) => ({ ...issue, key }))}
        pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
        style={{ marginTop: 8 }}
      />
    </div>
  );
}
