import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilePreview } from '../../../../../shared/rpc/domains/imports';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { formatChinaTime, formatSize } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/section-card';
import { useAddFiles } from '../hooks/use-add-files';
import { useImportLabels, type ImportLabels } from '../hooks/use-import-labels';
import { fileFraction, toPercent } from '../model/import-progress';
import type { ImportSession, SessionEntry } from '../model/import-session';
import { previewCounts, previewRows, type PreviewRow } from '../model/preview-rows';
import { FileName } from './file-name';
import { FilePickerButton } from './file-picker-button';
import { IssuesTable } from './issues-table';

/** Columns between the file name and the remove button (kind … notes): a refused or pending row spans them. */
const SPANNED = 6;

const hasIssues = (row: PreviewRow): boolean => row.type === 'outcome' && row.outcome.issues.length > 0;

/** What each dropped file would do, before anything is written; confirm imports the accepted ones. */
export function PreviewSection({ entries, session }: { entries: readonly SessionEntry[]; session: ImportSession }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const describeError = useErrorMessage();
  const addFiles = useAddFiles();
  const rows = previewRows(entries);
  const counts = previewCounts(rows);
  const isChecking = counts.pending > 0;

  const span = (row: PreviewRow) => ({ colSpan: row.type === 'outcome' && !row.outcome.refused ? 1 : 0 });
  const columns: TableColumnsType<PreviewRow> = [
    {
      key: 'file',
      title: t('imports.columns.file'),
      width: 200,
      render: (_, row) => <FileCell row={row} />,
    },
    {
      key: 'kind',
      title: t('imports.columns.kind'),
      width: 136,
      onCell: (row) => ({ colSpan: row.type === 'outcome' && !row.outcome.refused ? 1 : SPANNED }),
      render: (_, row) => {
        if (row.type === 'pending') return <PendingStatus row={row} />;
        if (row.type === 'failed') return <Typography.Text type="danger">{t('imports.preview.failed', { reason: describeError(row.error) })}</Typography.Text>;
        if (row.outcome.refused) return <RefusedMessage message={labels.message(row.outcome)} />;
        return <KindCell preview={row.outcome} />;
      },
    },
    numberColumn('lines', t('imports.columns.lines'), 68, (p) => p.lines, labels, span),
    numberColumn('inserted', t('imports.columns.inserted'), 72, (p) => p.inserted, labels, span),
    numberColumn('updated', t('imports.columns.updated'), 84, (p) => p.updated, labels, span),
    numberColumn('unchanged', t('imports.columns.unchanged'), 96, (p) => p.unchanged, labels, span),
    {
      key: 'notes',
      title: t('imports.columns.notes'),
      onCell: span,
      render: (_, row) => (row.type === 'outcome' && !row.outcome.refused ? <PreviewNotes preview={row.outcome} labels={labels} /> : null),
    },
    {
      key: 'remove',
      width: 48,
      align: 'center',
      render: (_, row) =>
        row.isFirstOfEntry ? (
          <Tooltip title={t('imports.preview.remove', { file: row.name })}>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('imports.preview.remove', { file: row.name })}
              onClick={() => session.remove(row.entryKey)}
            />
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <SectionCard
      title={t('imports.preview.title')}
      description={t('imports.preview.description')}
      extra={
        <Flex gap={8}>
          <FilePickerButton label={t('imports.pickMore')} onFiles={addFiles} />
          <Button onClick={() => session.reset()}>{t('imports.preview.clear')}</Button>
        </Flex>
      }
    >
      <Table<PreviewRow>
        rowKey="key"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={rows}
        pagination={false}
        // The expand column only when there is something to expand: it costs the table 48 pixels.
        expandable={
          rows.some(hasIssues)
            ? { rowExpandable: hasIssues, expandedRowRender: (row) => (row.type === 'outcome' ? <IssuesTable issues={row.outcome.issues} file={row.name} /> : null) }
            : undefined
        }
      />
      {!isChecking && counts.importable === 0 && <Alert type="warning" showIcon title={t('imports.preview.nothingToImport')} style={{ marginTop: 16 }} />}
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">
          {isChecking ? t('imports.preview.checkingCount', { count: counts.pending }) : t('imports.preview.counts', { ok: counts.importable, refused: counts.refused })}
        </Typography.Text>
        <Button type="primary" size="large" disabled={isChecking || counts.importable === 0} onClick={() => void session.start()}>
          {t('imports.preview.import', { count: counts.importable })}
        </Button>
      </Flex>
    </SectionCard>
  );
}

/** A right-aligned count of a previewed file (blank in a refused or pending row, which spans it). */
function numberColumn(
  key: string,
  title: string,
  width: number,
  pick: (p: FilePreview) => number,
  labels: ImportLabels,
  span: (row: PreviewRow) => { colSpan: number },
): TableColumnsType<PreviewRow>[number] {
  return {
    key,
    title,
    width,
    align: 'right',
    onCell: span,
    render: (_, row) => (row.type === 'outcome' && !row.outcome.refused ? labels.count(pick(row.outcome)) : null),
  };
}

/** The name; under it the size while waiting, or the dates covered and the export time once read. */
function FileCell({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const isRefused = row.type === 'failed' || (row.type === 'outcome' && row.outcome.refused);
  const details: string[] = [];
  if (row.type === 'pending') details.push(formatSize(row.size));
  if (row.type === 'outcome' && !row.outcome.refused) {
    details.push(labels.dateRange(row.outcome.dateFrom, row.outcome.dateTo));
    if (row.outcome.exportTime) details.push(t('imports.exportedAt', { time: formatChinaTime(row.outcome.exportTime) }));
  }
  return (
    <>
      <FileName name={row.name} isDanger={isRefused} isStrong />
      {details.map((text) => (
        <Typography.Text key={text} type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {text}
        </Typography.Text>
      ))}
    </>
  );
}

function PendingStatus({ row }: { row: Extract<PreviewRow, { type: 'pending' }> }) {
  const { t } = useTranslation();
  const { status } = row;
  let text: string;
  let percent: number | null = null;
  if (status.stage === 'queued') text = t('imports.preview.queued');
  else if (status.stage === 'uploading') {
    percent = toPercent(row.size > 0 ? status.sentBytes / row.size : 0);
    text = t('imports.preview.uploading', { percent });
  } else if (status.progress) {
    percent = toPercent(fileFraction(status.progress));
    text = t('imports.preview.checkingPercent', { percent });
  } else text = t('imports.preview.checking');
  return (
    <Flex align="center" gap={12}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Typography.Text>
      {percent !== null && <Progress percent={percent} size="small" showInfo={false} style={{ maxWidth: 240, margin: 0 }} aria-label={text} />}
    </Flex>
  );
}

function RefusedMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="baseline">
      <Tag color="error" style={{ flex: 'none' }}>
        {t('imports.preview.refused')}
      </Tag>
      <Typography.Text type="danger">{message}</Typography.Text>
    </Flex>
  );
}

