import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImportSession } from '../hooks/use-import-session';
import { EmptyDropCard } from './empty-drop-card';
import { HistorySection } from './history-section';
import { PreviewSection } from './preview-section';
import { ProgressSection } from './progress-section';
import { SummarySection } from './summary-section';

/** 导入数据 Import: drop or pick files, preview, import with progress and cancel, summary, history with undo. */
export function ImportsScreen() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '0 0 8px' }}>
          {t('imports.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('imports.intro')}
        </Typography.Paragraph>
      </div>
      <ImportPanel />
      <HistorySection />
    </Flex>
  );
}

/** The part that follows the session: empty, preview, progress or summary. */
function ImportPanel() {
  const [{ entries, run }, session] = useImportSession();
  if (run?.phase === 'running') return <ProgressSection progress={run.progress} isCancelling={run.isCancelling} session={session} />;
  if (run) return <SummarySection run={run} session={session} />;
  if (entries.length > 0) return <PreviewSection entries={entries} session={session} />;
  return <EmptyDropCard />;
}
