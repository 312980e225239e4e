import { Flex, List, Tag, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderCentre } from '../../../../../shared/rpc/domains/reminders';
import { useHashParam } from '../../../app/hash-route';
import { formatChinaTime } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/section-card';

/**
 * The orders past their ship-by time: what the grouped "已超时未发货 N 单" reminder and Today's
 * "查看全部" open (`#/reminders?list=overdue`), until an orders screen exists.
 */
export function OverdueOrders({ overdue, more }: { overdue: ReminderCentre['overdueOrders']; more: ReactNode }) {
  const { t } = useTranslation();
  const list = useHashParam('list');
  const ref = useRef<HTMLDivElement>(null);
  const isOpened = list === 'overdue';
  useEffect(() => {
    if (isOpened) ref.current?.scrollIntoView({ block: 'start' });
  }, [isOpened]);
  if (overdue.total === 0) return null;
  return (
    <div ref={ref} data-testid="overdue-orders">
      <SectionCard title={t('reminders.overdue.title')}>
        <Typography.Text type="danger">{t('reminders.overdue.summary', { orders: overdue.total, lines: overdue.lines })}</Typography.Text>
        <List
          size="small"
          dataSource={overdue.orders}
          renderItem={(o) => (
            <List.Item key={o.orderId} data-overdue-order={o.orderId} extra={<Tag color="error">{t('reminders.overdue.shipBy', { time: formatChinaTime(o.shipBy) })}</Tag>}>
              <Flex gap={8} wrap>
                <Typography.Text ellipsis style={{ maxWidth: 420 }}>
                  {o.productTitle ?? o.orderId}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {o.orderId} · {t('reminders.overdue.lines', { count: o.lines })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        {more}
      </SectionCard>
    </div>
  );
}
