import { Flex, Skeleton, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../../../shared/domain/china-time';
import { useRpcQuery } from '../../../app/use-rpc';
import { TodayPanel } from './today-panel';

// The history (a table and an ECharts heatmap) and the routine's editor (forms, the contract's
// schemas) are their own chunks, fetched when their tab opens: the day's blocks paint without them.
const HistoryView = lazy(async () => ({ default: (await import('./history-view')).HistoryView }));
const RoutineEditor = lazy(async () => ({ default: (await import('./routine-editor')).RoutineEditor }));
const tabFallback = <Skeleton active paragraph={{ rows: 6 }} />;

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
          { key: 'history', label: t('today.tabs.history'), children: <Suspense fallback={tabFallback}><HistoryView today={date} /></Suspense> },
          { key: 'plan', label: t('today.tabs.plan'), children: <Suspense fallback={tabFallback}><RoutineEditor /></Suspense> },
        ]}
      />
    </Flex>
  );
}