/** The kind as a tag, then the header layout and the text encoding found. */
function KindCell({ preview }: { preview: FilePreview }) {
  const labels = useImportLabels();
  return (
    <>
      <Tag color="blue">{labels.kind(preview.kind)}</Tag>
      {[labels.layout(preview.layout), labels.encoding(preview.encoding)].map((text) => (
        <Typography.Text key={text} type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
          {text}
        </Typography.Text>
      ))}
    </>
  );
}

function PreviewNotes({ preview, labels }: { preview: FilePreview; labels: ImportLabels }) {
  const { t } = useTranslation();
  const notes: ReactNode[] = [];
  if (preview.alreadyImported) {
    notes.push(
      <Tooltip key="again" title={t('imports.preview.alreadyImportedHint')}>
        <Tag color="gold">{t('imports.preview.alreadyImported')}</Tag>
      </Tooltip>,
    );
  }
  const note = (key: string, text: string, hint: string, isDanger = false) => (
    <Tooltip key={key} title={hint}>
      <Typography.Text type={isDanger ? 'danger' : undefined} style={{ cursor: 'help' }}>
        {text}
      </Typography.Text>
    </Tooltip>
  );
  if (preview.issueCount > 0) notes.push(note('issues', t('imports.preview.issues', { count: labels.count(preview.issueCount) }), t('imports.preview.issuesHint'), true));
  if (preview.duplicatesInFile > 0) notes.push(note('dup', t('imports.preview.duplicates', { count: labels.count(preview.duplicatesInFile) }), t('imports.preview.duplicatesHint')));
  if (preview.skippedOlder > 0) notes.push(note('older', t('imports.preview.skippedOlder', { count: labels.count(preview.skippedOlder) }), t('imports.preview.skippedOlderHint')));
  if (notes.length === 0) notes.push(<Typography.Text key="none" type="secondary">{t('imports.preview.noIssues')}</Typography.Text>);
  return (
    <Flex vertical gap={2} align="flex-start" style={{ fontSize: 13 }}>
      {notes}
    </Flex>
  );
}
