import { CheckCircleFilled, InfoCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRunOutcome } from '../../../../../shared/rpc/domains/imports';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';
import { useImportLabels } from '../hooks/use-import-labels';
import { formatBackupTime } from '../model/backup-time';
import type { ImportSession, RunState } from '../model/import-session';
import { summariseRun } from '../model/run-summary';
import { FileName } from './file-name';
import { IssuesTable } from './issues-table';

type OutcomeRow = ImportRunOutcome & { key: number };

/** After an import: what each file did, the backup taken first, or why it stopped. */
export function SummarySection({ run, session }: { run: Exclude<RunState, { phase: 'running' }>; session: ImportSession }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const describeError = useErrorMessage();
  const labels = useImportLabels();

  const outcomes = run.phase === 'finished' ? run.outcomes : [];
  const summary = summariseRun(outcomes);
  const isCancelled = run.phase === 'finished' && run.wasCancelled;
  const title = run.phase === 'failed' ? t('imports.summary.titleFailed') : isCancelled ? t('imports.summary.titleCancelled') : t('imports.summary.title');
  const icon =
    run.phase === 'failed' ? (
      <CloseCircleFilled style={{ color: token.colorError }} />
    ) : isCancelled ? (
      <InfoCircleFilled style={{ color: token.colorWarning }} />
    ) : (
      <CheckCircleFilled style={{ color: token.colorSuccess }} />
    );

  const columns: TableColumnsType<OutcomeRow> = [
    { key: 'file', title: t('imports.columns.file'), width: 240, render: (_, o) => <FileName name={o.file} isStrong isDanger={o.refused && o.code !== 'IMPORT_CANCELLED'} /> },
    {
      key: 'kind',
      title: t('imports.columns.kind'),
      width: 120,
      render: (_, o) => (o.refused ? '—' : <Tag color="blue">{labels.kind(o.kind)}</Tag>),
    },
    ...(['inserted', 'updated', 'unchanged'] as const).map((field) => ({
      key: field,
      title: t(`imports.columns.${field}`),
      width: field === 'unchanged' ? 100 : 88,
      align: 'right' as const,
      render: (_: unknown, o: OutcomeRow) => (o.refused ? '—' : labels.count(o[field])),
    })),
    {
      key: 'status',
      title: t('imports.columns.status'),
      render: (_, o) => {
        if (o.refused) {
          return (
            <Typography.Text type={o.code === 'IMPORT_CANCELLED' ? 'secondary' : 'danger'}>
              {t('imports.summary.notImported', { reason: labels.message(o) })}
            </Typography.Text>
          );
        }
        if (o.alreadyImported || o.importId === null) return <Tag color="gold">{t('imports.summary.alreadyImported')}</Tag>;
        return <Tag color="success">{t('imports.summary.imported')}</Tag>;
      },
    },
  ];

  return (
    <SectionCard
      title={title}
      extra={
        <Button type="primary" onClick={() => session.reset()}>
          {t('imports.summary.importMore')}
        </Button>
      }
    >
      <Flex align="center" gap={10} style={{ fontSize: 16, marginBottom: 12 }}>
        {icon}
        <Typography.Text strong style={{ fontSize: 16 }}>
          {run.phase === 'failed'
            ? describeError(run.error)
            : isCancelled
              ? summary.written === 0
                ? t('imports.summary.cancelledNothing')
                : t('imports.summary.cancelledPartly', { count: summary.written })
              : t('imports.summary.totals', { inserted: labels.count(summary.inserted), updated: labels.count(summary.updated), unchanged: labels.count(summary.unchanged) })}
        </Typography.Text>
      </Flex>
      {run.phase === 'finished' && summary.skippedOlder > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.summary.skippedOlder', { count: labels.count(summary.skippedOlder) })}
          description={t('imports.preview.skippedOlderHint')}
          style={{ marginBottom: 12 }}
        />
      )}
      {summary.backupIds.map((id) => (
        <Alert
          key={id}
          type="info"
          showIcon
          title={t('imports.summary.backup', { time: formatBackupTime(id) })}
          description={t('imports.summary.backupId', { id })}
          style={{ marginBottom: 12 }}
        />
      ))}
      {outcomes.length > 0 && (
        <Table<OutcomeRow>
          rowKey="key"
          size="middle"
          tableLayout="fixed"
          columns={columns}
          dataSource={outcomes.map((o, key) => ({ ...o, key }))}
          pagination={false}
          expandable={
            outcomes.some((o) => o.issues.length > 0)
              ? { rowExpandable: (o) => o.issues.length > 0, expandedRowRender: (o) => <IssuesTable issues={o.issues} file={o.file} /> }
              : undefined
          }
        />
      )}
    </SectionCard>
  );
}
