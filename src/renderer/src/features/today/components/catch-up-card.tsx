import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { blockTitle } from '../../../../../shared/domain/routine-defaults';
import type { CatchUp } from '../../../../../shared/rpc/domains/routine';
import { useLocale } from '../../../shared/ui/use-locale';

/** Yesterday was not closed: offer to close it, with what is still open from it. */
export function CatchUpCard({ catchUp, onClose, isBusy }: { catchUp: CatchUp; onClose(): void; isBusy: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts = [
    catchUp.checklistOpen > 0 && t('today.catchUp.checklistOpen', { count: catchUp.checklistOpen }),
    catchUp.shipOverdue.orders > 0 && t('today.catchUp.shipOverdue', { orders: catchUp.shipOverdue.orders }),
    catchUp.afterSalesOpen > 0 && t('today.catchUp.afterSalesOpen', { count: catchUp.afterSalesOpen }),
    catchUp.remindersMissed > 0 && t('today.catchUp.remindersMissed', { count: catchUp.remindersMissed }),
  ].filter((f): f is string => typeof f === 'string');
  return (
    <Alert
      type="warning"
      showIcon
      title={t('today.catchUp.title', { date: catchUp.date })}
      description={
        <Flex vertical gap={6}>
          <Typography.Text>{t('today.catchUp.body')}</Typography.Text>
          {catchUp.unfinished.length > 0 && (
            <Flex wrap gap={4} align="center">
              <Typography.Text type="secondary">{t('today.catchUp.unfinished')}</Typography.Text>
              {catchUp.unfinished.map((b) => (
                <Tag key={b.key}>{blockTitle(b, locale)}</Tag>
              ))}
            </Flex>
          )}
          {facts.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {facts.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </Flex>
      }
      action={
        <Button onClick={onClose} disabled={isBusy}>
          {t('today.catchUp.close')}
        </Button>
      }
    />
  );
}
