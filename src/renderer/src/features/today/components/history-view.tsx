import { Col, Empty, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../../shared/domain/china-time';
import { blockTitle } from '../../../../../shared/domain/routine-defaults';
import type { HistoryDay } from '../../../../../shared/rpc/domains/routine';
import { resolveTheme, useSystemDark } from '../../../app/theme';
import { useRpcQuery } from '../../../app/use-rpc';
import { Chart } from '../../../shared/charts/chart';
import type { ChartPngRef } from '../../../shared/charts/chart-png';
import { ChartPngButton } from '../../../shared/charts/chart-png-button';
import { SectionCard } from '../../../shared/ui/section-card';
import { buildHeatmapOption } from '../heatmap-option';
import { useLocale } from '../../../shared/ui/use-locale';
import { formatHoursMinutes } from '../model';

const STATE_COLOUR = { done: 'success', partial: 'processing', missed: 'error', off: 'default', open: 'blue' } as const;

/** Streak, a year's calendar heatmap and one day's details. */
export function HistoryView({ today }: { today: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const settings = useRpcQuery('settings.get', {}, { refetchOn: ['settings.changed'] });
  const isDark = resolveTheme(settings.data?.theme ?? 'system', useSystemDark()) === 'dark';
  const range = useMemo(() => ({ from: addDays(today, -364), to: today }), [today]);
  const history = useRpcQuery('routine.history', range, { refetchOn: ['routine.changed'] });
  const [picked, setPicked] = useState<string | null>(null);
  const png: ChartPngRef = useRef(null);
  const data = history.data;
  const option = useMemo(
    () =>
      data
        ? buildHeatmapOption(data.days, range, { states: t('today.history.states', { returnObjects: true }), tooltip: t('today.history.tooltip', { date: '{date}', state: '{state}', minutes: '{minutes}' }), language: locale === 'zh-CN' ? 'zh' : 'en' }, isDark)
        : null,
    [data, range, t, locale, isDark],
  );
  if (!data || !option) return <Skeleton active paragraph={{ rows: 6 }} />;
  const day: HistoryDay | undefined = data.days.find((d) => d.date === (picked ?? today));
  const units = { h: t('today.units.h'), min: t('today.units.min') };

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <SectionCard title={t('today.history.heatmap')} extra={<ChartPngButton exportRef={png} fileName="shopdesk-routine-history.png" />}>
          <Row gutter={24} style={{ marginBottom: 8 }}>
            <Col>
              <Statistic title={t('today.history.streakCurrent')} value={t('today.brief.days', { count: data.streak.current })} />
            </Col>
            <Col>
              <Statistic title={t('today.history.streakBest')} value={t('today.brief.days', { count: data.streak.best })} />
            </Col>
            <Col style={{ alignSelf: 'end' }}>
              <Typography.Text type="secondary">{t('today.brief.allowance', { count: data.streak.allowedMissesPerWeek })}</Typography.Text>
            </Col>
          </Row>
          <Chart option={option} label={t('today.history.heatmapLabel')} height={210} theme={isDark ? 'dark' : 'light'} exportRef={png} onItemClick={(cell) => Array.isArray(cell) && typeof cell[0] === 'string' && setPicked(cell[0])} />
          <Typography.Text type="secondary">{t('today.history.pickDay')}</Typography.Text>
        </SectionCard>
      </Col>
      <Col span={24}>
        <SectionCard title={t('today.history.day', { date: picked ?? today })}>
          {!day || day.blocks.length === 0 ? (
            <Empty description={t('today.history.empty')} />
          ) : (
            <>
              <Typography.Paragraph>
                <Tag color={STATE_COLOUR[day.state]}>{t(`today.history.states.${day.state}`)}</Tag>
                {t('today.history.spent', { spent: formatHoursMinutes(day.spentMinutes, units), target: formatHoursMinutes(day.targetMinutes, units) })} ·{' '}
                {t('today.history.checklist', { done: day.checklist.done, total: day.checklist.total })} · {day.isClosed ? t('today.history.closed') : t('today.history.notClosed')}
              </Typography.Paragraph>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={day.blocks}
                columns={[
                  { title: t('today.history.block'), render: (_, b) => blockTitle(b, locale) },
                  { title: t('today.history.blockSpent'), dataIndex: 'spentMinutes', align: 'right' },
                  { title: t('today.history.blockTarget'), dataIndex: 'targetMinutes', align: 'right' },
                  { title: t('today.history.blockStatus'), render: (_, b) => t(`today.block.status.${b.status}`) },
                ]}
              />
            </>
          )}
        </SectionCard>
      </Col>
    </Row>
  );
}
