import { Button, Flex, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** While the window connects to the core and loads its status and settings. */
export function FullPageLoading({ label }: { label: string }) {
  return (
    <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '100vh' }}>
      <Spin size="large" />
      <Typography.Text type="secondary" role="status">
        {label}
      </Typography.Text>
    </Flex>
  );
}

/** A whole-window failure (no connection, status not loaded) with one way forward. */
export function FullPageFailure({ title, detail, onRetry }: { title: string; detail: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Result
        status="error"
        title={<span role="alert">{title}</span>}
        subTitle={detail}
        extra={
          onRetry ? (
            <Button type="primary" onClick={onRetry}>
              {t('app.retry')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('app.reload')}
            </Button>
          )
        }
      />
    </Flex>
  );
}
