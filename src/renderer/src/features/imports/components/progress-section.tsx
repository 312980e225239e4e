import { StopOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../../shared/rpc/domains/imports';
import { useShowError } from '../../../shared/ui/error-message';
import { formatSize } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/section-card';
import { useImportLabels } from '../hooks/use-import-labels';
import { currentFile, fileFraction, overallFraction, toPercent, type ProgressByFile } from '../model/import-progress';
import type { ImportSession } from '../model/import-session';
import { FileName } from './file-name';

/** The running import: overall and per-file bars from `imports.progressed`, and the cancel button. */
export function ProgressSection({ progress, isCancelling, session }: { progress: ProgressByFile; isCancelling: boolean; session: ImportSession }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const labels = useImportLabels();
  const overall = toPercent(overallFraction(progress));
  const current = currentFile(progress);
  const files = Object.values(progress).sort((a, b) => a.fileIndex - b.fileIndex);

  const cancel = async () => {
    try {
      await session.cancel();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <SectionCard
      title={t('imports.progress.title')}
      extra={
        <Button danger icon={<StopOutlined aria-hidden />} loading={isCancelling} onClick={() => void cancel()}>
          {isCancelling ? t('imports.progress.cancelling') : t('imports.progress.cancel')}
        </Button>
      }
    >
      <Typography.Text strong>{t('imports.progress.overall')}</Typography.Text>
      <Progress
        percent={overall}
        status="active"
        aria-label={t('imports.progress.overall')}
        style={{ margin: '4px 0 12px' }}
      />
      <Typography.Text type="secondary">
        {current ? `${t('imports.progress.file', { index: current.fileIndex + 1, count: current.fileCount })} · ${t('imports.progress.lines', { lines: labels.count(current.lines) })}` : t('imports.progress.waiting')}
      </Typography.Text>
      <Flex vertical gap={12} style={{ marginTop: 16 }}>
        {files.map((file) => (
          <FileProgress key={file.fileIndex} report={file} isPast={current !== null && file.fileIndex < current.fileIndex} />
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 13 }}>
        {t('imports.progress.hint')}
      </Typography.Paragraph>
    </SectionCard>
  );
}

function FileProgress({ report, isPast }: { report: ImportProgress; isPast: boolean }) {
  const { t } = useTranslation();
  const isDone = isPast || report.phase === 'done';
  const percent = isDone ? 100 : toPercent(fileFraction(report));
  const phase = isDone ? t('imports.progress.doneFile') : report.phase === 'checking' ? t('imports.progress.checkingFile') : t('imports.progress.importingFile');
  return (
    <div>
      <Flex justify="space-between" gap={16}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <FileName name={report.file} />
        </div>
        <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
          {phase}
          {!isDone && report.bytesTotal > 0 && ` · ${t('imports.progress.bytes', { done: formatSize(report.bytesDone), total: formatSize(report.bytesTotal) })}`}
        </Typography.Text>
      </Flex>
      <Progress percent={percent} size="small" status={isDone ? 'success' : 'active'} aria-label={report.file} style={{ margin: 0 }} />
    </div>
  );
}
