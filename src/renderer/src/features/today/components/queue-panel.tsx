import { Alert, Flex, List, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BlockQueue, QueueItem } from '../../../../../shared/rpc/domains/routine';
import { hashForScreen } from '../../../app/hash-route';
import { formatChinaTime } from '../../../shared/ui/format';
import { DeclineAlertView } from '../../decline';
import { ORDERS_QUEUE_OF_ITEM, orderHash, ordersQueueHash } from '../../orders/hash-links';
import { hashForSubject } from '../../reminders/subject-route';

const TONE_COLOUR: Record<QueueItem['tone'], string> = { danger: '#cf1322', warning: '#d46b08', info: '#0958d9', success: '#389e0d' };

/** Labels of the generic queue items by id (`today.queue.<id>`). */
const ITEM_LABEL = {
  shipOverdue: 'today.queue.shipOverdue',
  shipWithin24h: 'today.queue.shipWithin24h',
  toPurchase: 'today.queue.toPurchase',
  refundBeforeShip: 'today.queue.refundBeforeShip',
  afterSalesOpen: 'today.queue.afterSalesOpen',
  listedToday: 'today.queue.listedToday',
  ordersYesterday: 'today.queue.ordersYesterday',
  signupOpen: 'today.queue.signupOpen',
  signupClosing: 'today.queue.signupClosing',
  belowFloor: 'today.queue.belowFloor',
  influencersAdded: 'today.queue.influencersAdded',
  influencerStreak: 'today.queue.influencerStreak',
  influencerFollowUps: 'today.queue.influencerFollowUps',
  samplesLate: 'today.queue.samplesLate',
} as const;

/** A sign-up deadline is the whole of its China day: its end instant shown as that day. */
const deadlineDay = (endIso: string): string => formatChinaTime(new Date(Date.parse(endIso) - 1).toISOString()).slice(0, 10);

/** 联系达人's figures open the influencers screen (the late samples its 寄样 tab). */
const INFLUENCER_LINKS: Record<string, string> = {
  influencersAdded: hashForScreen('influencers'),
  influencerFollowUps: hashForScreen('influencers', { followUp: '1' }),
  samplesLate: hashForScreen('influencers', { tab: 'samples', due: '1' }),
};

