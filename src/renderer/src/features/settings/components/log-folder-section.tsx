import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../../app/host-context';
import { LogFilePath } from '../../../app/log-file';
import { useAppStatus } from '../../../app/status-context';
import { SectionCard } from '../../../shared/ui/section-card';

/** The log file a user sends when something fails: what is in it (and what never is), and where. */
export function LogFolderSection() {
  const { t } = useTranslation();
  const host = useHost();
  const { logFile } = useAppStatus();
  return (
    <SectionCard title={t('settings.logs.title')} description={t('settings.logs.description')}>
      <Flex vertical gap={12} align="flex-start">
        <LogFilePath path={logFile} />
        {host.kind === 'browser' && <Typography.Text type="secondary">{t('settings.dataFolder.browserNote')}</Typography.Text>}
      </Flex>
    </SectionCard>
  );
}
