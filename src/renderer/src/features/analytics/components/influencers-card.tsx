import { Empty, Flex } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownResult } from '../../../../../shared/rpc/domains/analytics';
import { Chart } from '../../../shared/charts/chart';
import { SectionCard } from '../../../shared/ui/section-card';
import { buildTrendOption } from '../options';
import { BreakdownTable, useBreakdownCsv } from './breakdown-table';
import { CsvButton, PngButton, type PngRef } from './export-buttons';
import { trendAxis } from './sources-card';

/** Orders by 达人ID (with 昵称): share, change and trend; a click opens the influencer's orders. */
export function InfluencersCard({ result, range, dark, onOpen }: { result: BreakdownResult; range: { from: string; to: string }; dark: boolean; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  const png: PngRef = useRef(null);
  const csv = useBreakdownCsv(result);
  const none = t('analytics.table.none');
  const trend = useMemo(() => buildTrendOption(result, trendAxis(range.from, range.to), { none }, dark), [result, range.from, range.to, dark, none]);
  return (
    <SectionCard
      title={t('analytics.influencers.title')}
      description={t('analytics.influencers.description')}
      extra={
        <Flex gap={8}>
          <PngButton exportRef={png} fileName={`${t('analytics.files.influencers')}.png`} />
          <CsvButton {...csv} fileName={`${t('analytics.files.influencers')}.csv`} />
        </Flex>
      }
    >
      {result.rows.length === 0 ? (
        <Empty description={t('analytics.influencers.empty')} />
      ) : (
        <Flex vertical gap={12}>
          <Chart option={trend} label={`${t('analytics.influencers.title')} · ${t('analytics.table.trend')}`} height={220} theme={dark ? 'dark' : 'light'} exportRef={png} />
          <BreakdownTable result={result} keyTitle={t('analytics.influencers.name')} showKey onOpen={onOpen} label={t('analytics.influencers.title')} />
        </Flex>
      )}
    </SectionCard>
  );
}
