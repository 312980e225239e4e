import { Alert, Button, Flex, Typography } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { LogFilePath } from './log-file';
import { StatusContext } from './status-context';

/**
 * Shown over everything once the connection to the core is gone (the data service stopped): nothing
 * typed now would be saved. It says where the log file is, from the last status the core gave.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useContext(StatusContext);
  return (
    <Alert
      banner
      type="error"
      role="alert"
      title={t('connection.lost')}
      description={
        status && (
          <Flex vertical gap={4}>
            <Typography.Text>{t('connection.logFile')}</Typography.Text>
            <LogFilePath path={status.logFile} size="small" />
          </Flex>
        )
      }
      action={
        <Button size="small" danger onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
      style={{ position: 'sticky', top: 0, zIndex: 1000 }}
    />
  );
}
