import { FireOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TodayView } from '../../../../../shared/rpc/domains/routine';
import { SectionCard } from '../../../shared/ui/section-card';
import { formatChange, formatYuan } from '../model';
import { ordersQueueHash } from '../../orders/hash-links';

const changeTag = (fraction: number | null, text: (change: string) => string, none: string) =>
  fraction === null ? (
    <Typography.Text type="secondary">{none}</Typography.Text>
  ) : (
    <Tag color={fraction > 0 ? 'success' : fraction < 0 ? 'error' : 'default'}>{text(formatChange(fraction))}</Tag>
  );

/** The first thing of the day: yesterday's orders and sales against the day before, what is due, the streak. */
export function MorningBrief({ view, onImport }: { view: TodayView; onImport(): void }) {
  const { t } = useTranslation();
  const { brief } = view;
  const hasOrders = view.queues.hasOrderData && brief.hasYesterday;
  return (
    <SectionCard title={t('today.brief.title')}>
      <Row gutter={[24, 16]}>
        {hasOrders ? (
          <>
            <Col xs={12} md={6}>
              <Statistic title={t('today.brief.yesterdayOrders')} value={brief.yesterday.orders} />
              {changeTag(brief.ordersChange, (change) => t('today.brief.vsDayBefore', { change }), t('today.brief.noChange'))}
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('today.brief.yesterdayAmount')} value={formatYuan(brief.yesterday.amountFen)} />
              {changeTag(brief.amountChange, (change) => t('today.brief.vsDayBefore', { change }), t('today.brief.noChange'))}
            </Col>
          </>
        ) : (
          <Col xs={24} md={12}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {brief.ordersThrough === null ? t('today.brief.noOrders') : t('today.brief.notYetImported', { date: brief.ordersThrough })}
            </Typography.Paragraph>
            <Button onClick={onImport}>{t('today.brief.importNow')}</Button>
          </Col>
        )}
        <Col xs={12} md={6}>
          <Typography.Text type="secondary">{t('today.brief.dueToday')}</Typography.Text>
          <Flex vertical gap={2} style={{ marginTop: 4 }}>
            <Typography.Link href={ordersQueueHash('overdue')} type={brief.shipOverdue.orders > 0 ? 'danger' : undefined}>{t('today.brief.shipOverdue', { orders: brief.shipOverdue.orders })}</Typography.Link>
            <Typography.Link href={ordersQueueHash('due24h')} type={brief.shipWithin24h.orders > 0 ? 'warning' : undefined}>{t('today.brief.shipWithin24h', { orders: brief.shipWithin24h.orders })}</Typography.Link>
            <Typography.Text>{t('today.brief.reminders', { count: brief.remindersToday })}</Typography.Text>
          </Flex>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('today.brief.streak')} value={t('today.brief.days', { count: brief.streak.current })} prefix={<FireOutlined aria-hidden style={{ color: '#fa541c' }} />} />
          <Typography.Text type="secondary">{t('today.brief.best', { count: brief.streak.best })}</Typography.Text>
        </Col>
      </Row>
    </SectionCard>
  );
}
