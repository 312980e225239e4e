import { DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AnalyticsBasis, AnalyticsGranularity } from '../../../../../shared/rpc/domains/analytics';
import { addDays } from '../../../../../shared/domain/china-time';

export type AnalyticsView = { from: string; to: string; granularity: AnalyticsGranularity; basis: AnalyticsBasis };

/** The presets as [from, to] China dates for `today`. */
export function presetRanges(today: string): Record<'last7' | 'last30' | 'last90' | 'thisMonth' | 'lastMonth' | 'thisYear', [string, string]> {
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = addDays(monthStart, -1);
  return {
    last7: [addDays(today, -6), today],
    last30: [addDays(today, -29), today],
    last90: [addDays(today, -89), today],
    thisMonth: [monthStart, today],
    lastMonth: [`${lastMonthEnd.slice(0, 7)}-01`, lastMonthEnd],
    thisYear: [`${today.slice(0, 4)}-01-01`, today],
  };
}

/** Range, granularity and time basis: everything on the screen follows them. */
export function RangeBar({ view, today, onChange }: { view: AnalyticsView; today: string; onChange: (v: AnalyticsView) => void }) {
  const { t } = useTranslation();
  const presets = presetRanges(today);
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={12} align="center">
        <DatePicker.RangePicker
          aria-label={t('analytics.range')}
          allowClear={false}
          value={[dayjs(view.from), dayjs(view.to)]}
          presets={(Object.keys(presets) as (keyof typeof presets)[]).map((k) => ({ label: t(`analytics.presets.${k}`), value: [dayjs(presets[k][0]), dayjs(presets[k][1])] }))}
          onChange={(v) => {
            if (v && v[0] && v[1]) onChange({ ...view, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
          }}
        />
        <Segmented
          aria-label={t('analytics.granularity.label')}
          value={view.granularity}
          options={(['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`analytics.granularity.${g}`) }))}
          onChange={(g) => onChange({ ...view, granularity: g as AnalyticsGranularity })}
        />
        <Segmented
          aria-label={t('analytics.basis.label')}
          value={view.basis}
          options={(['paid', 'refund'] as const).map((b) => ({ value: b, label: t(`analytics.basis.${b}`) }))}
          onChange={(b) => onChange({ ...view, basis: b as AnalyticsBasis })}
        />
      </Flex>
      {view.basis === 'refund' && <Typography.Text type="secondary">{t('analytics.basis.refundHint')}</Typography.Text>}
    </Flex>
  );
}
