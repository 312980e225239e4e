import { Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hashForScreen } from '../../../app/hash-route';
import { useRpcQuery } from '../../../app/use-rpc';

/**
 * The listing slots the reminders follow, read-only: they are the 选品 quota's, edited on the
 * sourcing screen (one setting, so moving a slot there moves its reminder).
 */
export function ListingSlotsSummary() {
  const { t } = useTranslation();
  const quota = useRpcQuery('sourcing.quota', { days: 7 }, { refetchOn: ['sourcing.changed'] });
  if (!quota.data) return <Skeleton.Input active size="small" />;
  return (
    <Flex vertical gap={6} data-testid="listing-slots">
      <Flex gap={6} wrap>
        {quota.data.slots.map((s) => (
          <Tag key={s.time} color="cyan">
            {t('reminders.settings.slotLine', { time: s.time, count: s.count })}
            {s.planned.length > 0 && ` · ${t('reminders.settings.slotPlanned', { planned: s.planned.length })}`}
          </Tag>
        ))}
      </Flex>
      <Typography.Text type="secondary">{t('reminders.settings.slotsHint')}</Typography.Text>
      <Typography.Link href={hashForScreen('sourcing')} style={{ alignSelf: 'flex-start' }}>
        {t('reminders.settings.editSlots')}
      </Typography.Link>
    </Flex>
  );
}
