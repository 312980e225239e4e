import { Alert, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../../app/use-rpc';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';
import { DeclineAlertView } from './decline-alert-view';

/**
 * The decline watch as a card for the 看数据 (analytics) screen: loads `reports.decline` itself and
 * reloads after every import or undo. `at` (ISO instant) computes it as of another moment.
 */
export function DeclineAlertCard({ at }: { at?: string } = {}) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const watch = useRpcQuery('reports.decline', at ? { at } : {}, { refetchOn: ['imports.finished', 'imports.undone'] });
  const w = watch.data;
  // With no whole day of orders yet there is nothing to watch; the screen's own empty state says what to import.
  if (w && !w.alert && (w.through === null || w.series.length === 0)) return null;
  return (
    <SectionCard title={t('decline.title')}>
      {watch.error !== undefined && !w ? (
        <Alert type="error" showIcon title={t('decline.loadFailed')} description={errorText(watch.error)} />
      ) : !w ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : w.alert ? (
        <DeclineAlertView alert={w.alert} />
      ) : (
        <Typography.Text type="secondary" data-testid="decline-quiet">
          {t('decline.quiet', { through: w.through, days: w.days })}
        </Typography.Text>
      )}
    </SectionCard>
  );
}
