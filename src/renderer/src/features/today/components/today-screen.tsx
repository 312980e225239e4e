import { Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../../../shared/domain/china-time';
import { useRpcQuery } from '../../../app/use-rpc';
import { HistoryView } from './history-view';
import { RoutineEditor } from './routine-editor';
import { TodayPanel } from './today-panel';

/** 今日 Today: the daily routine with its timers and queues; its history; the routine's settings. */
export function TodayScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('today');
  const status = useRpcQuery('routine.status', {}, { refetchOn: ['routine.changed'] });
  const date = status.data?.date ?? chinaDate(new Date());
  const navigate = (screen: string) => {
    window.location.hash = `#/${screen}`;
  };
  return (
    <Flex vertical gap={8}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('today.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('today.chinaDate', { date })}</Typography.Text>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'today', label: t('today.tabs.today'), children: <TodayPanel onNavigate={navigate} /> },
          { key: 'history', label: t('today.tabs.history'), children: <HistoryView today={date} /> },
          { key: 'plan', label: t('today.tabs.plan'), children: <RoutineEditor /> },
        ]}
      />
    </Flex>
  );
}
