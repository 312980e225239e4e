import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CENTRE_LIMIT_MAX } from '../../../../../shared/rpc/domains/reminders';
import { moreLine } from '../centre-limit';

/** Under a cut list of the centre: how many are not shown, and "show more" while the core can send more. */
export function MoreLine({ total, shown, limit, isLoading, onShowMore }: { total: number; shown: number; limit: number; isLoading: boolean; onShowMore(): void }) {
  const { t } = useTranslation();
  const line = moreLine(total, shown, limit);
  if (!line) return null;
  return (
    <Flex align="center" gap={12} wrap style={{ paddingTop: 8 }} data-testid="reminders-more">
      <Typography.Text type="secondary">{t('reminders.more', { count: line.hidden })}</Typography.Text>
      {line.canShowMore ? (
        <Button size="small" loading={isLoading} onClick={onShowMore}>
          {t('reminders.showMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('reminders.moreAtMax', { max: CENTRE_LIMIT_MAX })}</Typography.Text>
      )}
    </Flex>
  );
}
