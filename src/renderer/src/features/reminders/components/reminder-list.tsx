import { ClockCircleOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReminderEntry, SnoozeChoice } from '../../../../../shared/rpc/domains/reminders';
import { formatChinaTime } from '../../../shared/ui/format';
import { kindLabelKey } from '../kind-label';

export type ReminderActions = {
  open(entry: ReminderEntry): void;
  snooze(entry: ReminderEntry, choice: SnoozeChoice): void;
  dismiss(entry: ReminderEntry): void;
};

const KIND_COLOUR: Record<string, string> = {
  'orders.shipOverdue': 'error',
  'orders.shipDue': 'warning',
  'data.decline': 'warning',
  'health.warning': 'warning',
  'routine.targetReached': 'processing',
  'listing.slot': 'cyan',
  sample: 'orange',
  influencer: 'purple',
};

/** One list of the centre: each reminder with its time, and open / snooze / dismiss. */
export function ReminderList({ entries, empty, actions, isBusy, showActions = true }: { entries: readonly ReminderEntry[]; empty: string; actions: ReminderActions; isBusy: boolean; showActions?: boolean }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <List
      dataSource={entries}
      renderItem={(entry) => (
        <List.Item
          key={entry.key}
          data-reminder={entry.key}
          actions={[
            <Button key="open" size="small" type="link" onClick={() => actions.open(entry)}>
              {t('reminders.open')}
            </Button>,
            ...(showActions
              ? [
                  <Dropdown
                    key="snooze"
                    disabled={isBusy}
                    menu={{
                      items: [
                        { key: '10m', label: t('reminders.snooze10m') },
                        { key: '1h', label: t('reminders.snooze1h') },
                        { key: 'tomorrow', label: t('reminders.snoozeTomorrow') },
                      ],
                      onClick: ({ key }) => actions.snooze(entry, key as SnoozeChoice),
                    }}
                  >
                    <Button size="small" icon={<ClockCircleOutlined aria-hidden />}>
                      {t('reminders.snooze')} <DownOutlined aria-hidden />
                    </Button>
                  </Dropdown>,
                  <Button key="dismiss" size="small" disabled={isBusy} onClick={() => actions.dismiss(entry)}>
                    {t('reminders.dismiss')}
                  </Button>,
                ]
              : []),
          ]}
        >
          <List.Item.Meta
            title={
              <Space wrap>
                <Tag color={KIND_COLOUR[entry.kind] ?? 'default'}>{t(kindLabelKey(entry.kind))}</Tag>
                <Typography.Text strong>{entry.title}</Typography.Text>
              </Space>
            }
            description={
              <>
                <Typography.Text>{entry.body}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {entry.state === 'snoozed' && entry.snoozedUntil ? t('reminders.snoozedUntil', { time: formatChinaTime(entry.snoozedUntil) }) : formatChinaTime(entry.firedAt ?? entry.dueAt)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
