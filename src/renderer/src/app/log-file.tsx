import { FileTextOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../shared/ui/error-message';
import { useHost } from './host-context';

/**
 * Where the log file is (the core's `logFile`, logs/shopdesk.log in the data folder), shown wherever
 * something can go wrong for good: Settings, the recovery screen, the lost-connection banner. The
 * desktop app opens the folder (main's shell.openPath); a browser can only offer the path to copy.
 */
export function LogFilePath({ path, size = 'middle' }: { path: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const host = useHost();
  const showError = useShowError();
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text code copyable={{ text: path, tooltips: [t('settings.dataFolder.copy'), t('settings.dataFolder.copied')] }} style={{ wordBreak: 'break-all' }}>
        {path}
      </Typography.Text>
      {host.kind === 'desktop' && (
        <Button size={size} icon={<FileTextOutlined aria-hidden />} onClick={() => host.desktop.openLogFolder().catch(showError)}>
          {t('settings.logs.open')}
        </Button>
      )}
    </Flex>
  );
}
