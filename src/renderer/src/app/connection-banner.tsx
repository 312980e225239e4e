import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown over everything once the connection to the core is gone: nothing typed now would be saved. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  return (
    <Alert
      banner
      type="error"
      role="alert"
      title={t('connection.lost')}
      action={
        <Button size="small" danger onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
      style={{ position: 'sticky', top: 0, zIndex: 1000 }}
    />
  );
}