/** A block's live work queue: figures, then the concrete rows, the 7-day series or the decline alert. */
export function QueuePanel({ queue }: { queue: BlockQueue }) {
  const { t } = useTranslation();
  if (queue.source === 'orders' && !queue.isAvailable) return <Typography.Text type="secondary">{t('today.queue.noOrderData')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={24}>
        {queue.items.map((item) => {
          const labelKey = ITEM_LABEL[item.id as keyof typeof ITEM_LABEL];
          const label = labelKey ? t(labelKey) : item.id;
          const value =
            item.id === 'listedToday' && queue.target
              ? t('today.queue.listedTarget', { count: item.count, min: queue.target.min, max: queue.target.max })
              : item.id === 'influencersAdded' && queue.target
                ? t('today.queue.influencersTarget', { count: item.count, goal: queue.target.min })
                : item.id === 'influencerStreak'
                  ? t('today.queue.influencerStreakDays', { count: item.count })
                  : item.lines !== null
                ? t('today.queue.ordersLines', { orders: item.count, lines: item.lines })
                : item.id === 'ordersYesterday'
                  ? t('today.queue.orders', { count: item.count })
                  : t('today.queue.count', { count: item.count });
          const statistic = (
            <Statistic title={label} value={value} styles={{ content: { fontSize: 16, color: item.count > 0 && item.tone !== 'info' ? TONE_COLOUR[item.tone] : undefined } }} />
          );
          // An order queue opens the orders screen filtered to exactly those orders.
          const ordersQueue = queue.source === 'orders' ? ORDERS_QUEUE_OF_ITEM[item.id] : undefined;
          const link = ordersQueue ? ordersQueueHash(ordersQueue) : queue.source === 'influencers' ? INFLUENCER_LINKS[item.id] : undefined;
          return (
            <Flex key={item.id} vertical>
              {link ? (
                <a href={link} aria-label={`${label}: ${value}`} style={{ color: 'inherit' }}>
                  {statistic}
                </a>
              ) : (
                statistic
              )}
              {item.id === 'shipOverdue' && item.count > 0 && (
                // The same list the grouped overdue reminder opens on the reminders screen.
                <Typography.Link href={hashForScreen('reminders', { list: 'overdue' })} data-testid="overdue-view-all">
                  {t('today.queue.viewAll')}
                </Typography.Link>
              )}
            </Flex>
          );
        })}
      </Flex>
      {!queue.isAvailable && queue.source === 'sourcing' && <Alert type="info" showIcon title={t('today.queue.sourcingNotReady')} />}
      {queue.decline && <DeclineAlertView alert={queue.decline} compact />}
      {queue.series && queue.isAvailable && (
        <div>
          <Typography.Text type="secondary">{t('today.queue.ordersPerDay')}</Typography.Text>
          <Flex gap={6} align="flex-end" style={{ height: 56, marginTop: 4 }} aria-label={t('today.queue.ordersPerDay')} role="img">
            {queue.series.map((d) => {
              const max = Math.max(1, ...(queue.series ?? []).map((s) => s.orders));
              return (
                <Flex key={d.date} vertical align="center" gap={2} style={{ flex: 1 }} title={`${d.date}: ${d.orders}`}>
                  <div style={{ width: '100%', maxWidth: 28, height: Math.max(2, (d.orders / max) * 36), background: '#69b1ff', borderRadius: 2 }} />
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {d.date.slice(5)} · {d.orders}
                  </Typography.Text>
                </Flex>
              );
            })}
          </Flex>
        </div>
      )}
      {queue.source === 'campaigns' && (
        // Campaigns open for sign-up: each opens its drawer on the campaigns screen.
        <List
          size="small"
          dataSource={queue.rows}
          footer={
            <Typography.Link href={hashForScreen('campaigns')} data-testid="campaigns-view-all">
              {t('today.queue.allCampaigns')}
            </Typography.Link>
          }
          renderItem={(row) => (
            <List.Item key={row.key} extra={row.dueAt && <Tag color={row.tone === 'danger' ? 'error' : row.tone === 'warning' ? 'warning' : 'default'}>{t('today.queue.signupBy', { time: deadlineDay(row.dueAt) })}</Tag>}>
              <Typography.Link ellipsis href={hashForScreen('campaigns', { campaign: row.key })} style={{ maxWidth: 420 }}>
                {row.title}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('today.queue.campaignProducts', { count: row.lines })}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {queue.source !== 'campaigns' && queue.rows.length > 0 && (
        <List
          size="small"
          dataSource={queue.rows}
          renderItem={(row) => (
            queue.source === 'influencers' ? (
              // A follow-up due: the influencer's drawer (row keys are `influencer:<id>`).
              <List.Item key={row.key} extra={<Tag color="warning">{t('today.queue.followUp')}</Tag>}>
                <Typography.Link ellipsis href={hashForSubject(row.key)} style={{ maxWidth: 420 }}>
                  {row.title || row.key}
                </Typography.Link>
              </List.Item>
            ) : (
            <List.Item key={row.key} extra={<Tag color={row.tone === 'danger' ? 'error' : row.tone === 'warning' ? 'warning' : 'default'}>{row.dueAt ? t('today.queue.shipBy', { time: formatChinaTime(row.dueAt) }) : t('today.queue.noShipBy')}</Tag>}>
              <Typography.Link ellipsis href={queue.source === 'orders' ? orderHash(row.key) : undefined} style={{ maxWidth: 420 }}>
                {row.title}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {row.key} · {t('today.queue.lines', { count: row.lines })}
              </Typography.Text>
            </List.Item>
            )
          )}
        />
      )}
    </Flex>
  );
}
