import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../../app/host-context';
import { useAppStatus } from '../../../app/status-context';
import { SectionCard } from '../../../shared/ui/section-card';
import { useShowError } from '../../../shared/ui/error-message';

/** Where the data lives; the desktop app can open it, the browser can only copy the path. */
export function DataFolderSection() {
  const { t } = useTranslation();
  const host = useHost();
  const { dataDir } = useAppStatus();
  const showError = useShowError();
  return (
    <SectionCard title={t('settings.dataFolder.title')} description={t('settings.dataFolder.description')}>
      <Flex vertical gap={12} align="flex-start">
        <Typography.Text code copyable={{ text: dataDir, tooltips: [t('settings.dataFolder.copy'), t('settings.dataFolder.copied')] }} style={{ wordBreak: 'break-all' }}>
          {dataDir}
        </Typography.Text>
        {host.kind === 'desktop' ? (
          <Button icon={<FolderOpenOutlined aria-hidden />} onClick={() => host.desktop.openDataFolder().catch(showError)}>
            {t('settings.dataFolder.open')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('settings.dataFolder.browserNote')}</Typography.Text>
        )}
      </Flex>
    </SectionCard>
  );
}
